import { execFileSync } from 'node:child_process';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, type Json } from '@keyward/e2e/support';

/** The servers of an autoconfig document, read by Python's own XML parser (a reader Keyward did not write). */
function serversOf(xml: string): Json {
  const script = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
provider = root.find('emailProvider')
servers = [dict(kind=s.tag, type=s.get('type'), **{c.tag: c.text for c in s}) for s in provider if s.tag in ('incomingServer', 'outgoingServer')]
print(json.dumps(dict(version=root.get('version'), id=provider.get('id'), domain=provider.findtext('domain'), name=provider.findtext('displayName'), servers=servers)))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: xml }).toString());
}

// Mozilla autoconfig: Thunderbird and other clients fill in the servers by themselves from the
// user's address; the document names servers and the user name placeholder, never a secret.
describe('mail client autoconfig', () => {
  const keyward = new KeywardProcess({
    domains: 'contoso.example,fabrikam.example',
    env: { KEYWARD_MAIL_IMAP: 'imap.contoso.example:993', KEYWARD_MAIL_POP: 'pop.contoso.example:995', KEYWARD_MAIL_SUBMISSION: 'smtp.contoso.example:587', KEYWARD_PUBLIC_URL: 'https://keyward.contoso.example' },
  });
  beforeAll(() => keyward.start());
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it.each(['/.well-known/autoconfig/mail/config-v1.1.xml', '/mail/config-v1.1.xml'])(
    'given a user with an app password, when a mail client asks %s for their address, then it gets the servers with %%EMAILADDRESS%% as the user name and no secret',
    async (path) => {
      // given
      const admin = new ConsoleClient(keyward.baseUrl);
      await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
      const user = await createUser(admin, `mailer${path.length}@contoso.example`);
      const { secret } = await generate(admin, user.id, 'Thunderbird');
      // when
      const response = await fetch(`${keyward.baseUrl}${path}?emailaddress=${encodeURIComponent(`mailer${path.length}@contoso.example`)}`);
      // then
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
      const xml = await response.text();
      expect(xml).not.toContain(secret);
      expect(xml).not.toMatch(/\$argon2/);
      expect(serversOf(xml)).toEqual({
        version: '1.1',
        id: 'contoso.example',
        domain: 'contoso.example',
        name: 'contoso.example',
        servers: [
          { kind: 'incomingServer', type: 'imap', hostname: 'imap.contoso.example', port: '993', socketType: 'SSL', authentication: 'password-cleartext', username: '%EMAILADDRESS%' },
          { kind: 'incomingServer', type: 'pop3', hostname: 'pop.contoso.example', port: '995', socketType: 'SSL', authentication: 'password-cleartext', username: '%EMAILADDRESS%' },
          { kind: 'outgoingServer', type: 'smtp', hostname: 'smtp.contoso.example', port: '587', socketType: 'STARTTLS', authentication: 'password-cleartext', username: '%EMAILADDRESS%' },
        ],
      });
      expect(xml).toContain('https://keyward.contoso.example/me/app-passwords');
    },
  );

  it('answers another tenant for its own domain, 404 for a domain that is no tenant\'s, and 400 without an address', async () => {
    expect(serversOf(await (await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml?emailaddress=anyone@fabrikam.example`)).text()).domain).toBe('fabrikam.example');
    expect((await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml?emailaddress=someone@elsewhere.example`)).status).toBe(404);
    expect((await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml`)).status).toBe(400);
    expect((await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent('<script>@contoso.example')}`)).status).toBe(400);
  });
});
