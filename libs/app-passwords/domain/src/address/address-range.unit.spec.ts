import { addressKey, addressRange } from './address-range';

describe('addresses as ranges of keys', () => {
  it('given an IPv4 block, when an address is inside or outside it, then its key falls inside or outside the range', () => {
    const range = addressRange('203.0.113.0/24');
    if (!range) throw new Error('no range');
    const inside = addressKey('203.0.113.77') as string;
    const outside = addressKey('203.0.114.1') as string;
    expect(inside >= range.from && inside <= range.to).toBe(true);
    expect(outside >= range.from && outside <= range.to).toBe(false);
  });

  it('given an IPv6 block, when addresses are tested, then only those in the block fall in the range', () => {
    const range = addressRange('2001:db8:abcd::/48');
    if (!range) throw new Error('no range');
    const key = (address: string) => addressKey(address) as string;
    expect(key('2001:db8:abcd:12::1') >= range.from && key('2001:db8:abcd:12::1') <= range.to).toBe(true);
    expect(key('2001:db8:abce::1') >= range.from && key('2001:db8:abce::1') <= range.to).toBe(false);
  });

  it('treats an IPv4 address and its IPv4-mapped IPv6 form as the same address', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe(addressKey('192.0.2.7'));
    expect(addressRange('192.0.2.7')).toEqual({ from: addressKey('192.0.2.7'), to: addressKey('192.0.2.7') });
  });

  it('refuses what is not an address or a block', () => {
    expect(addressRange('203.0.113.0/33')).toBeNull();
    expect(addressRange('not an address')).toBeNull();
    expect(addressRange('')).toBeNull();
    expect(addressKey('999.1.1.1')).toBeNull();
  });
});
