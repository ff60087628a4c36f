import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { leafHash, MerkleAccumulator, openNote, parseCheckpoint } from '@keyward/shared/transparency';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createIncidentTeam, createUser, eventually, generate, KeywardProcess, MAIN, publishedKeys, verify, verifyOffline } from '@keyward/e2e/support';

const run = promisify(execFile);

// The signed transparency log per tenant (DESIGN §7, §8) against a real Keyward process: keys,
// checkpoints, NDJSON and bundle exports, verified with the published key by the offline verifier.
describe('audit log: signed checkpoints and exports an auditor verifies offline', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example', env: { KEYWARD_CHECKPOINT_SECONDS: '1' } });
  const work = mkdtempSync(join(tmpdir(), 'keyward-audit-'));
  let admin: ConsoleClient;
  let auditor: ConsoleClient;
  let responder: ConsoleClient;
  let user: ConsoleClient;
  let fabrikam: ConsoleClient;
  let aliceSecret: string;

  const get = (client: ConsoleClient | null, path: string) => fetch(`${keyward.baseUrl}${path}`, { headers: client ? { cookie: client.sessionCookie } : {} });
  const keysOf = () => publishedKeys(keyward.baseUrl);
  const checkpointNote = async (client = auditor, query = '') => {
    const response = await get(client, `/audit/checkpoint${query}`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const download = async (client: ConsoleClient, query: string, name: string) => {
    const response = await get(client, `/exports/bundle?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/zip');
    const path = join(work, name);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    return path;
  };
  const contosoKeys = async () => (await keysOf()).filter((key) => key.origin.endsWith(contosoTenant)).map((key) => key.verifierKey);
  let contosoTenant = '';

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createIncidentTeam(admin);
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    responder = new ConsoleClient(keyward.baseUrl);
    expect(await responder.signIn('rita@contoso.example', 'rita-console-password')).toBe(200);
    user = new ConsoleClient(keyward.baseUrl);
    expect(await user.signIn('uma@contoso.example', 'uma-console-password')).toBe(200);
    fabrikam = new ConsoleClient(keyward.baseUrl);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    const bob = await createUser(fabrikam, 'bob@fabrikam.example');
    const credential = await generate(admin, alice.id, 'Thunderbird');
    aliceSecret = credential.secret;
    await generate(fabrikam, bob.id, 'Outlook');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', aliceSecret, { 'X-Forwarded-For': '203.0.113.7', 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', 'kw-not-it')).status).toBe(401);
    contosoTenant = ((await admin.data(AUDIT_EVENTS, { first: 1 }))['auditEvents'].edges[0].node.streamId as string).replace(/^tenant-/, '');
  }, 90_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    rmSync(work, { recursive: true, force: true });
  });

  it('publishes a verifier key per tenant in the sumdb/note format, with no authentication', async () => {
    const keys = await keysOf();
    expect(new Set(keys.map((key) => key.tenantId)).size).toBe(2);
    for (const key of keys) {
      expect(key.verifierKey).toMatch(/^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
      expect(key.verifierKey.startsWith(`${key.origin}+`)).toBe(true);
      expect(key.retiredAt).toBeNull();
    }
  });

  it('leaves /audit and /exports to the console’s pages: only what is under them is the API', async () => {
    for (const page of ['/audit', '/exports']) {
      const response = await fetch(`${keyward.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
    expect((await fetch(`${keyward.baseUrl}/audit/nothing`)).status).toBe(404);
  });

  it('gives auditors and global admins a checkpoint signed with their tenant key; the same one when asked twice', async () => {
    const note = await checkpointNote();
    const opened = openNote(note, await contosoKeys());
    const checkpoint = parseCheckpoint(opened.text);
    expect(checkpoint.size).toBeGreaterThan(5);
    expect(await checkpointNote()).toBe(note);
    expect(await checkpointNote(admin)).toBe(note);
    const fabrikamKeys = (await keysOf()).filter((key) => !key.origin.endsWith(contosoTenant)).map((key) => key.verifierKey);
    expect(() => openNote(note, fabrikamKeys)).toThrow();
  });

  it('refuses checkpoints and exports to responders, users and anyone signed out', async () => {
    for (const client of [responder, user]) {
      expect((await get(client, '/audit/checkpoint')).status).toBe(403);
      expect((await get(client, '/exports/audit-log')).status).toBe(403);
      expect((await get(client, '/exports/bundle?kind=inventory')).status).toBe(403);
    }
    expect((await get(null, '/audit/checkpoint')).status).toBe(401);
    expect((await get(null, '/exports/bundle?kind=audit-log')).status).toBe(401);
  });

  it('exports the log as NDJSON whose lines are the leaves of the signed root, with no secret in them', async () => {
    const checkpoint = parseCheckpoint(openNote(await checkpointNote(), await contosoKeys()).text);
    const response = await get(auditor, `/exports/audit-log?to=${checkpoint.size}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await response.text();
    const lines = text.split('\n').slice(0, -1);
    expect(lines).toHaveLength(checkpoint.size);
    const tree = new MerkleAccumulator();
    for (const line of lines) tree.push(leafHash(Buffer.from(line, 'utf8')));
    expect(tree.root().equals(checkpoint.rootHash)).toBe(true);
    const records = lines.map((line) => JSON.parse(line) as { type: string; tenantId: string; data: Record<string, unknown> });
    expect(new Set(records.map((record) => record.tenantId))).toEqual(new Set([contosoTenant]));
    expect(records.map((record) => record.type)).toEqual(expect.arrayContaining(['TenantCreated', 'UserCreated', 'AppPasswordGenerated', 'AppPasswordUsed', 'SignInFailed']));
    const generated = records.find((record) => record.type === 'AppPasswordGenerated');
    expect(generated?.data['secretHashSha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('secretHash"');
    expect(text).not.toContain(aliceSecret);
    // Each record in RFC 8785 form: keys sorted.
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['actor', 'causationId', 'correlationId', 'data', 'id', 'occurredAt', 'streamId', 'tenantId', 'type']);
  });

  it('exports the log as OCSF for a SIEM to take in: one event per leaf, as a bundle holds them, sign-ins as 3002 Authentication', async () => {
    const size = parseCheckpoint(openNote(await checkpointNote(), await contosoKeys()).text).size;
    const response = await get(auditor, `/exports/audit-log?to=${size}&format=ocsf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`audit-log-0-${size}.ocsf.ndjson`);
    const text = await response.text();
    // The same bytes as the OCSF file of a bundle of the same range, which the offline verifier checks.
    const bundle = await download(auditor, `kind=audit-log&to=${size}`, 'ocsf.zip');
    expect((await verifyOffline(bundle, await contosoKeys())).code).toBe(0);
    const { stdout } = await run('python3', ['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("records.ocsf.ndjson"))', bundle], { maxBuffer: 64 * 1024 * 1024 });
    expect(text).toBe(stdout);
    const events = text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as { class_uid: number; status_id?: number; metadata: { event_code: string; tenant_uid: string } });
    expect(events.filter((event) => event.metadata.event_code === 'AppPasswordUsed').map((event) => [event.class_uid, event.status_id])).toEqual([[3002, 1]]);
    expect(new Set(events.map((event) => event.metadata.tenant_uid))).toEqual(new Set([contosoTenant]));
    expect(text).not.toContain(aliceSecret);
    expect((await get(auditor, '/exports/audit-log?format=csv')).status).toBe(400);
  });

  it('answers a range with exactly its leaves, and refuses a bad one with a clear 400', async () => {
    const size = parseCheckpoint(openNote(await checkpointNote(), await contosoKeys()).text).size;
    const middle = await (await get(auditor, '/exports/audit-log?from=2&to=5')).text();
    expect(middle.split('\n').slice(0, -1)).toHaveLength(3);
    for (const query of ['from=5&to=2', `to=${size + 1}`, 'from=-1', 'to=99999999999999999999', 'from=abc', 'bogus=1']) {
      const response = await get(auditor, `/exports/audit-log?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.message).not.toMatch(/at \w+ \(/);
    }
    expect((await get(auditor, `/audit/checkpoint?size=${size + 1000}`)).status).toBe(400);
    expect((await get(auditor, `/exports/bundle?kind=audit-log&sinceSize=${size + 1000}`)).status).toBe(400);
    expect((await get(auditor, '/exports/bundle?kind=nothing')).status).toBe(400);
  });

  it('signs a checkpoint of exactly the size asked for, which the latest one extends', async () => {
    const latest = parseCheckpoint(openNote(await checkpointNote(), await contosoKeys()).text);
    const old = parseCheckpoint(openNote(await checkpointNote(auditor, '?size=3'), await contosoKeys()).text);
    expect(old.size).toBe(3);
    const nd = await (await get(auditor, '/exports/audit-log?to=3')).text();
    const tree = new MerkleAccumulator();
    for (const line of nd.split('\n').slice(0, -1)) tree.push(leafHash(Buffer.from(line)));
    expect(tree.root().equals(old.rootHash)).toBe(true);
    expect(latest.size).toBeGreaterThan(3);
  });

  it('bundles the whole log, a middle range, a user’s sign-ins and the inventory, each verified offline by keyward.mjs', async () => {
    const keys = await contosoKeys();
    for (const [query, name] of [
      ['kind=audit-log', 'log.zip'],
      ['kind=audit-log&from=1&to=4', 'range.zip'],
      ['kind=usage&user=alice@contoso.example&since=2020-01-01T00:00:00Z', 'usage.zip'],
      ['kind=inventory', 'inventory.zip'],
    ]) {
      const bundle = await download(auditor, query, name);
      const result = await verifyOffline(bundle, keys);
      expect(result).toEqual({ code: 0, out: expect.stringMatching(/^OK \d+ records/) });
    }
    const usage = await verifyOffline(join(work, 'usage.zip'), keys);
    expect(usage.out).toMatch(/^OK 2 records/);
    const range = await verifyOffline(join(work, 'range.zip'), keys);
    expect(range.out).toMatch(/^OK 3 records/);
  });

  it('fails a bundle offline under another tenant’s key, and one with a record edited inside a valid ZIP', async () => {
    const bundle = await download(auditor, 'kind=audit-log', 'tampered.zip');
    const fabrikamKeys = (await keysOf()).filter((key) => !key.origin.endsWith(contosoTenant)).map((key) => key.verifierKey);
    expect((await verifyOffline(bundle, fabrikamKeys)).code).toBe(1);
    // Edit one record with Python's zipfile (no tool of ours): the file is a valid ZIP again, only its content lies.
    const edit = [
      'import sys, zipfile',
      'src, dst = sys.argv[1], sys.argv[2]',
      'with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:',
      '    for item in zin.infolist():',
      '        data = zin.read(item.filename)',
      '        if item.filename == "records.ndjson": data = data.replace(b"UserCreated", b"UserCreatee", 1)',
      '        zout.writestr(item.filename, data)',
    ].join('\n');
    await run('python3', ['-c', edit, bundle, `${bundle}.edited.zip`]);
    writeFileSync(bundle, readFileSync(`${bundle}.edited.zip`));
    const result = await verifyOffline(bundle, await contosoKeys());
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^FAIL record \d+: /);
  });

  it('answers an unknown user and another tenant’s user alike, with 404', async () => {
    const unknown = await get(auditor, '/exports/bundle?kind=usage&user=nobody@contoso.example');
    const foreign = await get(auditor, '/exports/bundle?kind=usage&user=bob@fabrikam.example');
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { message: string }).message).toContain('bob@fabrikam.example');
  });

  it('proves with sinceSize that the log the auditor held is extended, and records every checkpoint it signs', async () => {
    const heldNote = await checkpointNote();
    const held = join(work, 'held-checkpoint.txt');
    writeFileSync(held, heldNote);
    const heldSize = parseCheckpoint(openNote(heldNote, await contosoKeys()).text).size;
    await generate(admin, (await createUser(admin, 'carol@contoso.example')).id, 'Phone');
    const bundle = await download(auditor, `kind=audit-log&sinceSize=${heldSize}`, 'since.zip');
    expect(await verifyOffline(bundle, await contosoKeys(), held)).toEqual({ code: 0, out: expect.stringMatching(/^OK/) });
    const recorded = await admin.data(AUDIT_EVENTS, { filter: { types: ['AuditCheckpointSigned'] }, first: 50 });
    expect(recorded['auditEvents'].totalCount).toBeGreaterThanOrEqual(2);
  });

  it('signs checkpoints by itself every KEYWARD_CHECKPOINT_SECONDS once the log has grown', async () => {
    const count = async () => (await admin.data(AUDIT_EVENTS, { filter: { types: ['AuditCheckpointSigned'] }, first: 1 }))['auditEvents'].totalCount as number;
    const before = await count();
    await createUser(admin, 'dave@contoso.example');
    await eventually(async () => ((await count()) > before ? true : undefined), 15_000);
  });

  it('rotates a tenant key with one command: the old key stays published, old checkpoints still verify, new ones use the new key', async () => {
    const oldNote = await checkpointNote();
    const oldKeys = await contosoKeys();
    const keyFile = join(keyward.dataDir, 'audit-keys.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const rotated = await run(process.execPath, [MAIN, 'rotate-audit-key', 'contoso.example'], { env: { ...process.env, KEYWARD_DATA_DIR: keyward.dataDir } });
    expect(rotated.stdout).toContain('New key:');
    const published = (await keysOf()).filter((key) => key.origin.endsWith(contosoTenant));
    expect(published).toHaveLength(2);
    expect(published.filter((key) => key.retiredAt !== null).map((key) => key.verifierKey)).toEqual(oldKeys);
    expect(() => openNote(oldNote, oldKeys)).not.toThrow();
    await createUser(admin, 'erin@contoso.example');
    const newNote = await checkpointNote();
    const current = published.filter((key) => key.retiredAt === null).map((key) => key.verifierKey);
    expect(() => openNote(newNote, current)).not.toThrow();
    expect(() => openNote(newNote, oldKeys)).toThrow();
  });

  it('keeps the log across a kill -9: the next checkpoint extends the last one signed before', async () => {
    const keys = await contosoKeys();
    const heldNote = await checkpointNote();
    const held = join(work, 'before-kill.txt');
    writeFileSync(held, heldNote);
    const before = parseCheckpoint(openNote(heldNote, keys).text);
    await keyward.kill();
    await keyward.start();
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    admin = new ConsoleClient(keyward.baseUrl);
    expect(await admin.signIn('admin@contoso.example', ADMIN_PASSWORD)).toBe(200);
    await createUser(admin, 'frank@contoso.example');
    const after = parseCheckpoint(openNote(await checkpointNote(), keys).text);
    expect(after.size).toBeGreaterThan(before.size);
    const bundle = await download(auditor, `kind=audit-log&sinceSize=${before.size}`, 'after-restart.zip');
    expect((await verifyOffline(bundle, keys, held)).code).toBe(0);
    const nd = await (await get(auditor, `/exports/audit-log?to=${before.size}`)).text();
    const tree = new MerkleAccumulator();
    for (const line of nd.split('\n').slice(0, -1)) tree.push(leafHash(Buffer.from(line)));
    expect(tree.root().equals(before.rootHash)).toBe(true);
  });
});
