import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_PASSWORD, basic, ConsoleClient, createUser, fleetHistory, generate, KeywardProcess, writeHistory } from '@keyward/e2e/support';

export interface BulkRevocationFigures {
  matched: number;
  /** From sending revokeAppPasswords until RevocationCaseCompleted is in the store, s. */
  caseSeconds: number;
  /** Events the case appended (revocations, its own), per second of the case. */
  caseEventsPerSecond: number;
  /** The same rows inserted raw into a SQLite file with the same pragmas, in transactions of 1,000, per second. */
  rawInsertsPerSecond: number;
  /** Verification requests answered while the case ran, and how many were let through (204). */
  verifications: number;
  accepted: number;
  /** 204s for a request sent after the credential's revocation was in the store: must be 0. */
  acceptedAfterRevocation: number;
  /** 204s whose request was in flight when the revocation landed (allowed: the request came first). */
  acceptedInFlight: number;
  verificationsPerSecond: number;
}

interface Answer {
  appPasswordId: string;
  sentAt: number;
  answeredAt: number;
  status: number;
}

const LOADED = 100;
const PER_USER = 20;

/**
 * A revocation case of `fleet` + 100 app passwords (the 100 with real secrets, under /verify load
 * from `connections` clients the whole time) in a real Keyward process, timed until the case's
 * completion is in the store. A watcher reads the store file every few ms and notes when each
 * revocation became visible; any 204 to a request sent after that moment is a violation. The
 * baseline is a raw batched insert of the same number of rows, in the same run.
 */
export async function benchBulkRevocation(fleet: number, connections: number): Promise<BulkRevocationFigures> {
  const keyward = new KeywardProcess({ env: { KEYWARD_LOG_LEVEL: 'warn' }, startTimeoutMs: 300_000 });
  try {
    await writeHistory(keyward.dataDir, fleetHistory('contoso.example', { name: 'fleet', users: fleet / PER_USER, perUser: PER_USER, label: 'fleet', at: new Date(Date.now() - 86_400_000) }));
    await keyward.start();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const loaded = await loadedCredentials(admin);
    const matched = fleet + loaded.length;

    const storeFile = join(keyward.dataDir, 'events.sqlite');
    // The store as it stands before the case: the baseline inserts the case's rows into this copy.
    const copy = join(mkdtempSync(join(tmpdir(), 'keyward-bench-raw-')), 'events.sqlite');
    const snapshot = new Database(storeFile, { readonly: true });
    snapshot.exec(`VACUUM INTO '${copy}'`);
    snapshot.close();
    const watcher = new RevocationWatcher(storeFile);
    const answers: Answer[] = [];
    let isLoading = true;
    const load = Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        for (let i = worker; isLoading; i += connections) {
          const credential = loaded[i % loaded.length];
          const sentAt = performance.timeOrigin + performance.now();
          const response = await fetch(`${keyward.baseUrl}/verify`, { headers: credential.headers });
          answers.push({ appPasswordId: credential.id, sentAt, answeredAt: performance.timeOrigin + performance.now(), status: response.status });
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loadStarted = performance.now();
    const started = performance.now();
    const request = admin.data(`mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id matched } }`, {
      input: { filter: { label: 'fleet' }, reason: 'Benchmark: fleet compromised', incidentRef: 'BENCH-1', expectedMatched: matched },
    });
    const { revokeAppPasswords } = (await request) as { revokeAppPasswords: { id: string; matched: number } };
    const { count: caseEvents, from, to } = await watcher.untilCompleted(revokeAppPasswords.id);
    const caseSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 500));
    isLoading = false;
    await load;
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    watcher.close();

    const during = answers.filter((answer) => answer.sentAt >= performance.timeOrigin + loadStarted);
    const visibleAt = watcher.visibleAt;
    const accepted = during.filter((answer) => answer.status === 204);
    const revokedAt = (answer: Answer) => visibleAt.get(answer.appPasswordId) ?? Number.POSITIVE_INFINITY;
    return {
      matched: revokeAppPasswords.matched,
      caseSeconds,
      caseEventsPerSecond: caseEvents / caseSeconds,
      rawInsertsPerSecond: rawBatchedInserts(storeFile, copy, from, to, revokeAppPasswords.id),
      verifications: during.length,
      accepted: accepted.length,
      acceptedAfterRevocation: accepted.filter((answer) => answer.sentAt > revokedAt(answer)).length,
      acceptedInFlight: accepted.filter((answer) => answer.sentAt <= revokedAt(answer) && answer.answeredAt > revokedAt(answer)).length,
      verificationsPerSecond: during.length / loadSeconds,
    };
  } finally {
    await keyward.stop();
    keyward.removeData();
  }
}

