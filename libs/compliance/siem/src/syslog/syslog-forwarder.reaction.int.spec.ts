import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@keyward/shared/event-store';
import { CheckpointedSubscriber, DeadLetters, reactionHandler, type FailurePolicy } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { loadConfig } from '@keyward/shared/server';
import { auditRecordBytes, auditRecordOf, ocsfLine } from '@keyward/compliance/domain';
import { appendAuditEvents } from '../siem-events.fixture';
import { MAX_SIEM_RETRY_DELAY_MS } from '../siem-failures';
import { KEYWARD_VERSION } from '@keyward/shared/server';
import { Rsyslog } from './rsyslog.fixture';
import { SyslogClient } from './syslog-client';
import { SyslogForwarder } from './syslog-forwarder.reaction';

// The subscriber's waits are shortened; the forwarder's own schedule is checked on its own.
const FAST: FailurePolicy = { maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: 50, maxDelayMs: 200 };
const quiet = { error: () => undefined, warn: () => undefined };
const recordJson = (event: RecordedEvent) => auditRecordBytes(auditRecordOf(event)).toString('utf8');
const idOf = (line: string) => (JSON.parse(line) as { id: string }).id;

// A real SQLite store and read-model file, the real subscriber, and Debian's rsyslogd receiving to a file.
describe('the syslog forwarder, with rsyslogd receiving', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let rsyslog: Rsyslog;
  let subscriber: CheckpointedSubscriber | null;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-syslog-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    db = openReadModelDatabase(dir);
    rsyslog = await Rsyslog.configure(dir);
    await rsyslog.start();
    subscriber = null;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await subscriber?.stop();
    await rsyslog.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const forwarderFor = (env: Record<string, string> = {}) => new SyslogForwarder(loadConfig({ KEYWARD_SYSLOG_URL: `tcp://127.0.0.1:${rsyslog.port}`, ...env }));
  const run = async (forwarder: SyslogForwarder) => {
    subscriber = new CheckpointedSubscriber(reactionHandler(forwarder), store, db, new DeadLetters(db), quiet, { failures: FAST });
    await subscriber.start();
    return subscriber;
  };

  it('given the settings, when the forwarder is made, then it runs only with a URL and retries from KEYWARD_SIEM_RETRY_SECONDS, doubling up to five minutes, never parking', () => {
    expect(new SyslogForwarder(loadConfig({})).isEnabled()).toBe(false);
    const forwarder = forwarderFor({ KEYWARD_SIEM_RETRY_SECONDS: '3' });
    expect(forwarder.isEnabled()).toBe(true);
    expect(forwarder.name).toBe('siem-syslog');
    expect(forwarder.filter).toEqual({});
    expect(forwarder.failures).toEqual({ maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: 3000, maxDelayMs: MAX_SIEM_RETRY_DELAY_MS });
  });

  it('given events in the store, when the forwarder runs, then rsyslog receives each as one RFC 5424 message, in order, with the record as MSG, the batch in one write', async () => {
    const events = await appendAuditEvents(store, 25);
    // Longer than rsyslog's default 8 KiB: whole, with the receiver's maxMessageSize raised.
    events.push((await appendAuditEvents(store, 1, 25, { note: 'ü'.repeat(12_000) }))[0]);
    const send = jest.spyOn(SyslogClient.prototype, 'send');
    const running = await run(forwarderFor());

    const lines = await rsyslog.received(events.length);
    expect(lines).toEqual(events.map(recordJson));
    expect(lines.join('\n')).not.toContain('$argon2');
    expect(send).toHaveBeenCalledTimes(1);
    expect(running.checkpoint()).toBe(events.at(-1)?.position);

    // What rsyslog parsed from the header: PRI, timestamp, host, app, procid, msgid, structured data.
    const headers = rsyslog.lines('headers.log');
    expect(headers[0]).toBe(`110 2026-12-01T09:00:00.000Z ${hostname()} keyward - AppPasswordGenerated [keyward@32473 tenant="t-1" stream="${events[0].streamId}" actor="user:u-1"]`);
    expect(headers[2]).toMatch(/^109 .* AppPasswordRejected \[keyward@32473 tenant="t-1" stream="appPasswordUsage-k0" actor="gateway:nginx"\]$/);
    expect(headers[4]).toContain(`[keyward@32473 tenant="tenant-\\"two\\"\\]" stream="${events[4].streamId}" actor="user:u-1"]`);
  });

  it('given the OCSF format, when the forwarder runs, then each message\'s MSG is the OCSF event of the record, as an export\'s records.ocsf.ndjson has it', async () => {
    const events = await appendAuditEvents(store, 10);
    await run(forwarderFor({ KEYWARD_SYSLOG_FORMAT: 'ocsf' }));
    const expected = events.map((event) => ocsfLine(auditRecordOf(event), { version: KEYWARD_VERSION }).replace(/\n$/, ''));
    expect(await rsyslog.received(events.length)).toEqual(expected);
  });

  it('given rsyslog stops and starts again, when events are appended meanwhile, then every event arrives at least once, in order, and the checkpoint waits for them', async () => {
    const before = await appendAuditEvents(store, 10);
    const running = await run(forwarderFor());
    await rsyslog.received(before.length);

    await rsyslog.stop();
    const during = await appendAuditEvents(store, 10, before.length);
    await waitUntil(() => running.currentFailure !== null);
    expect(running.currentFailure?.eventId).toBe(during[0].id);
    expect(running.checkpoint()).toBe(before.at(-1)?.position);

    await rsyslog.start();
    const all = [...before, ...during];
    await waitUntil(() => running.checkpoint() === all.at(-1)?.position, 20_000);
    const firstArrivals = [...new Set((await rsyslog.received(all.length)).map(idOf))];
    expect(firstArrivals).toEqual(all.map((event) => event.id));
    expect(running.currentFailure).toBeNull();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
