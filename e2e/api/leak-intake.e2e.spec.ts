import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { composeAppPassword, newAppPasswordSecret, parseAppPassword } from '@keyward/app-passwords/domain';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createIncidentTeam, createUser, eventually, generate, KeywardProcess, verify, type GraphQLResponse, type Json } from '@keyward/e2e/support';

const SCAN = `mutation($text: String!) { scanForLeakedAppPasswords(text: $text) {
  id scannedAt candidates provenActiveIds matches { proven appPassword { id label status lastUsedAt user { userPrincipalName } } } } }`;
const CASES = '{ revocationCases(first: 20) { edges { node { id status reason incidentRef requestedBy matched revoked outcomes { edges { node { appPasswordId outcome } } } } } } }';
const STATUS = 'query($id: ID!) { appPassword(id: $id) { id status } }';
const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
/** A string in the format with a valid checksum, for a key id, whose secret is not the credential's. */
const forgedFor = (keyId: string) => composeAppPassword(keyId, 'abcdefghijkmnpqrst').password;
const secretPartOf = (password: string) => {
  const parsed = parseAppPassword(password);
  if (parsed.kind !== 'parsed') throw new Error('not an app password');
  return parsed.secret;
};
/** Hard-wraps text at `column`, as a mail client would. */
const wrapAt = (text: string, column: number) => (text.match(new RegExp(`[^]{1,${column}}`, 'g')) ?? []).join('\n');
const noise = (length: number) => {
  const words = ['the', 'leaked', 'config', 'of', 'our', 'mail', 'server', 'is', 'below:', 'kiwi', 'kwanza', 'token', '(see', 'ticket)', '2026'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += words[(i * 7 + (i >> 3)) % words.length] + (i % 11 === 10 ? '\n' : ' ');
  return text.slice(0, length);
};

// Leak intake against a real Keyward process: responders scan pasted text or upload a file;
// anyone reports leaks to POST /leaks, whose proven ones are revoked by system:leak-report.
describe('leak intake: scan text for leaked app passwords, and take leak reports', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  let admin: ConsoleClient;
  let responder: ConsoleClient;
  let auditor: ConsoleClient;
  let user: ConsoleClient;
  let fabrikam: ConsoleClient;
  const secrets: string[] = [];
  const credentials: Record<string, { secret: string; appPassword: { id: string } }> = {};
  let address = 0;
  /** A distinct client address per report (loopback is a trusted proxy): the rate limit is per address. */
  const nextAddress = () => `198.51.100.${++address}`;

  const report = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${keyward.baseUrl}/leaks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress(), ...headers }, body });
  const upload = (client: ConsoleClient | null, body: BodyInit, headers: Record<string, string> = { 'content-type': 'text/plain' }) =>
    fetch(`${keyward.baseUrl}/leaks/scan`, { method: 'POST', headers: { ...(client ? { cookie: client.sessionCookie } : {}), ...headers }, body, duplex: 'half' } as RequestInit);
  const statusOf = async (name: string, client = admin) => (await client.data(STATUS, { id: credentials[name].appPassword.id }))['appPassword'].status;
  const countOf = async (type: string, client = admin) => (await client.data(AUDIT_EVENTS, { filter: { types: [type] }, first: 1 }))['auditEvents'].totalCount as number;
  const create = async (client: ConsoleClient, name: string, userId: string) => {
    credentials[name] = await generate(client, userId, name);
    secrets.push(credentials[name].secret);
  };

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    await createIncidentTeam(admin);
    responder = new ConsoleClient(keyward.baseUrl);
    expect(await responder.signIn('rita@contoso.example', 'rita-console-password')).toBe(200);
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    user = new ConsoleClient(keyward.baseUrl);
    expect(await user.signIn('uma@contoso.example', 'uma-console-password')).toBe(200);
    fabrikam = new ConsoleClient(keyward.baseUrl);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const bob = await createUser(fabrikam, 'bob@fabrikam.example');
    for (const name of ['aliceMail', 'alicePhone', 'aliceOld', 'aliceGone', 'aliceUpload', 'aliceReported', 'aliceForged', 'aliceGarbage']) await create(admin, name, alice.id);
    await create(fabrikam, 'bobMail', bob.id);
    await create(fabrikam, 'bobReported', bob.id);
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', credentials['aliceMail'].secret, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(204);
    await admin.data('mutation($input: RevokeAppPasswordInput!) { revokeAppPassword(input: $input) { id } }', { input: { id: credentials['aliceGone'].appPassword.id, reason: 'rotated' } });
    await eventually(async () => ((await admin.data(STATUS, { id: credentials['aliceGone'].appPassword.id }))['appPassword'].status === 'REVOKED' ? true : undefined));
  }, 90_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  describe('scanning pasted text (scanForLeakedAppPasswords)', () => {
    it('finds and proves the tenant’s app passwords however written, shows owner, status and last use, and never echoes a secret', async () => {
      const text = [
        noise(400),
        wrapAt(`password: ${credentials['aliceMail'].secret}`, 13),
        noise(200),
        credentials['alicePhone'].secret.replace(/ /g, '').toUpperCase(),
        `forged: ${forgedFor(credentials['aliceOld'].appPassword.id)}`,
        `old one: ${credentials['aliceGone'].secret.replace(/ /g, '-')}`,
        `another tenant's: ${credentials['bobMail'].secret}`,
        `kwab cdef ghij kmnp qrst uvwx yz23 4567 and ${noise(100)}`,
      ].join('\n');
      const response = await fetch(`${keyward.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: responder.sessionCookie },
        body: JSON.stringify({ query: SCAN, variables: { text } }),
      });
      const raw = await response.text();
      for (const secret of secrets) {
        expect(raw).not.toContain(secret);
        expect(raw).not.toContain(secretPartOf(secret));
      }
      const scan = (JSON.parse(raw) as Json)['data']['scanForLeakedAppPasswords'];
      expect(scan.candidates).toBe(5);
      const byId = new Map<string, Json>(scan.matches.map((match: Json) => [match.appPassword.id, match]));
      expect(byId.size).toBe(4);
      expect(byId.get(credentials['aliceMail'].appPassword.id)).toEqual({
        proven: true,
        appPassword: { id: credentials['aliceMail'].appPassword.id, label: 'aliceMail', status: 'ACTIVE', lastUsedAt: expect.any(String), user: { userPrincipalName: 'alice@contoso.example' } },
      });
      expect(byId.get(credentials['alicePhone'].appPassword.id)).toMatchObject({ proven: true, appPassword: { status: 'ACTIVE', lastUsedAt: null } });
      expect(byId.get(credentials['aliceOld'].appPassword.id)).toMatchObject({ proven: false, appPassword: { status: 'ACTIVE' } });
      expect(byId.get(credentials['aliceGone'].appPassword.id)).toMatchObject({ proven: true, appPassword: { status: 'REVOKED' } });
      expect(byId.has(credentials['bobMail'].appPassword.id)).toBe(false);
      expect(scan.provenActiveIds.sort()).toEqual([credentials['aliceMail'].appPassword.id, credentials['alicePhone'].appPassword.id].sort());

      // The scan is recorded with ids and counts; the console can revoke the proven ones as a case.
      const recorded = (await admin.data(AUDIT_EVENTS, { filter: { types: ['LeakScanPerformed'] } }))['auditEvents'].edges.map((edge: Json) => edge.node);
      const event = recorded.find((node: Json) => node.streamId === `leakScan-${scan.id}`);
      expect(event).toMatchObject({ actor: expect.stringMatching(/^user:/), data: { candidates: 5, source: 'PASTE', scanId: scan.id } });
      expect(event.data.matchedIds).toHaveLength(4);
      expect(event.data.provenIds.sort()).toEqual(
        [credentials['aliceMail'].appPassword.id, credentials['alicePhone'].appPassword.id, credentials['aliceGone'].appPassword.id].sort(),
      );
      const preview = await responder.data('mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { matched } }', {
        input: { filter: { ids: scan.provenActiveIds }, reason: '', incidentRef: '', dryRun: true },
      });
      expect(preview['revokeAppPasswords'].matched).toBe(2);
    });

    it('is for global admins and incident responders only', async () => {
      expect(codeOf(await user.graphql(SCAN, { text: credentials['aliceMail'].secret }))).toBe('FORBIDDEN');
      expect(codeOf(await auditor.graphql(SCAN, { text: credentials['aliceMail'].secret }))).toBe('FORBIDDEN');
      expect((await admin.data(SCAN, { text: 'nothing here' }))['scanForLeakedAppPasswords']).toMatchObject({ candidates: 0, matches: [] });
    });

    it('refuses 10,000 candidates in one paste (and 1,001) with BAD_USER_INPUT, recording nothing', async () => {
      const scansBefore = await countOf('LeakScanPerformed');
      const many = (count: number) => Array.from({ length: count }, () => newAppPasswordSecret(randomBytes).password).join(' ');
      const tooMany = await responder.graphql(SCAN, { text: many(1001) });
      expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
      expect(tooMany.errors?.[0].message).toMatch(/more than 1,000 app passwords/);
      // 10,000 do not fit GraphQL's 64 kB body: the upload takes them, and refuses them the same way.
      const tenThousand = await upload(responder, many(10_000));
      expect(tenThousand.status).toBe(400);
      expect(await tenThousand.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/more than 1,000 app passwords/) });
      expect(await countOf('LeakScanPerformed')).toBe(scansBefore);
    });
  });

  describe('uploading a large file (POST /leaks/scan)', () => {
    it('scans megabytes of text piece by piece, finding passwords wherever the pieces break, and answers as the mutation does', async () => {
      const secret = credentials['aliceUpload'].secret;
      const forged = forgedFor(credentials['aliceOld'].appPassword.id);
      let text = '';
      // Copies every 64 KiB, a few bytes either side of where pieces of the stream tend to break.
      for (let block = 0; block < 48; block++) {
        text += noise(65_536 - (block % 7) * 5 - 20);
        text += block % 2 ? `\n${secret}` : ` ${secret.replace(/ /g, '').toUpperCase()}`;
        if (block === 30) text += ` ${forged} `;
      }
      expect(text.length).toBeGreaterThan(3_000_000);
      const response = await upload(responder, text);
      expect(response.status).toBe(200);
      const raw = await response.text();
      expect(raw).not.toContain(secretPartOf(secret));
      const scan = JSON.parse(raw) as Json;
      expect(scan.candidates).toBe(2);
      expect(scan.provenActiveIds).toEqual([credentials['aliceUpload'].appPassword.id]);
      expect(scan.matches).toEqual(
        expect.arrayContaining([
          { proven: true, appPassword: expect.objectContaining({ id: credentials['aliceUpload'].appPassword.id, status: 'ACTIVE', user: expect.objectContaining({ userPrincipalName: 'alice@contoso.example' }) }) },
          { proven: false, appPassword: expect.objectContaining({ id: credentials['aliceOld'].appPassword.id }) },
        ]),
      );
      const recorded = (await admin.data(AUDIT_EVENTS, { filter: { types: ['LeakScanPerformed'] } }))['auditEvents'].edges.map((edge: Json) => edge.node);
      expect(recorded.find((node: Json) => node.streamId === `leakScan-${scan.id}`)?.data).toMatchObject({ source: 'UPLOAD', candidates: 2 });
    });

    it('refuses an invalid upload of 50 MB, binary garbage, a wrong type or no permission with a precise status, recording nothing', async () => {
      const scansBefore = await countOf('LeakScanPerformed');
      const fifty = await upload(responder, Buffer.alloc(50 * 2 ** 20, 0x61));
      expect(fifty.status).toBe(413);
      expect(await fifty.json()).toMatchObject({ message: expect.stringMatching(/50\.0 MB; at most 20 MB/) });
      // Without a Content-Length (chunked), the limit holds as the bytes arrive.
      const chunks = (function* () {
        for (let i = 0; i < 22; i++) yield Buffer.alloc(2 ** 20, 0x62);
      })();
      const streamed = await upload(responder, Readable.toWeb(Readable.from(chunks)) as unknown as BodyInit);
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ message: expect.stringMatching(/over 20 MB/) });

      const garbage = await upload(responder, randomBytes(200_000), { 'content-type': 'application/octet-stream' });
      expect(garbage.status).toBe(415);
      expect(await garbage.json()).toMatchObject({ message: expect.stringMatching(/binary, not text: byte \d+ is NUL|not UTF-8 text/) });
      const latin1 = await upload(responder, Buffer.from('caf\xe9 and more text', 'latin1'));
      expect(latin1.status).toBe(415);
      expect(await latin1.json()).toMatchObject({ message: expect.stringMatching(/not UTF-8 text: bytes 0 to \d+/) });
      const nul = await upload(responder, Buffer.concat([Buffer.from('a text file'), Buffer.from([0]), Buffer.from('with a NUL')]));
      expect(nul.status).toBe(415);
      expect(await nul.json()).toMatchObject({ message: expect.stringMatching(/byte 11 is NUL/) });
      expect((await upload(responder, '{"text": "a paste"}', { 'content-type': 'application/json' })).status).toBe(415);
      expect((await upload(responder, 'text=a+paste', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await upload(responder, 'text', { 'content-type': 'text/plain; charset=iso-8859-1' })).status).toBe(415);
      expect((await upload(user, 'text')).status).toBe(403);
      expect((await upload(auditor, 'text')).status).toBe(403);
      expect((await upload(null, 'text')).status).toBe(401);
      expect(await countOf('LeakScanPerformed')).toBe(scansBefore);
    });
  });

  describe('leak reports (POST /leaks)', () => {
    it('answers 202 at once and revokes the proven ones of every tenant by system:leak-report, each tenant in a case of its own', async () => {
      const reported = [
        credentials['aliceReported'].secret,
        credentials['bobReported'].secret.replace(/ /g, ''),
        forgedFor(credentials['aliceForged'].appPassword.id),
        'not an app password at all',
        credentials['aliceGone'].secret,
      ];
      const response = await report(JSON.stringify({ appPasswords: reported }));
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ received: 5 });
      expect(await eventually(async () => ((await statusOf('aliceReported')) === 'REVOKED' ? true : undefined), 15_000)).toBe(true);
      expect(await eventually(async () => ((await statusOf('bobReported', fabrikam)) === 'REVOKED' ? true : undefined), 15_000)).toBe(true);
      expect(await statusOf('aliceForged')).toBe('ACTIVE');
      expect((await verify(keyward.baseUrl, 'alice@contoso.example', credentials['aliceReported'].secret)).status).toBe(401);
      expect((await verify(keyward.baseUrl, 'bob@fabrikam.example', credentials['bobReported'].secret)).status).toBe(401);
      expect((await verify(keyward.baseUrl, 'alice@contoso.example', credentials['aliceForged'].secret)).status).toBe(204);

      const caseOf = async (client: ConsoleClient) =>
        (await client.data(CASES))['revocationCases'].edges.map((edge: Json) => edge.node).find((node: Json) => node.requestedBy === 'system:leak-report');
      const contosoCase = await caseOf(admin);
      expect(contosoCase).toMatchObject({ reason: 'Reported as leaked through POST /leaks', incidentRef: expect.stringMatching(/^leak-report-/), matched: 1 });
      expect(contosoCase.outcomes.edges.map((edge: Json) => edge.node)).toEqual([{ appPasswordId: credentials['aliceReported'].appPassword.id, outcome: 'REVOKED' }]);
      expect(await caseOf(fabrikam)).toMatchObject({ requestedBy: 'system:leak-report', matched: 1, incidentRef: contosoCase.incidentRef });
      const events = (await admin.data(AUDIT_EVENTS, { filter: { streamId: `appPassword-${credentials['aliceReported'].appPassword.id}` } }))['auditEvents'].edges.map((edge: Json) => edge.node);
      expect(events.find((event: Json) => event.type === 'AppPasswordRevoked')).toMatchObject({ actor: 'system:leak-report', data: { caseId: contosoCase.id } });
    });

    it('answers a report of garbage exactly as one of real leaks, in the same time', async () => {
      const answers: { status: number; body: string; headers: string[]; ms: number; real: boolean }[] = [];
      for (let i = 0; i < 6; i++) {
        const real = i % 2 === 0;
        const entries = real ? [credentials['aliceGarbage'].secret] : [`kw${'x'.repeat(30)}`];
        const started = performance.now();
        const response = await report(JSON.stringify({ appPasswords: entries }));
        const body = await response.text();
        answers.push({ status: response.status, body, ms: performance.now() - started, real, headers: [...(response.headers as unknown as Map<string, string>).keys()].filter((name) => !['date', 'x-request-id'].includes(name)).sort() });
      }
      expect(new Set(answers.map((answer) => JSON.stringify([answer.status, answer.body, answer.headers]))).size).toBe(1);
      expect(answers[0]).toMatchObject({ status: 202, body: '{"received":1}' });
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const [real, garbage] = [median(answers.filter((a) => a.real).map((a) => a.ms)), median(answers.filter((a) => !a.real).map((a) => a.ms))];
      // An argon2 check takes 40 ms and more here: an answer that waited for one would show it.
      expect(Math.abs(real - garbage)).toBeLessThan(30);
      await eventually(async () => ((await statusOf('aliceGarbage')) === 'REVOKED' ? true : undefined), 15_000);
    });

    it('limits reports per client address (resolved as /verify does) with 429 and Retry-After', async () => {
      const from = { 'x-forwarded-for': '192.0.2.77' };
      for (let i = 0; i < 10; i++) expect((await report(JSON.stringify({ appPasswords: ['x'] }), from)).status).toBe(202);
      const limited = await report(JSON.stringify({ appPasswords: ['x'] }), from);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await report(JSON.stringify({ appPasswords: ['x'] }), { 'x-forwarded-for': '192.0.2.78' })).status).toBe(202);
      // The hop the trusted proxy appended counts; what the client wrote before it, and X-Real-IP, do not.
      expect((await report(JSON.stringify({ appPasswords: ['x'] }), { 'x-forwarded-for': '10.0.0.1, 192.0.2.77' })).status).toBe(429);
      expect((await report(JSON.stringify({ appPasswords: ['x'] }), { 'x-forwarded-for': '192.0.2.77', 'x-real-ip': '192.0.2.99' })).status).toBe(429);
    });

    it.each([
      ['a non-object', 400, '["kwab"]', /not a JSON object/],
      ['appPasswords not an array', 400, '{"appPasswords": "kwab"}', /"appPasswords" is a string, not an array/],
      ['nested JSON', 400, '{"appPasswords": [["kwab"], {"a": 1}]}', /"appPasswords\[0\]" is an array, not a string/],
      ['a number inside', 400, '{"appPasswords": ["ok", 7]}', /"appPasswords\[1\]" is a number/],
      ['1,001 entries', 400, JSON.stringify({ appPasswords: Array.from({ length: 1001 }, () => 'kwab') }), /1,001 entries; a report takes at most 1,000/],
      ['an entry too long', 400, JSON.stringify({ appPasswords: ['k'.repeat(300)] }), /300 characters long/],
      ['malformed JSON', 400, '{"appPasswords": [', /./],
      ['a body over 64 kB', 413, JSON.stringify({ appPasswords: ['k'.repeat(200)], padding: 'x'.repeat(70_000) }), /too large/],
    ])('refuses %s with %i, changing nothing', async (_what, status, body, message) => {
      const casesBefore = await countOf('RevocationCaseRequested');
      const response = await report(body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as Json).message).toMatch(message);
      expect(await countOf('RevocationCaseRequested')).toBe(casesBefore);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const response = await report(credentials['aliceMail'].secret, { 'content-type': 'text/plain' });
      expect(response.status).toBe(415);
      expect(await statusOf('aliceMail')).toBe('ACTIVE');
    });

    it('is an API path: a GET is not answered by the console', async () => {
      const response = await fetch(`${keyward.baseUrl}/leaks`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).not.toContain('text/html');
    });
  });

  it('never writes a secret to the log or the event store', async () => {
    await keyward.stop();
    const files = readdirSync(keyward.dataDir).map((file) => join(keyward.dataDir, file)).filter((file) => statSync(file).isFile());
    expect(files.some((file) => file.endsWith('events.sqlite'))).toBe(true);
    const stored = files.map((file) => readFileSync(file).toString('latin1')).join('\n');
    for (const secret of secrets) {
      for (const form of [secret, secret.replace(/ /g, ''), secretPartOf(secret), secret.replace(/ /g, '').toUpperCase()]) {
        expect(keyward.output).not.toContain(form);
        expect(stored).not.toContain(form);
      }
    }
    expect(keyward.output).toMatch(/leak scan/);
    expect(keyward.output).toMatch(/leak report checked/);
    await keyward.start();
  });
});
