import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { CheckpointedSubscriber, DeadLetters, reactionHandler, type FailurePolicy } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { loadConfig } from '@keyward/shared/server';
import { alertStreamId, type AlertFacts } from '@keyward/incidents/domain';
import { AlertWebhook, STALE_ALERT_MS } from './alert-webhook.reaction';

const FAST: FailurePolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 };
const NOW = new Date('2026-12-01T12:00:00.000Z');
const quiet = { error: () => undefined, warn: () => undefined };

// A real store, read-model file and receiver; the subscriber's waits are shortened.
describe('the alert webhook reaction', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let server: Server;
  let status: number;
  let deliveries: string[];
  let url: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-webhook-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    db = openReadModelDatabase(dir);
    deliveries = [];
    status = 204;
    server = createServer((request, response) => {
      deliveries.push(String(request.headers['x-keyward-delivery']));
      request.resume().on('end', () => response.writeHead(status).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=do-not-log-me`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const webhookFor = (env: Record<string, string> = {}) =>
    new AlertWebhook({ now: () => NOW }, loadConfig({ KEYWARD_WEBHOOK_URL: url, KEYWARD_WEBHOOK_SECRET: 'sixteen characters or more', ...env }));
  const raise = async (raisedAt: Date): Promise<string> => {
    const alertId = randomUUID();
    const data: Partial<AlertFacts> = { alertId, tenantId: 't-1', kind: 'PASSWORD_SPRAY', severity: 'HIGH', count: 10, sourceIp: '203.0.113.66' };
    const id = randomUUID();
    const metadata = { tenantId: 't-1', actor: 'system:alert-detection' as const, occurredAt: raisedAt.toISOString(), correlationId: 'c', causationId: 'c' };
    await store.appendToStream(alertStreamId(alertId), [{ id, type: 'AlertRaised', data, metadata }]);
    return id;
  };
  const run = async (webhook: AlertWebhook) => {
    const deadLetters = new DeadLetters(db);
    const subscriber = new CheckpointedSubscriber(reactionHandler(webhook), store, db, deadLetters, quiet, { failures: FAST });
    await subscriber.start();
    await subscriber.stop();
    return deadLetters;
  };

  it('retries on its own schedule: from KEYWARD_WEBHOOK_RETRY_SECONDS, doubling up to five minutes', () => {
    expect(webhookFor().failures).toEqual({ maxAttempts: 12, baseDelayMs: 10_000, maxDelayMs: 300_000 });
    expect(webhookFor({ KEYWARD_WEBHOOK_RETRY_SECONDS: '1', KEYWARD_WEBHOOK_MAX_ATTEMPTS: '4' }).failures).toEqual({ maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 300_000 });
  });

  it('does not run without a URL', () => {
    expect(new AlertWebhook({ now: () => NOW }, loadConfig({})).isEnabled()).toBe(false);
  });

  it('parks a delivery the receiver keeps refusing as a dead letter, saying why without the URL, and goes on', async () => {
    status = 500;
    const refused = await raise(NOW);
    const deadLetters = await run(webhookFor());
    expect(deliveries).toEqual([refused, refused, refused]);
    const [parked] = deadLetters.list('t-1');
    expect(parked).toMatchObject({ subscriber: 'alert-webhook', eventId: refused, attempts: 3, lastError: 'WebhookFailed: The webhook receiver answered 500' });
    status = 204;
    const next = await raise(NOW);
    await run(webhookFor());
    expect(deliveries.at(-1)).toBe(next);
  });

  it('does not deliver an alert older than a week (a new read-model file meeting old alerts)', async () => {
    await raise(new Date(NOW.getTime() - STALE_ALERT_MS - 1));
    const fresh = await raise(new Date(NOW.getTime() - STALE_ALERT_MS + 60_000));
    await run(webhookFor());
    expect(deliveries).toEqual([fresh]);
  });
});
