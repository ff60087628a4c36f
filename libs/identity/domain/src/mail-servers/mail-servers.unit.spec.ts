import { parseMailServer } from './mail-servers';

describe('a mail server as configured (host:port)', () => {
  it.each([
    ['imap', 'imap.contoso.example:993', 'SSL'],
    ['imap', 'imap.contoso.example:143', 'STARTTLS'],
    ['pop3', 'pop.contoso.example:995', 'SSL'],
    ['smtp', 'smtp.contoso.example:587', 'STARTTLS'],
    ['smtp', 'smtp.contoso.example:465', 'SSL'],
    ['smtp', 'smtp.contoso.example:2525', 'STARTTLS'],
    ['smtp', 'smtp.contoso.example:2465/ssl', 'SSL'],
    ['imap', 'IMAP.Contoso.Example:993/starttls', 'STARTTLS'],
  ] as const)('given %s %s, then its security is %s, as mail clients expect of the port', (protocol, text, security) => {
    const server = parseMailServer(protocol, text);
    expect(server.security).toBe(security);
    expect(server.host).toBe(text.split(':')[0].toLowerCase());
  });

  it.each(['imap.contoso.example', 'imap.contoso.example:0', 'imap.contoso.example:70000', ':993', 'imap contoso:993', 'imap.contoso.example:993/tls', 'a_b.example:993', '<x>:993'])(
    'refuses %j',
    (text) => {
      expect(() => parseMailServer('imap', text)).toThrow(/host:port/);
    },
  );
});
