import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { EsdbEventStore, EVENTS_FILE, SqliteEventStore, type EventStore, type NewEvent } from '@keyward/shared/event-store';
import { EsdbProtocolFake } from '@keyward/shared/event-store/testing';
import { leafHash, MerkleAccumulator, TreeReader } from '@keyward/shared/transparency';
import { auditRecordBytes, auditRecordOf } from '@keyward/compliance/domain';
import { AuditLogFile } from '../audit-log-file';
import { buildWorkerScript } from '../testing/worker-script';
import { AuditLogWriterThread } from './writer-thread';

const quiet = { error: () => undefined, warn: () => undefined };

function usedEvent(tenantId: string, i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'AppPasswordUsed',
    data: { appPasswordId: `k${i % 3}`, userId: 'u1', protocol: 'imap', sourceIp: '203.0.113.5', client: `c${i}` },
    metadata: { tenantId, actor: 'gateway:nginx', occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), correlationId: 'c', causationId: 'c' },
  };
}

const stores: [string, (dir: string) => Promise<{ store: EventStore; eventStoreUrl?: string; stop(): Promise<void> }>][] = [
  ['the embedded SQLite store (a second connection on the thread)', async (dir) => {
    const store = new SqliteEventStore(join(dir, EVENTS_FILE));
    return { store, stop: () => store.close() };
  }],
  ['EventStoreDB (protocol fake: no server can run here)', async () => {
    const fake = await new EsdbProtocolFake().start();
    const store = new EsdbEventStore(fake.connectionString);
    return { store, eventStoreUrl: fake.connectionString, stop: async () => { await store.close(); await fake.stop(); } };
  }],
];

describe.each(stores)('the audit log written on a thread of its own, from %s', (_name, open) => {
  jest.setTimeout(60_000);
  let script: string;
  let dir: string;
  beforeAll(() => (script = buildWorkerScript()));
  afterAll(() => rmSync(script, { force: true }));
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keyward-writer-thread-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given events appended before and while it runs, when it has settled, then the tenant’s root is the tree of its records in store order; stopped and started again, it goes on without a leaf twice', async () => {
    // given
    const { store, eventStoreUrl, stop } = await open(dir);
    const file = new AuditLogFile(dir);
    const appended: { event: NewEvent; streamId: string }[] = [];
    const append = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const event = usedEvent('contoso', appended.length);
        const streamId = `appPasswordUsage-k${i % 3}`;
        await store.appendToStream(streamId, [event]);
        appended.push({ event, streamId });
      }
    };
    const expectedRoot = () => {
      const tree = new MerkleAccumulator();
      for (const { event, streamId } of appended) tree.push(leafHash(auditRecordBytes(auditRecordOf({ ...event, streamId }))));
      return tree.root();
    };
    await append(150);
    const thread = new AuditLogWriterThread(script, { dataDir: dir, eventStoreUrl }, quiet);
    // when
    await thread.start();
    await append(120);
    await thread.settled();
    // then
    expect(file.sizeOf('contoso').size).toBe(270);
    expect(new TreeReader(file.tiles('contoso'), 270).rootHash().equals(expectedRoot())).toBe(true);
    // and when stopped, more is appended, and it starts again
    await thread.stop();
    await append(30);
    await thread.start();
    await thread.settled();
    expect(file.sizeOf('contoso').size).toBe(300);
    expect(new TreeReader(file.tiles('contoso'), 300).rootHash().equals(expectedRoot())).toBe(true);
    await thread.stop();
    file.close();
    await stop();
  });

  it('given the thread dies, then it is started again, says so, and a caller waiting for it to settle is answered by the new one', async () => {
    // given
    const { store, eventStoreUrl, stop } = await open(dir);
    const file = new AuditLogFile(dir);
    const errors: string[] = [];
    const thread = new AuditLogWriterThread(script, { dataDir: dir, eventStoreUrl }, { ...quiet, error: (message: string) => void errors.push(message) });
    await thread.start();
    for (let i = 0; i < 20; i++) await store.appendToStream('appPasswordUsage-k0', [usedEvent('contoso', i)]);
    await thread.settled();
    // when: the thread ends as a crash would end it (terminated from outside)
    await (thread as unknown as { worker: Worker }).worker.terminate();
    for (let i = 20; i < 50; i++) await store.appendToStream('appPasswordUsage-k0', [usedEvent('contoso', i)]);
    await thread.settled();
    // then
    expect(errors).toContain('the audit log writer thread stopped; starting it again');
    expect(file.sizeOf('contoso').size).toBe(50);
    await thread.stop();
    file.close();
    await stop();
  });
});
