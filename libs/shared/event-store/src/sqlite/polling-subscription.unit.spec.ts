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

describe('a polling subscription after a busy round', () => {
  // A store whose events all match; `append` adds one and tells the subscription, as an append in this process does.
  function store(initial: number) {
    let count = initial;
    let notify = () => undefined as void;
    const handled: number[] = [];
    const subscription = new PollingSubscription({
      batchSize: 1000,
      pollIntervalMs: 60_000,
      coalesceMs: 10,
      busyCoalesceMs: 1000,
      onAppended: (listener) => ((notify = listener), () => undefined),
      head: () => (count === 0 ? undefined : (String(count) as Position)),
      read: (after, max, upTo) => {
        const from = after === undefined ? 0 : Number(after);
        const to = Math.min(Number(upTo ?? 0), from + max);
        return Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ position: String(from + i + 1), type: 'E' }) as unknown as RecordedEvent);
      },
      handler: (batch) => void handled.push(...batch.map((event) => Number(event.position))),
    });
    return { subscription, handled, append: () => (count++, notify()) };
  }

  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('given 600 events just handled, when one more is appended, then it is held back the busy time, not the usual 10 ms', async () => {
    const { subscription, handled, append } = store(600);
    await subscription.caughtUp;
    expect(handled).toHaveLength(600);

    append();
    await jest.advanceTimersByTimeAsync(500);
    expect(handled).toHaveLength(600);
    await jest.advanceTimersByTimeAsync(600);
    expect(handled).toHaveLength(601);

    // That round was quiet (one event): the next append waits only the usual 10 ms.
    append();
    await jest.advanceTimersByTimeAsync(20);
    expect(handled).toHaveLength(602);
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopping;
  });

  it('given a busy hold-back, when someone waits for the subscription to settle, then it reads at once', async () => {
    const { subscription, handled, append } = store(600);
    await subscription.caughtUp;
    append();
    await jest.advanceTimersByTimeAsync(50);

    const settled = subscription.settled();
    await jest.advanceTimersByTimeAsync(1);
    await settled;

    expect(handled).toHaveLength(601);
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopping;
  });
});
