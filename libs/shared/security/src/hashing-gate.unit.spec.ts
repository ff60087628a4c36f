import { HashingGate, SHED } from './hashing-gate';

/** Work that ends when the test says so. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const order: string[] = [];
  return { done, finish, order };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the bound on argon2 work', () => {
  it('given free threads, when checks come, then they run at once; beyond, they wait', async () => {
    const gate = new HashingGate({ concurrent: 2, queued: { known: 10, unknown: 10 } });
    const blocker = deferred();
    const started: string[] = [];
    const work = (name: string) => async () => {
      started.push(name);
      await blocker.done;
      return name;
    };
    const runs = ['a', 'b', 'c'].map((name) => gate.run('known', work(name)));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(gate.load).toEqual({ running: 2, known: 1, unknown: 0 });
    blocker.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(gate.load).toEqual({ running: 0, known: 0, unknown: 0 });
  });

  it("given a queue of made-up names' dummy work, when a known credential's check comes, then it goes first", async () => {
    const gate = new HashingGate({ concurrent: 1, queued: { known: 10, unknown: 10 } });
    const blocker = deferred();
    const order: string[] = [];
    const record = (name: string) => async () => {
      order.push(name);
      await blocker.done;
    };
    const runs = [gate.run('unknown', record('busy')), gate.run('unknown', record('guess-1')), gate.run('unknown', record('guess-2')), gate.run('known', record('owner'))];
    await tick();
    blocker.finish();
    await Promise.all(runs);
    expect(order).toEqual(['busy', 'owner', 'guess-1', 'guess-2']);
  });

  it("given a full lane, when one more check comes, then it is shed at once, without running; the other lane still queues", async () => {
    const gate = new HashingGate({ concurrent: 1, queued: { known: 1, unknown: 2 } });
    const blocker = deferred();
    let ran = 0;
    const work = async () => {
      ran++;
      await blocker.done;
    };
    const runs = [gate.run('unknown', work), gate.run('unknown', work), gate.run('unknown', work)];
    expect(await gate.run('unknown', work)).toBe(SHED);
    const owner = gate.run('known', work);
    expect(gate.load).toEqual({ running: 1, known: 1, unknown: 2 });
    blocker.finish();
    await Promise.all([...runs, owner]);
    expect(ran).toBe(4);
  });

  it('given work that fails, when it ends, then its thread goes to the next check', async () => {
    const gate = new HashingGate({ concurrent: 1, queued: { known: 1, unknown: 1 } });
    const failing = gate.run('known', async () => {
      throw new Error('argon2 failed');
    });
    const after = gate.run('known', async () => 'ran');
    await expect(failing).rejects.toThrow('argon2 failed');
    expect(await after).toBe('ran');
    expect(gate.load).toEqual({ running: 0, known: 0, unknown: 0 });
  });

  it("given dummy work on every thread it may have, when a known credential's check comes, then it starts at once on the thread kept for it", async () => {
    // given
    const gate = new HashingGate({ concurrent: 3, queued: { known: 10, unknown: 10 } });
    const blocker = deferred();
    const started: string[] = [];
    const work = (name: string) => async () => {
      started.push(name);
      await blocker.done;
    };
    const guesses = ['guess-1', 'guess-2', 'guess-3'].map((name) => gate.run('unknown', work(name)));
    await tick();
    expect(started).toEqual(['guess-1', 'guess-2']);
    // when
    const owner = gate.run('known', work('owner'));
    await tick();
    // then
    expect(started).toEqual(['guess-1', 'guess-2', 'owner']);
    expect(gate.load).toEqual({ running: 3, known: 0, unknown: 1 });
    blocker.finish();
    await Promise.all([...guesses, owner]);
    expect(gate.load).toEqual({ running: 0, known: 0, unknown: 0 });
  });
});
