import { AdmissionGate, type Admission } from './admission';

const LIMITS = { concurrent: 2, queued: 2, perCaller: 3, maxWaitMs: 1_000 };
const released = (admission: Admission) => {
  if (!admission.admitted) throw new Error(`refused with ${admission.status}`);
  return admission;
};
/** Whether a promise has settled yet, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('the admission gate in front of GraphQL', () => {
  afterEach(() => jest.useRealTimers());

  it('given free places, when requests come, then they run at once; beyond them they wait their turn, first come first served', async () => {
    const gate = new AdmissionGate(LIMITS);
    const first = released(await gate.enter('a'));
    released(await gate.enter('b'));
    const third = gate.enter('c');
    const fourth = gate.enter('d');
    expect(await isSettled(third)).toBe(false);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    first.release();
    expect(await isSettled(third)).toBe(true);
    expect(await isSettled(fourth)).toBe(false);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
  });

  it('given a full queue, when one more comes, then it is refused at once with 503', async () => {
    const gate = new AdmissionGate(LIMITS);
    for (const caller of ['a', 'b']) await gate.enter(caller);
    void gate.enter('c');
    void gate.enter('d');
    expect(await gate.enter('e')).toEqual({ admitted: false, status: 503 });
  });

  it('given one caller holding its share, when it asks again, then 429; another caller still gets in', async () => {
    const gate = new AdmissionGate({ ...LIMITS, concurrent: 10 });
    for (let i = 0; i < 3; i++) released(await gate.enter('greedy'));
    expect(await gate.enter('greedy')).toEqual({ admitted: false, status: 429 });
    expect((await gate.enter('other')).admitted).toBe(true);
  });

  it('given a request that waited too long, when its time is up, then it is refused with 503 and its place in line is given up', async () => {
    jest.useFakeTimers();
    const gate = new AdmissionGate({ ...LIMITS, perCaller: 1 });
    for (const caller of ['a', 'b']) await gate.enter(caller);
    const late = gate.enter('c');
    jest.advanceTimersByTime(1_001);
    expect(await late).toEqual({ admitted: false, status: 503 });
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    // the caller's share came back: it may wait in line again rather than be refused with 429
    void gate.enter('c');
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
  });

  it('given a place released twice, when counted, then only once', async () => {
    const gate = new AdmissionGate(LIMITS);
    const admission = released(await gate.enter('a'));
    admission.release();
    admission.release();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
