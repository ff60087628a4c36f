import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, eventually, generate, KeywardProcess, publishedKeys, verify, verifyOffline, type GraphQLResponse, type Json } from '@keyward/e2e/support';

const REVIEW_FIELDS = 'id name status dueAt total kept revoked undecided revokeUndecided reviewerIds startedBy completedAt';
const ITEM_FIELDS = 'id appPassword { id status } userPrincipalName label scopes usesLast30Days recommendation decision justification decidedBy decidedAt attestedAt attestationNote';
const START = `mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ${REVIEW_FIELDS} } }`;
const DECIDE = `mutation($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { ${ITEM_FIELDS} } }`;
const DECIDE_MANY = `mutation($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { id decision justification } }`;
const ATTEST = `mutation($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { ${ITEM_FIELDS} } }`;
const REVIEW = `query($id: ID!, $selection: AccessReviewItemSelection) { accessReview(id: $id) { ${REVIEW_FIELDS}
  items(first: 50, selection: $selection) { totalCount edges { node { ${ITEM_FIELDS} } } } } }`;
const REVIEWS = 'query { accessReviews(first: 10) { totalCount edges { node { id name status } } } }';

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

// Access reviews against a real Keyward process (DESIGN §8): a scope frozen at the start, one
// decision per item with a justification by a reviewer who is not the owner, REVOKE at once,
// owners' attestations, and completion at the due date by system:access-review.
describe('access reviews: who still needs which app password, decided and recorded', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  let admin: ConsoleClient;
  let gina: ConsoleClient;
  let alice: ConsoleClient;
  let auditor: ConsoleClient;
  let ids: Record<string, string>;
  const secrets: Record<string, { secret: string; appPassword: { id: string } }> = {};
  let review: Json;
  const itemOf = (name: string) => (review['items'].edges as Json[]).map((edge) => edge.node).find((node) => node.appPassword?.id === secrets[name].appPassword.id) as Json;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const aliceUser = await createUser(admin, 'alice@contoso.example', ['USER'], { password: 'alice-console-password' });
    const bobUser = await createUser(admin, 'bob@contoso.example');
    const ginaUser = await createUser(admin, 'gina@contoso.example', ['GLOBAL_ADMIN'], { password: 'gina-console-password' });
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    const me = (await admin.data('query { me { id } }'))['me'];
    ids = { alice: aliceUser.id, bob: bobUser.id, gina: ginaUser.id, admin: me.id };
    gina = new ConsoleClient(keyward.baseUrl);
    expect(await gina.signIn('gina@contoso.example', 'gina-console-password')).toBe(200);
    alice = new ConsoleClient(keyward.baseUrl);
    expect(await alice.signIn('alice@contoso.example', 'alice-console-password')).toBe(200);
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    secrets['aliceMail'] = await generate(admin, ids.alice, 'Thunderbird');
    secrets['alicePhone'] = await generate(admin, ids.alice, 'iPhone Mail');
    secrets['bobScanner'] = await generate(admin, ids.bob, 'Scanner', { scopes: ['smtp'] });
    secrets['adminOwn'] = await generate(admin, ids.admin, 'Admin mail');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secrets['aliceMail'].secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    await eventually(async () => ((await admin.data('query { appPasswords(filter: { isNeverUsed: false }) { totalCount } }'))['appPasswords'].totalCount === 1 ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('starts a review over every active app password, fixed at the start, with the global admins as reviewers', async () => {
    const started = (await admin.data(START, { input: { name: 'App passwords, H2 2026', dueAt: inDays(14), revokeUndecided: false } }))['startAccessReview'];
    expect(started).toMatchObject({ name: 'App passwords, H2 2026', status: 'OPEN', total: 4, kept: 0, revoked: 0, undecided: 4, startedBy: `user:${ids.admin}` });
    expect([...started.reviewerIds].sort()).toEqual([ids.admin, ids.gina].sort());
    // A credential generated afterwards is not part of it: the scope was frozen.
    await generate(admin, ids.bob, 'Later');
    review = (await admin.data(REVIEW, { id: started.id }))['accessReview'];
    expect(review['total']).toBe(4);
    expect(review['items'].totalCount).toBe(4);
    expect(itemOf('aliceMail')).toMatchObject({ userPrincipalName: 'alice@contoso.example', label: 'Thunderbird', usesLast30Days: 1, recommendation: 'KEEP', decision: null });
    expect(itemOf('bobScanner')).toMatchObject({ scopes: ['smtp'], usesLast30Days: 0 });
  });

  it('records a KEEP with its justification, and a REVOKE takes effect at once, in the reviewer’s name', async () => {
    const kept = (await admin.data(DECIDE, { input: { itemId: itemOf('aliceMail').id, decision: 'KEEP', justification: ' Her only mail client ' } }))['decideAccessReviewItem'];
    expect(kept).toMatchObject({ decision: 'KEEP', justification: 'Her only mail client', decidedBy: `user:${ids.admin}` });
    const revoked = (await admin.data(DECIDE, { input: { itemId: itemOf('bobScanner').id, decision: 'REVOKE', justification: 'The scanner was replaced' } }))['decideAccessReviewItem'];
    expect(revoked).toMatchObject({ decision: 'REVOKE', appPassword: { status: 'REVOKED' } });
    expect((await verify(keyward.baseUrl, 'bob@contoso.example', secrets['bobScanner'].secret, { 'X-Keyward-Protocol': 'smtp' })).status).toBe(401);
    const events = (await admin.data(AUDIT_EVENTS, { filter: { streamId: `appPassword-${secrets['bobScanner'].appPassword.id}`, types: ['AppPasswordRevoked'] } }))['auditEvents'];
    expect(events.edges[0].node).toMatchObject({ actor: `user:${ids.admin}`, data: { reason: 'Access review "App passwords, H2 2026": The scanner was replaced' } });
    const progress = (await auditor.data(REVIEW, { id: review['id'] }))['accessReview'];
    expect(progress).toMatchObject({ kept: 1, revoked: 1, undecided: 2 });
  });

  it('refuses a blank justification, one’s own app password, a non-reviewer, and an unknown item, changing nothing', async () => {
    expect(codeOf(await admin.graphql(DECIDE, { input: { itemId: itemOf('alicePhone').id, decision: 'KEEP', justification: '  ' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(DECIDE, { input: { itemId: itemOf('adminOwn').id, decision: 'KEEP', justification: 'Mine, and needed' } }))).toBe('FORBIDDEN');
    expect(codeOf(await alice.graphql(DECIDE, { input: { itemId: itemOf('alicePhone').id, decision: 'KEEP', justification: 'I need it' } }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.graphql(DECIDE, { input: { itemId: `${review['id']}:no-such-credential`, decision: 'KEEP', justification: 'x' } }))).toBe('NOT_FOUND');
    expect(codeOf(await admin.graphql(DECIDE, { input: { itemId: 'not-an-item', decision: 'KEEP', justification: 'x' } }))).toBe('NOT_FOUND');
    // Another reviewer decides the admin's own.
    const byGina = (await gina.data(DECIDE, { input: { itemId: itemOf('adminOwn').id, decision: 'KEEP', justification: 'Used for the shared mailbox' } }))['decideAccessReviewItem'];
    expect(byGina).toMatchObject({ decision: 'KEEP', decidedBy: `user:${ids.gina}` });
    expect((await admin.data(REVIEW, { id: review['id'] }))['accessReview']).toMatchObject({ kept: 2, revoked: 1, undecided: 1 });
  });

  it('lets an owner say a credential is still needed; they see only their own items and the reviewer still decides', async () => {
    const attested = (await alice.data(ATTEST, { input: { itemId: itemOf('alicePhone').id, note: 'My phone' } }))['attestAccessReviewItem'];
    expect(attested).toMatchObject({ attestationNote: 'My phone', decision: null });
    expect(attested.attestedAt).toEqual(expect.any(String));
    const hers = (await alice.data(REVIEW, { id: review['id'] }))['accessReview'];
    expect(hers['items'].totalCount).toBe(2);
    expect(codeOf(await alice.graphql(ATTEST, { input: { itemId: itemOf('adminOwn').id } }))).toBe('NOT_FOUND');
    const undecided = (await admin.data(REVIEW, { id: review['id'], selection: 'UNDECIDED' }))['accessReview'];
    expect(undecided['items'].edges.map((edge: Json) => edge.node.attestationNote)).toEqual(['My phone']);
  });

  it('keeps tenants apart and checks roles on the server', async () => {
    const other = new ConsoleClient(keyward.baseUrl);
    await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    expect((await other.data(REVIEW, { id: review['id'] }))['accessReview']).toBeNull();
    expect((await other.data(REVIEWS))['accessReviews'].totalCount).toBe(0);
    expect(codeOf(await other.graphql(DECIDE, { input: { itemId: itemOf('alicePhone').id, decision: 'REVOKE', justification: 'x' } }))).toBe('NOT_FOUND');
    expect(codeOf(await auditor.graphql(START, { input: { name: 'Mine', dueAt: inDays(3) } }))).toBe('FORBIDDEN');
    expect((await auditor.data(REVIEWS))['accessReviews'].totalCount).toBe(1);
    expect(await statusOf('alicePhone')).toBe('ACTIVE');
  });

  it('refuses a review without items, a due date in the past, and a disabled or foreign reviewer', async () => {
    expect(codeOf(await admin.graphql(START, { input: { name: 'Nobody', filter: { user: 'no-such-user' }, dueAt: inDays(3) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(START, { input: { name: 'Late', dueAt: inDays(-1) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(START, { input: { name: ' ', dueAt: inDays(3) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(START, { input: { name: 'Elsewhere', dueAt: inDays(3), reviewerIds: ['no-such-user'] } }))).toBe('NOT_FOUND');
    expect((await admin.data(REVIEWS))['accessReviews'].totalCount).toBe(1);
  });

  it('at the due date, revokes what is undecided as system:access-review and completes; decisions are then refused', async () => {
    const aliceOnly = { userIds: [ids.alice] };
    const started = (await admin.data(START, { input: { name: 'Alice, quick', filter: aliceOnly, dueAt: new Date(Date.now() + 2000).toISOString(), revokeUndecided: true, reviewerIds: [ids.gina] } }))['startAccessReview'];
    expect(started).toMatchObject({ total: 2, reviewerIds: [ids.gina] });
    const items = (await gina.data(REVIEW, { id: started.id }))['accessReview']['items'].edges.map((edge: Json) => edge.node);
    const [mail, phone] = [items.find((node: Json) => node.label === 'Thunderbird'), items.find((node: Json) => node.label === 'iPhone Mail')];
    const kept = (await gina.data(DECIDE_MANY, { input: { itemIds: [mail.id], decision: 'KEEP', justification: 'Daily use' } }))['decideAccessReviewItems'];
    expect(kept).toEqual([{ id: mail.id, decision: 'KEEP', justification: 'Daily use' }]);
    const completed = await eventually(async () => {
      const found = (await auditor.data(REVIEW, { id: started.id }))['accessReview'];
      return found.status === 'COMPLETED' ? found : undefined;
    }, 12_000);
    expect(completed).toMatchObject({ kept: 1, revoked: 1, undecided: 0 });
    expect(completed.items.edges.find((edge: Json) => edge.node.id === phone.id).node).toMatchObject({ decision: 'REVOKE', decidedBy: 'system:access-review' });
    expect(await statusOf('alicePhone')).toBe('REVOKED');
    expect(await statusOf('aliceMail')).toBe('ACTIVE');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secrets['alicePhone'].secret)).status).toBe(401);
    const events = (await admin.data(AUDIT_EVENTS, { filter: { streamId: `appPassword-${secrets['alicePhone'].appPassword.id}`, types: ['AppPasswordRevoked'] } }))['auditEvents'];
    expect(events.edges[0].node.actor).toBe('system:access-review');
    expect(codeOf(await gina.graphql(DECIDE, { input: { itemId: mail.id, decision: 'REVOKE', justification: 'Changed my mind' } }))).toBe('CONFLICT');

    // The completed review as a signed bundle: its history, verified offline with the tenant's key.
    const work = mkdtempSync(join(tmpdir(), 'keyward-review-bundle-'));
    try {
      const response = await fetch(`${keyward.baseUrl}/exports/bundle?kind=access-review&id=${started.id}`, { headers: { cookie: auditor.sessionCookie } });
      expect(response.status).toBe(200);
      const bundle = join(work, 'review.zip');
      writeFileSync(bundle, Buffer.from(await response.arrayBuffer()));
      const keys = (await publishedKeys(keyward.baseUrl)).map((key) => key.verifierKey);
      // Started, its items fixed, the KEEP, the REVOKE at the due date, completed.
      expect(await verifyOffline(bundle, keys)).toEqual({ code: 0, out: expect.stringMatching(/^OK 5 records/) });
      expect((await fetch(`${keyward.baseUrl}/exports/bundle?kind=access-review&id=no-such-review`, { headers: { cookie: auditor.sessionCookie } })).status).toBe(404);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 30_000);

  describe('repeating', () => {
    const STOP = 'mutation($id: ID!) { stopAccessReviewRecurrence(reviewId: $id) { id recurEveryDays nextStartsAt previousReviewId } }';
    const SERIES_FIELDS = 'id startedAt recurEveryDays nextStartsAt previousReviewId';
    const REPEATING = `mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ${SERIES_FIELDS} } }`;
    let repeating: Json;

    it('starts a review that repeats every N days, and says when the next one starts', async () => {
      repeating = (await admin.data(REPEATING, { input: { name: 'Alice, monthly', filter: { userIds: [ids.alice] }, dueAt: inDays(14), recurEveryDays: 30 } }))['startAccessReview'];
      expect(repeating).toMatchObject({ recurEveryDays: 30, previousReviewId: null });
      expect(Date.parse(repeating['nextStartsAt'])).toBe(Date.parse(repeating['startedAt']) + 30 * 86_400_000);
      const read = (await auditor.data(`query($id: ID!) { accessReview(id: $id) { ${SERIES_FIELDS} } }`, { id: repeating['id'] }))['accessReview'];
      expect(read).toEqual(repeating);
    });

    it('refuses a period under a week, over a year, or no longer than the review runs', async () => {
      for (const [recurEveryDays, dueAt] of [[6, inDays(3)], [367, inDays(3)], [14, inDays(20)]] as const) {
        const result = await admin.graphql(REPEATING, { input: { name: 'Too often', dueAt, recurEveryDays } });
        expect([recurEveryDays, codeOf(result)]).toEqual([recurEveryDays, 'BAD_USER_INPUT']);
      }
      expect((await admin.graphql(REPEATING, { input: { name: 'Too often', dueAt: inDays(20), recurEveryDays: 14 } })).errors?.[0]?.message).toMatch(/longer than the review runs/);
    });

    it('stops repeating for whoever may start reviews; an auditor may not', async () => {
      expect(codeOf(await auditor.graphql(STOP, { id: repeating['id'] }))).toBe('FORBIDDEN');
      const stopped = (await admin.data(STOP, { id: repeating['id'] }))['stopAccessReviewRecurrence'];
      expect(stopped).toEqual({ id: repeating['id'], recurEveryDays: 30, nextStartsAt: null, previousReviewId: null });
      // Stopping a stopped series changes nothing; a review that runs once has nothing to stop.
      expect((await admin.data(STOP, { id: repeating['id'] }))['stopAccessReviewRecurrence']).toEqual(stopped);
      expect(codeOf(await admin.graphql(STOP, { id: review['id'] }))).toBe('CONFLICT');
      const other = new ConsoleClient(keyward.baseUrl);
      await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
      expect(codeOf(await other.graphql(STOP, { id: repeating['id'] }))).toBe('NOT_FOUND');
    });
  });

  async function statusOf(name: string): Promise<string> {
    return (await admin.data('query($id: ID!) { appPassword(id: $id) { status } }', { id: secrets[name].appPassword.id }))['appPassword'].status;
  }
});
