import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { auditRecordBytes, auditRecordOf, ocsfLine, type AuditRecord } from '@keyward/compliance/domain';
import { AuditLogFile } from '../audit-log-file';
import { AuditLogWriter } from '../audit-log-writer';
import { LeafUnavailableError } from '../leaf-reader';
import { buildWorkerScript } from '../testing/worker-script';
import { ExportLines } from './export-lines';

const VERSION = '9.9.9';

/** `count` events of the tenant, some of another, as the store would hand them to the writer. */
function history(count: number): RecordedEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const tenantId = i % 5 === 4 ? 'fabrikam' : 'contoso';
    return {
      id: randomUUID(),
      type: i % 7 === 0 ? 'AppPasswordRejected' : 'AppPasswordUsed',
      streamId: `appPasswordUsage-k${i % 9}`,
      revision: BigInt(i),
      position: `${i + 1}` as RecordedEvent['position'],
      data: { appPasswordId: `k${i % 9}`, userId: `u${i % 4}`, protocol: 'imap', sourceIp: '203.0.113.9', client: `Mail ${i}`, reason: i % 7 === 0 ? 'EXPIRED' : undefined },
      metadata: { tenantId, actor: 'gateway:nginx', occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), correlationId: 'c', causationId: 'c' },
    };
  });
}

async function collect(lines: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of lines) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

