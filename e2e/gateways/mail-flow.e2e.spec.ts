import { eventually, REVOKE, run } from '@keyward/e2e/support';
import { GatewayFixture, MAIL_DOMAIN } from './gateway-fixture';

const USAGE = `query($id: ID!) { appPassword(id: $id) { signIns(first: 20) { edges { node { outcome protocol client sourceIp } } } } }`;

interface SignIn {
  outcome: 'USED' | 'REJECTED';
  protocol: string;
  client: string | null;
  sourceIp: string;
}

// Mail that moves, over TLS, with real clients from Debian's packages (curl, swaks) and
// Python's standard library, through the gateways exactly as docs/gateways sets them up:
// Dovecot (IMAP, POP3, LMTP, and the SASL check), Postfix (submission on its STARTTLS and
// implicit-TLS ports, for mail apps and devices alike), and a smarthost sink (a test double of
// Exchange Online's connector).
describe('mail through Dovecot and Postfix, over TLS', () => {
  const gateways = new GatewayFixture();

  beforeAll(() => gateways.start(), 90_000);
  afterAll(() => gateways.stop());

  async function signIns(appPasswordId: string, count: number): Promise<SignIn[]> {
    return eventually(async () => {
      const data = await gateways.admin.data(USAGE, { id: appPasswordId });
      const edges = data['appPassword'].signIns.edges as { node: SignIn }[];
      return edges.length >= count ? edges.map((edge) => edge.node) : undefined;
    });
  }

  it('delivers what a mail app submits (curl, implicit TLS) to the recipient, who reads it over IMAP (implicit TLS) and POP3 (STARTTLS)', async () => {
    // given
    const sender = await gateways.userWithPassword(`ivy@${MAIL_DOMAIN}`);
    const recipient = await gateways.userWithPassword(`jon@${MAIL_DOMAIN}`);
    // when
    const sent = await gateways.curlSubmission(`ivy@${MAIL_DOMAIN}`, sender.secret, `jon@${MAIL_DOMAIN}`, gateways.message(`ivy@${MAIL_DOMAIN}`, `jon@${MAIL_DOMAIN}`, 'Quarterly figures'));
    // then
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const imap = await eventually(async () => {
      const read = await gateways.readInbox('imap', `jon@${MAIL_DOMAIN}`, recipient.secret);
      return read.stdout.includes('Subject: Quarterly figures') ? read : undefined;
    }, 20_000);
    // the hops: Postfix's submission (authenticated, TLS), then Dovecot's LMTP
    expect(imap.stdout).toMatch(/by mail\.keyward\.test \(Postfix\) with ESMTPSA/);
    expect(imap.stdout).toMatch(/by mail\.keyward\.test with LMTP/);
    const pop = await gateways.readInbox('pop', `jon@${MAIL_DOMAIN}`, recipient.secret, 'starttls');
    expect(pop.stdout).toContain('=== message 1');
    expect(pop.stdout).toContain('Subject: Quarterly figures');
    expect(gateways.dovecot.log()).not.toMatch(/SERVERBUG|SYS\/TEMP|Permission denied/);
    // each sign-in is a recorded use: submission is smtp
    expect((await signIns(sender.appPasswordId, 1)).map((use) => use.protocol)).toEqual(['smtp']);
    expect((await signIns(recipient.appPasswordId, 2)).map((use) => use.protocol).sort()).toEqual(['imap', 'pop']);
  });

  it('takes a password only over TLS: STARTTLS on the submission port works (swaks), a login in clear text is refused before Keyward is asked', async () => {
    // given
    const { secret, appPasswordId } = await gateways.userWithPassword(`kim@${MAIL_DOMAIN}`);
    // when
    const viaStartTls = await gateways.swaks(gateways.postfix.ports.submission, `kim@${MAIL_DOMAIN}`, secret, `kim@${MAIL_DOMAIN}`, 'Sent with STARTTLS');
    const inClear = await gateways.mailLogin('imap', `kim@${MAIL_DOMAIN}`, secret, undefined, { tls: 'none' });
    const popInClear = await gateways.mailLogin('pop', `kim@${MAIL_DOMAIN}`, secret, undefined, { tls: 'none' });
    // then
    expect(viaStartTls.code).toBe(0);
    expect(viaStartTls.stdout).toMatch(/^<~  235 /m);
    expect(inClear).toMatch(/^refused: .*(LOGINDISABLED|Plaintext authentication disallowed)/i);
    expect(popInClear).toMatch(/^refused/);
    const uses = await signIns(appPasswordId, 1);
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({ outcome: 'USED', protocol: 'smtp' });
  });

  it('relays the mail of a device (swaks to the submission port, STARTTLS and an app password) to the smarthost, and refuses it without TLS or with a wrong password', async () => {
    // given
    const { secret, appPasswordId } = await gateways.userWithPassword(`scanner@${MAIL_DOMAIN}`);
    const port = gateways.postfix.ports.submission;
    // when
    const relayed = await gateways.swaks(port, `scanner@${MAIL_DOMAIN}`, secret, 'accounts@fabrikam.example', 'Scan 0042');
    const wrong = await gateways.swaks(port, `scanner@${MAIL_DOMAIN}`, 'kw-wrong-password', 'accounts@fabrikam.example', 'Scan 0043');
    const withoutTls = await run('swaks', ['--server', '127.0.0.1', '--port', String(port), '--auth', 'PLAIN', '--auth-user', `scanner@${MAIL_DOMAIN}`, '--auth-password', secret, '--from', `scanner@${MAIL_DOMAIN}`, '--to', 'accounts@fabrikam.example', '--timeout', '20']);
    // then
    expect(relayed.code).toBe(0);
    const message = await eventually(async () => gateways.smarthost.messages.find((received) => received.data.includes('Subject: Scan 0042')), 20_000);
    expect(message.from).toBe(`scanner@${MAIL_DOMAIN}`);
    expect(message.to).toEqual(['accounts@fabrikam.example']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(/<~\*? 535 /);
    expect(withoutTls.code).not.toBe(0);
    expect(withoutTls.stdout + withoutTls.stderr).toMatch(/AUTH|STARTTLS/);
    expect(gateways.smarthost.messages.some((received) => received.data.includes('Scan 0043'))).toBe(false);
    // the one sign-in that worked is the credential's use (a wrong password matches no credential)
    const uses = await signIns(appPasswordId, 1);
    expect(uses.map((use) => `${use.outcome} ${use.protocol} ${use.sourceIp}`)).toEqual(['USED smtp 127.0.0.1']);
  });

  it('records the name of the client in every use: the IMAP ID, the EHLO of a mail app and of a device, the User-Agent through nginx', async () => {
    // given
    const { secret, appPasswordId } = await gateways.userWithPassword(`lea@${MAIL_DOMAIN}`);
    // when
    expect(await gateways.mailLogin('imap', `lea@${MAIL_DOMAIN}`, secret, undefined, { id: 'Thunderbird' })).toBe('ok');
    expect((await gateways.swaks(gateways.postfix.ports.submissions, `lea@${MAIL_DOMAIN}`, secret, `kim@${MAIL_DOMAIN}`, 'From the laptop', 'lea-laptop.contoso.example')).code).toBe(0);
    expect((await gateways.swaks(gateways.postfix.ports.submission, `lea@${MAIL_DOMAIN}`, secret, 'accounts@fabrikam.example', 'Scan 0044', 'scanner-3f.contoso.example')).code).toBe(0);
    expect((await gateways.curlHttp(`lea@${MAIL_DOMAIN}`, secret, '127.0.0.1', ['-A', 'HP LaserJet MFP/2.1'])).status).toBe(200);
    // then: the EHLO names arrive when the sessions send, moments after their sign-ins
    const uses = await eventually(async () => {
      const found = await signIns(appPasswordId, 4);
      return found.every((use) => use.client !== null) ? found : undefined;
    }, 10_000);
    expect(uses.map((use) => `${use.protocol}: ${use.client}`).sort()).toEqual([
      'http: HP LaserJet MFP/2.1',
      'imap: Thunderbird 1.0',
      'smtp: lea-laptop.contoso.example',
      'smtp: scanner-3f.contoso.example',
    ]);
  });

  it('refuses the submissions of a revoked password, on both submission ports', async () => {
    // given
    const { secret, appPasswordId } = await gateways.userWithPassword(`max@${MAIL_DOMAIN}`);
    expect((await gateways.curlSubmission(`max@${MAIL_DOMAIN}`, secret, `max@${MAIL_DOMAIN}`)).code).toBe(0);
    // when
    await gateways.admin.data(REVOKE, { input: { id: appPasswordId, reason: 'Laptop stolen' } });
    // then
    expect((await gateways.curlSubmission(`max@${MAIL_DOMAIN}`, secret, `max@${MAIL_DOMAIN}`)).code).toBe(67);
    expect((await gateways.swaks(gateways.postfix.ports.submission, `max@${MAIL_DOMAIN}`, secret, 'a@fabrikam.example', 'after revoke')).code).not.toBe(0);
    expect((await gateways.swaks(gateways.postfix.ports.submissions, `max@${MAIL_DOMAIN}`, secret, 'a@fabrikam.example', 'after revoke')).code).not.toBe(0);
  });

  it('is refused by a client that does not trust the certificate', async () => {
    // given
    const { secret } = await gateways.userWithPassword(`ned@${MAIL_DOMAIN}`);
    // when: curl with the system's CAs only
    const untrusted = await run('curl', ['-s', '--max-time', '15', '--resolve', `mail.keyward.test:${gateways.dovecot.ports.imaps}:127.0.0.1`, `imaps://mail.keyward.test:${gateways.dovecot.ports.imaps}/`, '--user', `ned@${MAIL_DOMAIN}:${secret}`]);
    // then: 60, the peer's certificate cannot be verified
    expect(untrusted.code).toBe(60);
  });
});
