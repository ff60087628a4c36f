import { addressProblem } from './address';

describe('checking an address or CIDR block before asking the server', () => {
  it.each(['', '203.0.113.7', '203.0.113.0/24', '0.0.0.0/0', '2001:db8::1', '2001:db8:1::/48', '::1', '::', '::ffff:192.0.2.1', '2001:db8:0:0:0:0:0:1/128', ' 10.0.0.0/8 '])(
    'accepts %p',
    (text) => expect(addressProblem(text)).toBe(''),
  );

  it.each(['not an address', '203.0.113', '256.1.1.1', '203.0.113.0/24/1', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'gggg::1', '::ffff:300.1.1.1'])('refuses %p, saying what to type', (text) => {
    expect(addressProblem(text)).toMatch(/^Enter an IP address/);
  });

  it('says which prefix lengths fit each family', () => {
    expect(addressProblem('203.0.113.0/33')).toBe('The prefix length after "/" must be a whole number from 0 to 32 for IPv4.');
    expect(addressProblem('2001:db8::/129')).toBe('The prefix length after "/" must be a whole number from 0 to 128 for IPv6.');
    expect(addressProblem('203.0.113.0/')).toMatch(/0 to 32/);
  });
});
