import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';
import { ReactionMemory } from './reaction-memory';

// A real read-model file: what a batch changes is there only once written, and rolls back with its transaction.
describe('a reaction’s memory', () => {
  let dir: string;
  let db: ReadModelDatabase;
  let memory: ReactionMemory;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-memory-'));
    db = openReadModelDatabase(dir);
    memory = new ReactionMemory(db, 'detector');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a batch its own changes at once, and others only once written', () => {
    const batch = memory.begin();
    batch.set('a', { n: 1 }, null);
    expect(batch.get('a')).toEqual({ value: { n: 1 }, expiresAt: null });
    expect(memory.begin().get('a')).toBeUndefined();
    batch.write();
    expect(memory.begin().get('a')).toEqual({ value: { n: 1 }, expiresAt: null });
    expect(memory.size()).toBe(1);
  });

  it('loses a batch’s changes when its transaction rolls back (the checkpoint did not move either)', () => {
    const first = memory.begin();
    first.set('a', 1, null);
    first.write();
    const batch = memory.begin();
    batch.set('a', 2, null);
    batch.delete('a');
    batch.set('b', 3, null);
    expect(() =>
      db.transaction(() => {
        batch.write();
        throw new Error('crash before the checkpoint');
      })(),
    ).toThrow('crash');
    const after = memory.begin();
    expect([after.get('a')?.value, after.get('b')]).toEqual([1, undefined]);
  });

  it('deletes, and drops what expired before a time, keeping what has no expiry', () => {
    const batch = memory.begin();
    batch.set('old', 'x', 1_000);
    batch.set('young', 'y', 5_000);
    batch.set('kept', 'z', null);
    batch.set('gone', 'w', null);
    batch.delete('gone');
    batch.write();
    expect(memory.begin().expire(2_000)).toBe(1);
    const after = memory.begin();
    expect(['old', 'young', 'kept', 'gone'].map((key) => after.get(key))).toEqual([undefined, { value: 'y', expiresAt: 5_000 }, { value: 'z', expiresAt: null }, undefined]);
  });

  it('keeps each owner’s entries apart, and forgets them all on clear', () => {
    const other = new ReactionMemory(db, 'other');
    const batch = memory.begin();
    batch.set('a', 1, null);
    batch.write();
    expect(other.begin().get('a')).toBeUndefined();
    memory.clear();
    expect(memory.size()).toBe(0);
  });
});
