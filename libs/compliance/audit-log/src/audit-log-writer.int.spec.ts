import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore, SqliteEventStore, type EventStore, type NewEvent } from '@keyward/shared/event-store';
import { EsdbProtocolFake } from '@keyward/shared/event-store/testing';
import { CheckpointedSubscriber, DeadLetters } from '@keyward/shared/event-sourcing';
import { leafHash, MerkleAccumulator, TreeReader, verifyInclusion } from '@keyward/shared/transparency';
import { auditRecordBytes, auditRecordOf } from '@keyward/compliance/domain';
import { AuditLogFile } from './audit-log-file';
import { AuditLogWriter } from './audit-log-writer';
import { LeafReader, LeafUnavailableError } from './leaf-reader';

const quiet = { error: () => undefined, warn: () => undefined };

/** An event of the tenant at the given minute; one in three is another tenant's. */
function eventOf(tenantId: string, minute: number, type = 'AppPasswordUsed'): NewEvent {
  const occurredAt = new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString();
  return {
    id: randomUUID(),
    type,
    data: type === 'AppPasswordGenerated' ? { appPasswordId: 'k1', userId: 'u1', secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' } : { appPasswordId: 'k1', userId: 'u1', protocol: 'imap', sourceIp: '203.0.113.5', client: null },
    metadata: { tenantId, actor: 'gateway:nginx', occurredAt, correlationId: 'c', causationId: 'c' },
  };
}

const stores: [string, () => Promise<{ store: EventStore; stop(): Promise<void> }>][] = [
  ['the embedded SQLite store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-log-store-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 10 });
    return { store, stop: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['EventStoreDB (protocol fake: no server can run here)', async () => {
    const fake = await new EsdbProtocolFake().start();
    const store = new EsdbEventStore(fake.connectionString);
    return { store, stop: async () => { await store.close(); await fake.stop(); } };
  }],
];

describe.each(stores)('the transparency log kept from %s', (_name, open) => {
  // Hundreds of appends one by one through the EventStoreDB fake's gRPC take seconds on a loaded machine.
  jest.setTimeout(60_000);
  let store: EventStore;
  let stopStore: () => Promise<void>;
  let dir: string;
  let file: AuditLogFile;
  let subscriber: CheckpointedSubscriber;
  const appended: { tenantId: string; event: NewEvent; streamId: string }[] = [];

  const start = async () => {
    file = new AuditLogFile(dir);
    subscriber = new CheckpointedSubscriber(new AuditLogWriter(file), store, file.db, new DeadLetters(file.db), quiet, { batchSize: 50 });
    await subscriber.start();
  };
  const stop = async () => {
    await subscriber.stop();
    file.close();
  };
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const tenantId = i % 3 === 2 ? 'fabrikam' : 'contoso';
      const event = eventOf(tenantId, appended.length, i % 10 === 0 ? 'AppPasswordGenerated' : 'AppPasswordUsed');
      const streamId = `appPasswordUsage-${tenantId}-${i % 4}`;
      await store.appendToStream(streamId, [event]);
      appended.push({ tenantId, event, streamId });
    }
  };
  /** The root every leaf of the tenant, in store order, must give. */
  const expectedRoot = (tenantId: string) => {
    const tree = new MerkleAccumulator();
    for (const { event, streamId } of appended.filter((each) => each.tenantId === tenantId)) tree.push(leafHash(auditRecordBytes(auditRecordOf({ ...event, streamId }))));
    return { root: tree.root(), size: tree.size };
  };

  beforeEach(async () => {
    ({ store, stop: stopStore } = await open());
    dir = mkdtempSync(join(tmpdir(), 'keyward-log-'));
    appended.length = 0;
  });
  afterEach(async () => {
    await stopStore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given interleaved events of two tenants, when the log catches up and goes on live, then each tenant’s root is the tree of its records in store order', async () => {
    await append(400);
    await start();
    await append(333);
    await subscriber.settled();
    for (const tenantId of ['contoso', 'fabrikam']) {
      const { root, size } = expectedRoot(tenantId);
      expect(file.sizeOf(tenantId).size).toBe(size);
      expect(new TreeReader(file.tiles(tenantId), size).rootHash().equals(root)).toBe(true);
    }
    await stop();
  });

  it('given a log stopped part-way, when it starts again, then it goes on from its checkpoint without a leaf twice', async () => {
    await append(120);
    await start();
    await stop();
    await append(150);
    await start();
    await subscriber.settled();
    const { root, size } = expectedRoot('contoso');
    expect(file.sizeOf('contoso').size).toBe(size);
    expect(new TreeReader(file.tiles('contoso'), size).rootHash().equals(root)).toBe(true);
    await stop();
  });

  it('given a log, when leaves are read back, then they are the records the tree holds, and each inclusion proof verifies', async () => {
    await append(600);
    await start();
    await subscriber.settled();
    const size = file.sizeOf('contoso').size;
    const tree = new TreeReader(file.tiles('contoso'), size);
    const reader = new LeafReader(file);
    const leaves = [];
    for await (const leaf of reader.range('contoso', 7, 300)) leaves.push(leaf);
    expect(leaves.map((leaf) => leaf.index)).toEqual(Array.from({ length: 293 }, (_, i) => i + 7));
    for (const leaf of leaves) expect(verifyInclusion(leafHash(leaf.bytes), leaf.index, size, tree.inclusionProof(leaf.index), tree.rootHash())).toBe(true);
    const generated = [];
    for await (const leaf of reader.walk('contoso', 0, size, (record) => record.type === 'AppPasswordGenerated')) generated.push(leaf);
    expect(generated.length).toBe(appended.filter((each) => each.tenantId === 'contoso' && each.event.type === 'AppPasswordGenerated').length);
    expect(generated.every((leaf) => !leaf.bytes.toString().includes('$argon2'))).toBe(true);
    await expect(async () => {
      for await (const leaf of reader.range('contoso', size, size + 1)) expect(leaf).toBeUndefined();
    }).rejects.toThrow(LeafUnavailableError);
    await stop();
  });

  it('given a log whose store is gone (as a store deleting old events would be), when leaves are read, then the log still has every record', async () => {
    await append(90);
    await start();
    await subscriber.settled();
    await stop();
    await stopStore();
    ({ store, stop: stopStore } = await open());
    file = new AuditLogFile(dir);
    const { root, size } = expectedRoot('contoso');
    const leaves = [];
    for await (const leaf of new LeafReader(file).range('contoso', 0, size)) leaves.push(leafHash(leaf.bytes));
    const tree = new MerkleAccumulator();
    for (const hash of leaves) tree.push(hash);
    expect(tree.root().equals(root)).toBe(true);
    file.close();
  });
});

describe('the audit-log file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keyward-log-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a record changed in the file, when its leaf is read, then the reader refuses it rather than export what the tree does not hold', async () => {
    // given
    const file = new AuditLogFile(dir);
    const writer = new AuditLogWriter(file);
    const events = [0, 1, 2].map((minute, i) => ({ ...eventOf('contoso', minute), streamId: 's', revision: BigInt(i), position: `${i + 1}` as never }));
    writer.handle(events, () => undefined);
    file.db.prepare("UPDATE log_leaves SET record = replace(record, 'imap', 'pop3') WHERE id = (SELECT min(id) + 1 FROM log_leaves)").run();
    // when / then
    await expect(async () => {
      for await (const leaf of new LeafReader(file).range('contoso', 0, 3)) expect(leaf.index).toBe(0);
    }).rejects.toThrow(/leaf 1 is not the one its tree holds/);
    file.close();
  });

  it('given a file of a Keyward that kept no records in it, when it is opened, then it says what to do instead of serving a log it cannot read', () => {
    // given
    const old = new Database(join(dir, 'audit-log.sqlite'));
    old.exec('CREATE TABLE log_tenants (tenant_id TEXT PRIMARY KEY, size INTEGER NOT NULL, content_size INTEGER NOT NULL)');
    old.close();
    // when / then
    expect(() => new AuditLogFile(dir)).toThrow(/older Keyward.*Move it aside/);
  });
});