/** As a socket would: each slice copied out, then its memory given back to be written over. */
async function collectRecycling(pool: ExportLines, lines: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of lines) {
    parts.push(Buffer.from(part));
    pool.recycle(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

describe('the lines of an audit-log export', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let file: AuditLogFile;
  let workerScript: string;
  let expected: AuditRecord[];
  const pools: ExportLines[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-export-lines-'));
    workerScript = buildWorkerScript();
    file = new AuditLogFile(dir);
    const events = history(5000);
    new AuditLogWriter(file).handle(events, () => undefined);
    expected = events.filter((event) => event.metadata.tenantId === 'contoso').map(auditRecordOf);
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    file.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(workerScript, { force: true });
  });
  const pool = (script: string | null, threads = 2) => {
    const lines = new ExportLines(file, script, { dataDir: dir }, threads);
    pools.push(lines);
    return lines;
  };

  describe.each([
    ['on worker threads', () => workerScript],
    ['on the event loop (no worker script)', () => null],
  ])('%s', (_name, script) => {
    it('given a range, when its NDJSON is made, then each line is exactly the leaf, in order', async () => {
      // when
      const text = await collect(pool(script()).lines('contoso', 5, 3001, 'ndjson', VERSION));
      // then
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBe(2996);
      expect(lines.every((line, i) => line === auditRecordBytes(expected[i + 5]).toString('utf8'))).toBe(true);
    });

    it('given a range, when its OCSF is made, then each line is the OCSF line of its record', async () => {
      // when
      const text = await collect(pool(script()).lines('contoso', 0, 700, 'ocsf', VERSION));
      // then
      expect(text).toBe(expected.slice(0, 700).map((record) => ocsfLine(JSON.parse(auditRecordBytes(record).toString('utf8')) as AuditRecord, { version: VERSION })).join(''));
    });

    it('given each slice given back once copied, when OCSF and then NDJSON are made, then later slices written over earlier ones are still exact', async () => {
      // given
      const lines = pool(script());
      const ocsf = expected.slice(0, 2000).map((record) => ocsfLine(record, { version: VERSION })).join('');
      // when
      const first = await collectRecycling(lines, lines.lines('contoso', 0, 2000, 'ocsf', VERSION));
      const second = await collectRecycling(lines, lines.lines('contoso', 0, 2000, 'ndjson', VERSION));
      // then
      expect(first).toBe(ocsf);
      expect(second).toBe(expected.slice(0, 2000).map((record) => `${auditRecordBytes(record).toString('utf8')}\n`).join(''));
    });

    it('given a range past the log, when it is read, then it fails on the first leaf the log lacks', async () => {
      // given
      const size = file.sizeOf('contoso').size;
      // when / then
      await expect(collect(pool(script()).lines('contoso', size - 10, size + 600, 'ndjson', VERSION))).rejects.toThrow(new LeafUnavailableError(`The log has no leaf ${size}.`));
    });
  });

  it('given a slice given back, then the next slice is written into its memory, and memory that was not handed out is never used', async () => {
    // given
    const lines = pool(null);
    const slices = lines.lines('contoso', 0, 1000, 'ndjson', VERSION);
    const first = (await slices.next()).value as Buffer;
    // when
    lines.recycle(first);
    lines.recycle(Buffer.alloc(1 << 20));
    const second = (await slices.next()).value as Buffer;
    const third = (await slices.next()).value as Buffer;
    // then
    expect(second.buffer).toBe(first.buffer);
    expect(third.buffer).not.toBe(first.buffer);
    expect(third.buffer.byteLength).toBeLessThan(1 << 20);
    await slices.return(undefined);
  });

  it('given an export on worker threads, then they run at nice 10 and the event loop keeps its priority (Linux)', async () => {
    // given: the nice value of each thread of this process (/proc/self/task/<id>/stat, field 19)
    const niceOf = (id: string) => {
      try {
        return Number(readFileSync(`/proc/self/task/${id}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
      } catch {
        return null; // a thread that ended meanwhile
      }
    };
    const niceValues = () => new Map(readdirSync('/proc/self/task').map((id) => [Number(id), niceOf(id)]));
    const before = niceValues();
    const lines = pool(workerScript, 2);
    // when
    await collect(lines.lines('contoso', 0, 2000, 'ndjson', VERSION));
    // then
    const started = [...niceValues()].filter(([id]) => !before.has(id));
    expect(started.filter(([, nice]) => nice === 10).length).toBeGreaterThanOrEqual(2);
    expect(niceValues().get(process.pid)).toBe(before.get(process.pid));
  });

  it('given two exports at once on the same workers, then each gets its own lines, in order', async () => {
    // given
    const lines = pool(workerScript, 2);
    // when
    const [ndjson, ocsf] = await Promise.all([collect(lines.lines('contoso', 0, 4000, 'ndjson', VERSION)), collect(lines.lines('fabrikam', 0, 1000, 'ocsf', VERSION))]);
    // then
    expect(ndjson.split('\n').length - 1).toBe(4000);
    expect(ocsf.split('\n').slice(0, -1).map((line) => (JSON.parse(line) as { metadata: { tenant_uid: string } }).metadata.tenant_uid)).toEqual(Array(1000).fill('fabrikam'));
  });

  it('given the workers stopped part-way through an export, then the export fails rather than end short, and the next export starts new ones', async () => {
    // given
    const lines = pool(workerScript, 1);
    const export1 = lines.lines('contoso', 0, 4000, 'ocsf', VERSION);
    await export1.next();
    // when
    await lines.close();
    // then
    await expect(collect({ [Symbol.asyncIterator]: () => export1 })).rejects.toThrow(/An export worker stopped/);
    expect((await collect(lines.lines('contoso', 0, 10, 'ndjson', VERSION))).split('\n').length).toBe(11);
  });

  it('given workers with nothing more to do, when they have idled long enough, then they stop, and the next export starts new ones', async () => {
    // given
    // An idle time well beyond a slice's work, so that on a busy machine no worker idles out mid-export.
    const lines = new ExportLines(file, workerScript, { dataDir: dir }, 2, 1_000);
    pools.push(lines);
    await collect(lines.lines('contoso', 0, 1000, 'ndjson', VERSION));
    expect(lines.running).toBe(2);
    // when
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // then
    expect(lines.running).toBe(0);
    expect((await collect(lines.lines('contoso', 0, 10, 'ndjson', VERSION))).split('\n').length).toBe(11);
  });

  it('given a record damaged in the file, when a worker reads it, then the export fails naming the leaf', async () => {
    // given
    const other = mkdtempSync(join(tmpdir(), 'keyward-export-damaged-'));
    const damaged = new AuditLogFile(other);
    new AuditLogWriter(damaged).handle(history(400), () => undefined);
    damaged.db.prepare("UPDATE log_leaves SET record = replace(record, 'imap', 'pop3') WHERE id = (SELECT min(id) + 300 FROM log_leaves)").run();
    const lines = new ExportLines(damaged, workerScript, { dataDir: other }, 1);
    // when / then
    await expect(collect(lines.lines('contoso', 0, 320, 'ndjson', VERSION))).rejects.toThrow(/leaf 300 is not the one its tree holds/);
    await lines.close();
    damaged.close();
    rmSync(other, { recursive: true, force: true });
  });
});
