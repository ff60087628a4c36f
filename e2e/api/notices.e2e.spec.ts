import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, freePort, generate, KeywardProcess, REVOKE, SmarthostSink, type Json } from '@keyward/e2e/support';

const NOTICES = 'query { notices(first: 50) { totalCount edges { node { id kind recipient subject status attempts lastError nextAttemptAt sentAt } } } }';
const PREFERENCES = 'mutation($on: Boolean!) { changeNoticePreferences(expiryReminders: $on) { id expiryReminders } }';
const SUSPEND = 'mutation($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { id status } }';
const START_REVIEW = 'mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { id } }';

/** A received message's headers and its text and HTML parts, decoded (nodemailer writes quoted-printable). */
function partsOf(data: string): { subject: string; text: string; html: string; contentType: string } {
  const unfold = (headers: string) => headers.replace(/\r?\n[ \t]+/g, ' ');
  const [head] = data.split(/\r?\n\r?\n/);
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfold(head))?.[1] ?? '');
  const part = (type: string) => {
    const match = new RegExp(`Content-Type: ${type}[^]*?\\r?\\n\\r?\\n([^]*?)\\r?\\n--`, 'i').exec(data);
    return match ? match[1].replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : '';
  };
  const utf8 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');
  return { subject, text: utf8(part('text/plain')), html: utf8(part('text/html')), contentType: /^Content-Type: ([^;\r\n]+)/im.exec(head)?.[1] ?? '' };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as in a subject with quotes. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

