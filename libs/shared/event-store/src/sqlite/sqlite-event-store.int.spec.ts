import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

function temporaryFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-es-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeEventStoreContract('embedded SQLite (a real file)', async () => {
  const { file, remove } = temporaryFile();
  const store = new SqliteEventStore(file, { pollIntervalMs: 50 });
  return {
    store,
    dispose: async () => {
      await store.close();
      remove();
    },
  };
});

describe('SqliteEventStore on disk', () => {
  it('keeps every acknowledged append when the writing process is killed with SIGKILL', async () => {
    const { file, remove } = temporaryFile();
    const writer = join(__dirname, 'append-until-killed.fixture.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', writer, file], {
      env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../../../../tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 200 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    const reopened = new SqliteEventStore(file);
    const stored = new Set((await reopened.readStream('durability-1')).map((e) => e.id));
    await reopened.close();
    remove();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 60_000);

  it('reads events back after the store is closed and opened again', async () => {
    const { file, remove } = temporaryFile();
    const first = new SqliteEventStore(file);
    await first.appendToStream('s-1', [
      {
        id: 'e-1',
        type: 'A',
        data: { x: 1 },
        metadata: {
          tenantId: 't',
          actor: 'system:test',
          occurredAt: '2026-01-01T00:00:00.000Z',
          correlationId: 'c',
          causationId: 'c',
        },
      },
    ]);
    await first.close();
    const second = new SqliteEventStore(file);
    expect((await second.readStream('s-1')).map((e) => e.data)).toEqual([{ x: 1 }]);
    await second.close();
    remove();
  });
});
