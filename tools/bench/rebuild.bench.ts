import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EVENTS_FILE } from '@keyward/shared/event-store';
import { MAIN, NODE_FLAGS, ROOT } from '@keyward/e2e/support';
import { writeInventoryData, type InventoryDataSize } from './inventory-data';

export interface RebuildFigures {
  events: number;
  /** Events per second read and parsed raw (better-sqlite3, JSON.parse of data and metadata). */
  rawPerSecond: number[];
  /** Events per second through `rebuild-read-models` (every read model from zero). */
  rebuildPerSecond: number[];
  /** The command's wall time, process start included, in seconds. */
  rebuildWallSeconds: number[];
  byProjection: Record<string, number>;
}

/**
 * Rebuilding every read model from zero (`node dist/apps/api/main.js rebuild-read-models`, the
 * real command) against reading and parsing the same events raw, in alternating rounds on the
 * same store. `--data-dir DIR` keeps the generated store for later runs.
 */
export async function benchRebuild(size: InventoryDataSize, rounds: number, keptDataDir: string | null): Promise<RebuildFigures> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'keyward-bench-rebuild-'));
  mkdirSync(dataDir, { recursive: true });
  try {
    if (!existsSync(join(dataDir, EVENTS_FILE))) await writeInventoryData(dataDir, 'big.example', size);
    const figures: RebuildFigures = { events: 0, rawPerSecond: [], rebuildPerSecond: [], rebuildWallSeconds: [], byProjection: {} };
    for (let round = 0; round < rounds; round++) {
      const raw = readRaw(join(dataDir, EVENTS_FILE));
      figures.events = raw.events;
      figures.rawPerSecond.push(raw.events / raw.seconds);
      // A fresh read-model file each round: the rebuild starts from nothing, as a new node would.
      rmSync(join(dataDir, 'read-models.sqlite'), { force: true });
      rmSync(join(dataDir, 'read-models.sqlite-wal'), { force: true });
      rmSync(join(dataDir, 'read-models.sqlite-shm'), { force: true });
      const started = performance.now();
      const output = execFileSync(process.execPath, [...NODE_FLAGS, MAIN, 'rebuild-read-models'], { cwd: ROOT, env: { ...process.env, KEYWARD_DATA_DIR: dataDir }, encoding: 'utf8' });
      figures.rebuildWallSeconds.push((performance.now() - started) / 1000);
      const match = /Rebuilt \d+ read models from (\d+) events in (\d+) ms \(applying: (.*)\)/.exec(output);
      if (!match || Number(match[1]) !== raw.events) throw new Error(`Unexpected output of rebuild-read-models:\n${output}`);
      for (const [, name, ms] of match[3].matchAll(/(\S+) (\d+) ms/g)) figures.byProjection[name] = Number(ms);
      figures.rebuildPerSecond.push(raw.events / (Number(match[2]) / 1000));
    }
    return figures;
  } finally {
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every event in log order, its data and metadata parsed: the least any rebuild must do. */
function readRaw(file: string): { events: number; seconds: number } {
  const db = new Database(file, { readonly: true });
  const started = performance.now();
  let events = 0;
  let checksum = 0;
  for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as { occurredAt: string };
    checksum += Object.keys(data).length + metadata.occurredAt.length;
    events++;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  if (checksum === 0 && events > 0) throw new Error('nothing was parsed');
  return { events, seconds };
}
