import type { Position, RecordedEvent } from '../event-store';
import { PollingSubscription } from './polling-subscription';

// A log of 10 events in which only every fifth matches; the subscription reads it through these functions.
const log = Array.from({ length: 10 }, (_, i) => ({ position: String(i + 1) as Position, matches: i % 5 === 0 }));
const asEvent = (entry: (typeof log)[number]) => ({ position: entry.position, type: 'Rare' }) as unknown as RecordedEvent;

describe('a polling subscription to rare events', () => {
  it('given a short read, when it reads again, then it starts at the head it had seen, not at the last match', async () => {
    const reads: (string | undefined)[] = [];
    let visible = 10;
    const handled: string[] = [];
    const subscription = new PollingSubscription({
      batchSize: 100,
      pollIntervalMs: 5,
      coalesceMs: 0,
      onAppended: () => () => undefined,
      head: () => String(visible) as Position,
      read: (after, count, upTo) => {
        reads.push(after);
        const from = after === undefined ? 0 : Number(after);
        return log.filter((entry) => Number(entry.position) > from && Number(entry.position) <= Number(upTo) && entry.matches).slice(0, count).map(asEvent);
      },
      handler: (batch) => void handled.push(...batch.map((event) => event.position)),
    });
    await subscription.caughtUp;
    visible = 10;
    await subscription.settled();
    await subscription.stop();
    expect(handled).toEqual(['1', '6']);
    // The first read starts at the beginning; every later one after the head (10), never after 6 again.
    expect(reads[0]).toBeUndefined();
    expect(reads.slice(1).every((after) => after === '10')).toBe(true);
  });
});
