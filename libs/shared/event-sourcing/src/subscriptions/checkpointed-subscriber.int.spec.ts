import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CheckpointedSubscriber, type FailurePolicy, type SubscriberLogger } from './checkpointed-subscriber';
import { DeadLetters } from './dead-letters';
import { ProjectionRunner } from './projection-runner';
import { reactionHandler, type Reaction } from './reaction';

const FAST: FailurePolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40 };

/** A reaction that records what it handled and fails as long as `failuresLeft` says so. */
class RecordingReaction implements Reaction {
  readonly name = 'recording';
  readonly filter = { streamPrefixes: ['thing-'] };
  readonly handled: string[] = [];
  attempts = 0;
  constructor(public failuresLeft: (event: RecordedEvent) => number) {}

  async react(event: RecordedEvent): Promise<void> {
    this.attempts++;
    if (this.failuresLeft(event) > 0) throw new Error(`cannot handle ${(event.data as { n: number }).n} yet`);
    this.handled.push((event.data as { n: number }).n.toString());
  }
}

// A real SQLite store and read-model file; the reactions are ours, to fail on purpose.
describe('a checkpointed subscriber', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let deadLetters: DeadLetters;
  const errors: string[] = [];
  const log: SubscriberLogger = { error: (message) => errors.push(message), warn: () => undefined };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-subscriber-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    db = openReadModelDatabase(dir);
    deadLetters = new DeadLetters(db);
    errors.length = 0;
  });
  afterEach(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (...numbers: number[]) => {
    for (const n of numbers) {
      await store.appendToStream(`thing-${n}`, [
        { id: randomUUID(), type: 'ThingHappened', data: { n }, metadata: { tenantId: 't-1', actor: 'system:test', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: 'c' } },
      ]);
    }
  };
  const subscriberFor = (reaction: Reaction, failures = FAST) => new CheckpointedSubscriber(reactionHandler(reaction), store, db, deadLetters, log, { failures });

  it('given a reaction whose first three attempts fail, when the event arrives, then it is handled once, in order, with nothing parked', async () => {
    let failures = 3;
    const reaction = new RecordingReaction((event) => ((event.data as { n: number }).n === 1 ? failures-- : 0));
    const subscriber = subscriberFor(reaction);
    await subscriber.start();
    await append(1, 2);
    await subscriber.settled();
    await subscriber.stop();
    expect(reaction.handled).toEqual(['1', '2']);
    expect(reaction.attempts).toBe(5);
    expect(deadLetters.count()).toBe(0);
    expect(subscriber.currentFailure).toBeNull();
  });

  it('given a reaction that fails twice, when the node restarts between attempts, then the next node resumes the count and handles it', async () => {
    let failures = 2;
    const first = new RecordingReaction(() => failures--);
    const before = subscriberFor(first, { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    await before.start();
    await append(7);
    while (first.attempts < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await before.stop(); // stopped while waiting a minute for the second attempt
    expect(first.handled).toEqual([]);
    expect(db.prepare('SELECT attempts FROM subscriber_failures WHERE subscriber = ?').get('recording')).toEqual({ attempts: 1 });

    const second = new RecordingReaction(() => failures--);
    const after = subscriberFor(second);
    await after.start();
    await after.settled();
    await after.stop();
    expect(second.handled).toEqual(['7']);
    expect(second.attempts).toBe(2);
    expect(deadLetters.count()).toBe(0);
  });

  it('given an event that always fails, when the attempts run out, then it is parked, logged as an error, and the events after it go through', async () => {
    const reaction = new RecordingReaction((event) => ((event.data as { n: number }).n === 2 ? 1 : 0));
    const subscriber = subscriberFor(reaction);
    await subscriber.start();
    await append(1, 2, 3);
    await subscriber.settled();
    expect(reaction.handled).toEqual(['1', '3']);
    const [parked] = deadLetters.list('t-1');
    expect(parked).toMatchObject({ subscriber: 'recording', streamId: 'thing-2', type: 'ThingHappened', attempts: 4 });
    expect(parked.lastError).toMatch(/cannot handle 2 yet/);
    expect(errors).toEqual([expect.stringMatching(/parked an event as a dead letter after 4 failed attempts/)]);

    reaction.failuresLeft = () => 0;
    await subscriber.retryParked(parked.id);
    await subscriber.stop();
    expect(reaction.handled).toEqual(['1', '3', '2']);
    expect(deadLetters.count()).toBe(0);
  });

  it('given a projection batch with one poisoned event, when it is applied, then the others land and only the poisoned one is parked', async () => {
    const projection: Projection = {
      name: 'things',
      filter: { streamPrefixes: ['thing-'] },
      migrate: (database) => database.exec('CREATE TABLE IF NOT EXISTS things (n INTEGER PRIMARY KEY)'),
      reset: (database) => database.exec('DELETE FROM things'),
      apply: (database, event) => {
        const { n } = event.data as { n: number };
        if (n === 13) throw new Error('unlucky');
        database.prepare('INSERT OR IGNORE INTO things VALUES (?)').run(n);
      },
    };
    await append(11, 12, 13, 14);
    const runner = new ProjectionRunner(projection, store, db, deadLetters, log, { failures: FAST });
    await runner.start();
    await runner.stop();
    expect(db.prepare('SELECT n FROM things ORDER BY n').all()).toEqual([{ n: 11 }, { n: 12 }, { n: 14 }]);
    expect(deadLetters.list().map((letter) => letter.streamId)).toEqual(['thing-13']);
  });
});