/** 100 app passwords with real secrets in the fleet (label `fleet`), each checked once so the warm path holds them. */
async function loadedCredentials(admin: ConsoleClient): Promise<{ id: string; headers: Record<string, string> }[]> {
  const loaded: { id: string; headers: Record<string, string> }[] = [];
  for (let u = 0; u < LOADED / PER_USER; u++) {
    const upn = `loaded${u}@contoso.example`;
    const user = await createUser(admin, upn);
    for (let c = 0; c < PER_USER; c++) {
      const { secret, appPassword } = await generate(admin, user.id, 'fleet');
      loaded.push({ id: appPassword.id, headers: { authorization: basic(upn, secret), 'x-keyward-protocol': 'imap' } });
    }
  }
  return loaded;
}

/** Watches the store file: when each revocation became visible, and when a case completed. */
class RevocationWatcher {
  readonly visibleAt = new Map<string, number>();
  private readonly db: Database.Database;
  private after = 0;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.after = (this.db.prepare('SELECT coalesce(max(position), 0) AS p FROM events').get() as { p: number }).p;
  }

  /** Polls every 2 ms until the case's completion is in the store; returns how many events the case appended, and where. */
  async untilCompleted(caseId: string): Promise<{ count: number; from: number; to: number }> {
    const start = this.after;
    const read = this.db.prepare('SELECT position, stream_id, type FROM events WHERE position > ? ORDER BY position LIMIT 5000');
    for (;;) {
      const rows = read.all(this.after) as { position: number; stream_id: string; type: string }[];
      const now = performance.timeOrigin + performance.now();
      for (const row of rows) {
        this.after = row.position;
        const appPasswordId = row.stream_id.slice('appPassword-'.length);
        if (row.type === 'AppPasswordRevoked' && !this.visibleAt.has(appPasswordId)) this.visibleAt.set(appPasswordId, now);
        if (row.type === 'RevocationCaseCompleted' && row.stream_id === `revocationCase-${caseId}`) {
          const count = (this.db.prepare(`SELECT count(*) AS n FROM events WHERE ${CASE_ROWS}`).get(start, row.position, `revocationCase-${caseId}`) as { n: number }).n;
          return { count, from: start, to: row.position };
        }
      }
      if (rows.length < 5000) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  close(): void {
    this.db.close();
  }
}

/** The rows a case appended between two positions: its revocations and its own events. */
const CASE_ROWS = "position > ? AND position <= ? AND (type = 'AppPasswordRevoked' OR stream_id = ?)";

/**
 * The baseline: the very rows the case appended, inserted raw with better-sqlite3 into a copy of
 * the store as it stood before the case (same indexes, same pragmas: WAL, synchronous = FULL), in
 * transactions of 1,000; rows per second.
 */
function rawBatchedInserts(storeFile: string, copy: string, from: number, to: number, caseId: string): number {
  const source = new Database(storeFile, { readonly: true });
  const rows = source.prepare(`SELECT event_id, stream_id, revision, type, data, metadata FROM events WHERE ${CASE_ROWS} ORDER BY position`).raw(true).all(from, to, `revocationCase-${caseId}`) as unknown[][];
  source.close();
  const db = new Database(copy);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    const batch = db.transaction((slice: unknown[][]) => {
      for (const row of slice) insert.run(...row);
    });
    const started = performance.now();
    for (let start = 0; start < rows.length; start += 1000) batch(rows.slice(start, start + 1000));
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dirname(copy), { recursive: true, force: true });
  }
}
