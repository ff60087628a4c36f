import { parseBasicAuthorization } from './basic-credentials';

const basic = (raw: string | Buffer) => `Basic ${Buffer.from(raw).toString('base64')}`;

describe('reading HTTP Basic credentials', () => {
  it('splits at the first colon, so passwords may contain colons, quotes and non-ASCII', () => {
    expect(parseBasicAuthorization(basic('alice@contoso.example:pa:ss "ü\\'))).toEqual({
      userName: 'alice@contoso.example',
      password: 'pa:ss "ü\\',
    });
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['broken base64', 'Basic ###'],
    ['no colon', basic('alice')],
    ['an empty user', basic(':secret')],
    ['an empty password', basic('alice@contoso.example:')],
    ['invalid UTF-8', basic(Buffer.from([0x61, 0x3a, 0xff, 0xfe]))],
    ['an oversized header', `Basic ${'A'.repeat(8000)}`],
  ])('refuses %s', (_what, header) => {
    expect(parseBasicAuthorization(header)).toBeNull();
  });
});