// Notices (DESIGN §8 mail) from a real Keyward to an SMTP server: here a test double (smtp-server,
// as the smarthost sink), so that the server can be made to refuse and go away; the delivery
// through Postfix and Dovecot is e2e/gateways/mail-notices.
describe('notices: owners and reviewers told by mail, each notice an event, retried until sent', () => {
  let sink: SmarthostSink;
  let keyward: KeywardProcess;
  let admin: ConsoleClient;
  let bob: ConsoleClient;
  let ids: Record<string, string>;
  const mailTo = (address: string, subject: RegExp) =>
    eventually(async () => sink.messages.map((message) => ({ ...message, ...partsOf(message.data) })).find((message) => message.to.includes(address) && subject.test(message.subject)), 15_000);
  const notices = async () => (await admin.data(NOTICES))['notices'].edges.map((edge: Json) => edge.node) as Json[];

  beforeAll(async () => {
    const [smtpPort, port] = [await freePort(), await freePort()];
    sink = await new SmarthostSink(smtpPort).start();
    keyward = await new KeywardProcess({
      port,
      domains: 'contoso.example',
      env: {
        KEYWARD_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        KEYWARD_MAIL_FROM: 'Keyward <keyward@contoso.example>',
        KEYWARD_MAIL_RETRY_SECONDS: '1',
        KEYWARD_NOTICE_SWEEP_SECONDS: '1',
        KEYWARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
    }).start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example', ['USER'], { password: 'alice-console-password' });
    const bobUser = await createUser(admin, 'bob@contoso.example', ['USER'], { password: 'bob-console-password' });
    ids = { alice: alice.id, bob: bobUser.id, admin: (await admin.data('query { me { id } }'))['me'].id };
    bob = new ConsoleClient(keyward.baseUrl);
    expect(await bob.signIn('bob@contoso.example', 'bob-console-password')).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    await sink.stop();
  });

  it('tells the owner who revoked which app password, when, why and what to do next, as text and HTML, without the secret', async () => {
    const phone = await generate(admin, ids.alice, 'Old phone');
    await admin.data(REVOKE, { input: { id: phone.appPassword.id, reason: 'Phone lost, see INC-77' } });
    const mail = await mailTo('alice@contoso.example', /Old phone/);
    expect(mail.subject).toBe('Your app password "Old phone" was revoked');
    expect(mail.from).toBe('keyward@contoso.example');
    expect(mail.contentType).toBe('multipart/alternative');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('admin@contoso.example');
      expect(body).toContain('Phone lost, see INC-77');
      expect(body).toContain(`${keyward.baseUrl}/me/app-passwords`);
      expect(body).toContain('create a new app password');
    }
    expect(mail.html).toContain('<a href=');
    expect(mail.data).not.toContain(phone.secret.replace(/\s/g, '').slice(0, 12));
    expect(mail.data).toMatch(/^X-Keyward-Notice: /m);
    const recorded = await eventually(async () => (await notices()).find((notice) => notice.subject.includes('Old phone') && notice.status === 'SENT'));
    expect(recorded).toMatchObject({ kind: 'APP_PASSWORD_REVOKED', recipient: 'alice@contoso.example', attempts: 1 });
    const events = (await admin.data('query { auditEvents(filter: { types: ["NoticeQueued", "NoticeSent"] }) { edges { node { type actor data } } } }'))['auditEvents'].edges;
    expect(events.map((edge: Json) => edge.node.type)).toEqual(expect.arrayContaining(['NoticeQueued', 'NoticeSent']));
    expect(JSON.stringify(events)).not.toContain(phone.secret.replace(/\s/g, '').slice(0, 12));
  });

  it('sends nothing for one’s own revocation', async () => {
    const own = await generate(bob, ids.bob, 'Mine');
    await bob.data(REVOKE, { input: { id: own.appPassword.id, reason: 'Not needed any more' } });
    const suspect = await generate(admin, ids.bob, 'Suspect');
    await admin.data(SUSPEND, { input: { filter: { ids: [suspect.appPassword.id] }, reason: 'Odd sign-ins from abroad', incidentRef: 'INC-80' } });
    const suspended = await mailTo('bob@contoso.example', /was suspended/);
    expect(suspended.text).toContain('Odd sign-ins from abroad');
    expect(sink.messages.filter((message) => message.data.includes('Mine'))).toEqual([]);
  });

  it('tells the owner when an app password was reported leaked', async () => {
    const leaked = await generate(admin, ids.alice, 'CI job');
    const response = await fetch(`${keyward.baseUrl}/leaks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appPasswords: [leaked.secret] }) });
    expect(response.status).toBe(202);
    const mail = await mailTo('alice@contoso.example', /CI job/);
    expect(mail.subject).toBe('Your app password "CI job" was reported leaked and has been revoked');
    expect(mail.text).toContain('Keyward, on a leak report');
  });

  it('asks each reviewer of a new access review for their decisions', async () => {
    await generate(admin, ids.bob, 'Printer');
    await admin.data(START_REVIEW, { input: { name: 'Printers, Q4', filter: { label: 'Printer' }, dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), reviewerIds: [ids.alice] } });
    const mail = await mailTo('alice@contoso.example', /Printers, Q4/);
    expect(mail.subject).toBe('Access review "Printers, Q4" needs your decisions');
    expect(mail.text).toMatch(/1 app passwords/);
    // Due within 3 days: its reviewers are reminded, once, of what they have left to decide.
    await admin.data(START_REVIEW, { input: { name: 'Printers, urgent', filter: { label: 'Printer' }, dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), reviewerIds: [ids.alice] } });
    const reminder = await mailTo('alice@contoso.example', /^Reminder: access review "Printers, urgent"/);
    expect(reminder.text).toMatch(/1 of its app passwords are still undecided/);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sink.messages.filter((message) => partsOf(message.data).subject.startsWith('Reminder: access review "Printers, urgent"'))).toHaveLength(1);
  });

  it('reminds owners 7 days and 1 day before an app password expires, unless they turned reminders off', async () => {
    await generate(admin, ids.alice, 'Kiosk', { expiresInDays: 5 });
    await generate(admin, ids.alice, 'Badge reader', { expiresInDays: 1 });
    expect((await bob.data(PREFERENCES, { on: false }))['changeNoticePreferences']).toMatchObject({ expiryReminders: false });
    await generate(admin, ids.bob, 'Bob kiosk', { expiresInDays: 5 });
    expect((await mailTo('alice@contoso.example', /Kiosk/)).subject).toBe('Your app password "Kiosk" expires in 7 days');
    expect((await mailTo('alice@contoso.example', /Badge reader/)).subject).toBe('Your app password "Badge reader" expires within a day');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sink.messages.filter((message) => message.data.includes('Bob kiosk'))).toEqual([]);
    // Reminders are queued once, however many passes see them.
    expect(sink.messages.filter((message) => partsOf(message.data).subject.includes('"Kiosk"'))).toHaveLength(1);
    // Revocation notices cannot be turned off.
    const bobs = await generate(admin, ids.bob, 'Bob laptop');
    await admin.data(REVOKE, { input: { id: bobs.appPassword.id, reason: 'Laptop returned' } });
    expect((await mailTo('bob@contoso.example', /Bob laptop/)).subject).toBe('Your app password "Bob laptop" was revoked');
  });

  it('keeps a notice the server refuses, and one it cannot be reached for, and sends each once it can; requests never wait for mail', async () => {
    sink.refusal = '4.3.0 Mailbox busy, try later';
    const refused = await generate(admin, ids.alice, 'Refused once');
    const started = Date.now();
    await admin.data(REVOKE, { input: { id: refused.appPassword.id, reason: 'Testing a busy server' } });
    expect(Date.now() - started).toBeLessThan(2000);
    const failing = await eventually(async () => (await notices()).find((notice) => notice.subject.includes('Refused once') && notice.status === 'FAILED'), 10_000);
    expect(failing.lastError).toContain('Mailbox busy');
    expect(failing.nextAttemptAt).toEqual(expect.any(String));
    sink.refusal = null;
    await mailTo('alice@contoso.example', /Refused once/);
    const sent = await eventually(async () => (await notices()).find((notice) => notice.subject.includes('Refused once') && notice.status === 'SENT'), 10_000);
    expect(sent.attempts).toBeGreaterThanOrEqual(2);

    await sink.stop();
    const down = await generate(admin, ids.alice, 'Server down');
    await admin.data(REVOKE, { input: { id: down.appPassword.id, reason: 'Testing a server that is away' } });
    const unreachable = await eventually(async () => (await notices()).find((notice) => notice.subject.includes('Server down') && notice.status === 'FAILED'), 15_000);
    expect(unreachable.lastError).toMatch(/ECONNREFUSED|connect/i);
    sink = await new SmarthostSink(sink.port).start();
    await mailTo('alice@contoso.example', /Server down/);
    expect(sink.messages.filter((message) => message.data.includes('Server down'))).toHaveLength(1);
  }, 60_000);

  it('mails a scheduled report to its named recipients, the report attached, and only within the organisation', async () => {
    const SCHEDULE = 'mutation($input: ScheduleReportInput!) { scheduleReport(input: $input) { id report params format cadence recipients isActive nextRunAt } }';
    const input = { report: 'dormant', params: { days: 0 }, format: 'PDF', cadence: 'WEEKLY', recipients: ['Audit@contoso.example', 'ciso@contoso.example'] };
    const scheduled = (await admin.data(SCHEDULE, { input }))['scheduleReport'];
    expect(scheduled).toMatchObject({ report: 'dormant', params: { days: '0' }, format: 'PDF', cadence: 'WEEKLY', recipients: ['audit@contoso.example', 'ciso@contoso.example'], isActive: true });
    expect(Date.parse(scheduled.nextRunAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    for (const recipient of ['audit@contoso.example', 'ciso@contoso.example']) {
      const mail = await mailTo(recipient, /weekly report: dormant/);
      expect(mail.data).toMatch(/Content-Type: application\/pdf; name=keyward-dormant-\d{4}-\d{2}-\d{2}\.pdf/);
      expect(mail.data).toContain('JVBERi0'); // %PDF-, in base64
      expect(mail.text).toContain('admin@contoso.example scheduled it to be mailed weekly');
    }
    const codeOf = async (variables: Json) => (await admin.graphql(SCHEDULE, variables)).errors?.[0]?.extensions?.code;
    expect(await codeOf({ input: { ...input, recipients: ['audit@fabrikam.example'] } })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ input: { ...input, report: 'everything' } })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ input: { ...input, params: { days: -1 } } })).toBe('BAD_USER_INPUT');
    expect((await bob.graphql(SCHEDULE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cancelled = (await admin.data('mutation($id: ID!) { cancelReportSchedule(id: $id) { isActive cancelledAt nextRunAt } }', { id: scheduled.id }))['cancelReportSchedule'];
    expect(cancelled).toMatchObject({ isActive: false, nextRunAt: null });
    expect((await admin.data('query { reportSchedules { totalCount } }'))['reportSchedules'].totalCount).toBe(1);
  }, 30_000);

  it('shows users only their own notices, and nobody another’s preferences', async () => {
    const mine = (await bob.data(NOTICES))['notices'].edges.map((edge: Json) => edge.node.recipient);
    expect(new Set(mine)).toEqual(new Set(['bob@contoso.example']));
    const other = await admin.data('query($id: ID!) { user(id: $id) { expiryReminders } }', { id: ids.bob });
    expect(other['user'].expiryReminders).toBeNull();
  });
});
