import { eventually, REVOKE } from '@keyward/e2e/support';
import { GatewayFixture, MAIL_DOMAIN } from './gateway-fixture';

const NOTICES = 'query { notices(first: 20) { edges { node { subject status recipient } } } }';

// Keyward's notices through a real MTA (DESIGN §8 mail): Keyward hands them to Postfix (Debian's),
// which delivers them over LMTP to the Maildir Dovecot (Debian's) serves; the owner reads them
// over IMAP with Python's imaplib, signing in with another of their app passwords.
describe('notices delivered by Postfix to a Maildir, read back over IMAP', () => {
  const gateways = new GatewayFixture({ withNotices: true });

  beforeAll(() => gateways.start(), 90_000);
  afterAll(() => gateways.stop());

  it('delivers the revocation notice to the owner’s mailbox, as text and HTML, without the secret', async () => {
    // given: kim reads her mail with one app password; an admin revokes another
    const owner = `kim@${MAIL_DOMAIN}`;
    const kim = await gateways.userWithPassword(owner);
    const scanner = await gateways.admin.data(
      'mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { secret appPassword { id } } }',
      { input: { userId: kim.userId, label: 'Floor 3 scanner' } },
    );
    const { secret, appPassword } = scanner['generateAppPassword'];
    // when
    await gateways.admin.data(REVOKE, { input: { id: appPassword.id, reason: 'Scanner sold, ticket 5521' } });
    // then: the notice is in her inbox, read over IMAPS with her mail app's password
    const inbox = await eventually(async () => {
      const messages = await gateways.readInboxParsed(owner, kim.secret);
      return messages.find((message) => message.subject.includes('Floor 3 scanner'));
    }, 30_000);
    expect(inbox.subject).toBe('Your app password "Floor 3 scanner" was revoked');
    expect(inbox.from).toBe(`Keyward <keyward@${MAIL_DOMAIN}>`);
    expect(inbox.contentType).toBe('multipart/alternative');
    expect(inbox.notice).toEqual(expect.any(String));
    expect(inbox.text).toContain('Scanner sold, ticket 5521');
    expect(inbox.text).toContain(`admin@${MAIL_DOMAIN}`);
    expect(inbox.html).toContain('Scanner sold, ticket 5521');
    expect(inbox.html).toContain('/me/app-passwords');
    const compact = (text: string) => text.replace(/[\s-]/g, '').toLowerCase();
    expect(compact(`${inbox.text}${inbox.html}`)).not.toContain(compact(secret).slice(0, 16));
    const sent = await eventually(async () => {
      const edges = (await gateways.admin.data(NOTICES))['notices'].edges as { node: { subject: string; status: string } }[];
      return edges.find((edge) => edge.node.subject.includes('Floor 3 scanner') && edge.node.status === 'SENT');
    });
    expect(sent.node).toMatchObject({ status: 'SENT' });
  }, 60_000);
});
