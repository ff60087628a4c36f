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
import { HecForwarder } from './hec-forwarder.reaction';
import { accepted, HecReceiverDouble, type HecAnswer } from './hec-receiver.double';

// The subscriber's waits are shortened; the forwarder's own schedule is checked on its own.
const FAST: FailurePolicy = { maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: 50, maxDelayMs: 200 };
const TOKEN = '11111111-2222-3333-4444-555555555555';
const quiet = { error: () => undefined, warn: () => undefined };
const recordJson = (event: RecordedEvent) => auditRecordBytes(auditRecordOf(event)).toString('utf8');
const busy: HecAnswer = (_request, response) => response.writeHead(503, { 'content-type': 'application/json' }).end('{"text":"Server is busy","code":9}');

// A real SQLite store and read-model file, the real subscriber, and a receiver double of Splunk's collector.
describe('the HEC forwarder', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let receiver: HecReceiverDouble;
  const running: CheckpointedSubscriber[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-hec-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    db = openReadModelDatabase(dir);
    receiver = await HecReceiverDouble.start();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscriber) => subscriber.stop()));
    await receiver.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const forwarderFor = (env: Record<string, string> = {}) => new HecForwarder(loadConfig({ KEYWARD_HEC_URL: receiver.origin, KEYWARD_HEC_TOKEN: TOKEN, ...env }));
  const subscriberFor = (forwarder: HecForwarder) => {
    const subscriber = new CheckpointedSubscriber(reactionHandler(forwarder), store, db, new DeadLetters(db), quiet, { failures: FAST });
    running.push(subscriber);
    return subscriber;
  };
  const eventIds = () => receiver.events.map((event) => (event.event as { id: string }).id);

  it('given the settings, when the forwarder is made, then it runs only with a URL and retries from KEYWARD_SIEM_RETRY_SECONDS, doubling up to five minutes, never parking', () => {
    expect(new HecForwarder(loadConfig({})).isEnabled()).toBe(false);
    const forwarder = forwarderFor({ KEYWARD_SIEM_RETRY_SECONDS: '7' });
    expect(forwarder).toMatchObject({ name: 'siem-hec', filter: {} });
    expect(forwarder.isEnabled()).toBe(true);
    expect(forwarder.failures).toEqual({ maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: 7000, maxDelayMs: MAX_SIEM_RETRY_DELAY_MS });
  });

  it('given a collector that answers 503 to the first two requests, when the forwarder runs, then every event arrives in order and the checkpoint waits for a 2xx', async () => {
    const events = await appendAuditEvents(store, 12);
    const checkpointsWhenRefused: unknown[] = [];
    const subscriber = subscriberFor(forwarderFor());
    receiver.answer = (request, response) => {
      if (receiver.requests.length > 2) return accepted(request, response);
      checkpointsWhenRefused.push(subscriber.checkpoint() ?? 'none');
      busy(request, response);
    };
    await subscriber.start();

    expect(checkpointsWhenRefused).toEqual(['none', 'none']);
    // The batch went as one request; refused, it was sent again event by event.
    expect(receiver.requests[0].events).toHaveLength(events.length);
    expect(receiver.requests[1].events).toHaveLength(1);
    const taken = receiver.requests.slice(2);
    expect(taken.flatMap((request) => request.events.map((event) => (event.event as { id: string }).id))).toEqual(events.map((event) => event.id));
    expect(subscriber.checkpoint()).toBe(events.at(-1)?.position);
    expect(taken[0]).toMatchObject({ path: '/services/collector/event', authorization: `Splunk ${TOKEN}` });
    expect(taken[0].body).toBe(`{"time":1796115600.000,"host":${JSON.stringify(hostname())},"source":"keyward","sourcetype":"keyward:audit","event":${recordJson(events[0])}}`);
    expect(receiver.events.map((event) => event.event)).not.toContainEqual(expect.objectContaining({ data: expect.objectContaining({ secretHash: expect.anything() }) }));

  });

  it('given Keyward stops while the collector refuses, when it starts again, then it sends again from its checkpoint and no event is lost', async () => {
    const first = await appendAuditEvents(store, 5);
    const beforeStop = subscriberFor(forwarderFor());
    await beforeStop.start();
    expect(eventIds()).toEqual(first.map((event) => event.id));

    receiver.answer = busy;
    receiver.requests.length = 0;
    const second = await appendAuditEvents(store, 5, first.length);
    await waitUntil(() => receiver.requests.length >= 3);
    await Promise.all(running.splice(0).map((subscriber) => subscriber.stop()));
    expect(beforeStop.checkpoint()).toBe(first.at(-1)?.position);

    receiver.answer = accepted;
    receiver.requests.length = 0;
    const afterRestart = subscriberFor(forwarderFor());
    await afterRestart.start();
    expect(eventIds()).toEqual(second.map((event) => event.id));
    expect(afterRestart.checkpoint()).toBe(second.at(-1)?.position);
  });

  it('given the OCSF format, when events are forwarded, then each HEC event is the OCSF event of the record, with its class as sourcetype', async () => {
    const events = await appendAuditEvents(store, 5);
    await subscriberFor(forwarderFor({ KEYWARD_HEC_FORMAT: 'ocsf', KEYWARD_HEC_URL: `${receiver.origin}/custom/collector` })).start();
    expect(receiver.requests[0].path).toBe('/custom/collector');
    const expected = events.map((event) => JSON.parse(ocsfLine(auditRecordOf(event), { version: KEYWARD_VERSION })) as { class_name: string });
    expect(receiver.events.map((event) => event.event)).toEqual(expected);
    expect(receiver.events.map((event) => event.sourcetype)).toEqual(expected.map((event) => `ocsf:${event.class_name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`));
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
