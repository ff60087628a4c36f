import { execFileSync } from 'node:child_process';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, type Json } from '@keyward/e2e/support';

const GENERATE_WITH_PROFILE = `mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { secret appleProfileUrl appPassword { id } } }`;

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

  it("given a user generating their own app password, then an Apple profile link comes with it: Python's plistlib reads the Mail payload with the servers and the password, and the link works once", async () => {
    // given
    const ann = new ConsoleClient(keyward.baseUrl);
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'ann@contoso.example', ['USER'], { password: 'ann-console-password' });
    await ann.signIn('ann@contoso.example', 'ann-console-password');
    // when
    const generated = (await ann.data(GENERATE_WITH_PROFILE, { input: { userId: user.id, label: 'iPhone' } })).generateAppPassword;
    const link: string = generated.appleProfileUrl;
    expect(link).toMatch(/^https:\/\/keyward\.contoso\.example\/mail\/profile\/[A-Za-z0-9_-]{43}$/);
    const local = link.replace('https://keyward.contoso.example', keyward.baseUrl);
    const response = await fetch(local);
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-apple-aspen-config/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const script = `
import json, plistlib, sys
profile = plistlib.loads(sys.stdin.buffer.read())
mail = profile['PayloadContent'][0]
print(json.dumps(dict(type=profile['PayloadType'], payload=mail['PayloadType'], account=mail['EmailAccountType'], address=mail['EmailAddress'],
  incoming=[mail['IncomingMailServerHostName'], mail['IncomingMailServerPortNumber'], mail['IncomingMailServerUseSSL'], mail['IncomingMailServerUsername']],
  outgoing=[mail['OutgoingMailServerHostName'], mail['OutgoingMailServerPortNumber'], mail['OutgoingMailServerUsername'], mail['OutgoingPasswordSameAsIncomingPassword']],
  password=mail['IncomingPassword'])))`;
    const read = JSON.parse(execFileSync('python3', ['-c', script], { input: Buffer.from(await response.arrayBuffer()) }).toString());
    expect(read).toEqual({
      type: 'Configuration',
      payload: 'com.apple.mail.managed',
      account: 'EmailTypeIMAP',
      address: 'ann@contoso.example',
      incoming: ['imap.contoso.example', 993, true, 'ann@contoso.example'],
      outgoing: ['smtp.contoso.example', 587, 'ann@contoso.example', true],
      password: generated.secret.replace(/\s/g, ''),
    });
    expect((await fetch(local)).status).toBe(404);
    // and an admin generating for someone else gets no profile link
    expect((await admin.data(GENERATE_WITH_PROFILE, { input: { userId: user.id, label: 'Scanner' } })).generateAppPassword.appleProfileUrl).toBeNull();
  });

  it("given an admin who enters the tenant's own mail servers, then autoconfig names them instead of the defaults; bad servers are refused and change nothing", async () => {
    // given fabrikam's admin, with the defaults
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const SERVERS = '{ mailServers { isTenantSpecific imap { host port security } pop { host } submission { host port security } } }';
    expect((await admin.data(SERVERS)).mailServers).toMatchObject({ isTenantSpecific: false, imap: { host: 'imap.contoso.example', port: 993, security: 'SSL' } });
    const CHANGE = 'mutation($input: MailServersInput!) { changeMailServers(input: $input) { isTenantSpecific imap { host port security } pop { host } } }';
    // when a bad server is sent, then nothing changes
    for (const imap of [{ host: 'not a host', port: 993, security: 'SSL' }, { host: 'imap.fabrikam.example', port: 0, security: 'SSL' }]) {
      const refused = await admin.graphql(CHANGE, { input: { imap } });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    expect((await admin.data(SERVERS)).mailServers.isTenantSpecific).toBe(false);
    // when the admin enters the tenant's own
    const changed = await admin.data(CHANGE, {
      input: { imap: { host: 'IMAP.fabrikam.example', port: 143, security: 'STARTTLS' }, pop: null, submission: { host: 'smtp.fabrikam.example', port: 465, security: 'SSL' } },
    });
    expect(changed.changeMailServers).toEqual({ isTenantSpecific: true, imap: { host: 'imap.fabrikam.example', port: 143, security: 'STARTTLS' }, pop: null });
    // then autoconfig names them (and the other tenant keeps the defaults)
    const xml = await (await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml?emailaddress=anyone@fabrikam.example`)).text();
    expect(serversOf(xml).servers).toEqual([
      { kind: 'incomingServer', type: 'imap', hostname: 'imap.fabrikam.example', port: '143', socketType: 'STARTTLS', authentication: 'password-cleartext', username: '%EMAILADDRESS%' },
      { kind: 'outgoingServer', type: 'smtp', hostname: 'smtp.fabrikam.example', port: '465', socketType: 'SSL', authentication: 'password-cleartext', username: '%EMAILADDRESS%' },
    ]);
    expect(serversOf(await (await fetch(`${keyward.baseUrl}/mail/config-v1.1.xml?emailaddress=anyone@contoso.example`)).text()).servers).toHaveLength(3);
  });
});
