import { lastUseAtOrBefore, timeKey, unpackedKeys, usesAtOrBefore } from './sign-in-times';

describe('sign-in times packed as text', () => {
  const instants = ['2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.500Z', '2026-12-03T17:30:00.000Z'];
  const times = instants.map((instant) => Date.parse(instant));
  const packed = times.map(timeKey).join('');
  const at = (epochMs: number) => timeKey(epochMs);

  it('keeps every time, to the millisecond, in 9 characters that sort as the times do', () => {
    expect(packed).toHaveLength(27);
    expect(unpackedKeys(packed).map((key) => parseInt(key, 36))).toEqual(times);
    expect([timeKey(999), timeKey(1000), timeKey(times[0])].sort()).toEqual([timeKey(999), timeKey(1000), timeKey(times[0])]);
  });

  it('answers how many uses and which last use stood at a moment', () => {
    expect([usesAtOrBefore(packed, at(times[0] - 1)), lastUseAtOrBefore(packed, at(times[0] - 1))]).toEqual([0, null]);
    expect([usesAtOrBefore(packed, at(times[0])), lastUseAtOrBefore(packed, at(times[0]))]).toEqual([1, instants[0]]);
    expect([usesAtOrBefore(packed, at(times[1] + 1)), lastUseAtOrBefore(packed, at(times[1] + 1))]).toEqual([2, instants[1]]);
    expect([usesAtOrBefore(packed, at(times[2] + 86_400_000)), lastUseAtOrBefore(packed, at(times[2] + 86_400_000))]).toEqual([3, instants[2]]);
    expect(usesAtOrBefore('', at(times[0]))).toBe(0);
  });

  it('counts two sign-ins in the same millisecond twice', () => {
    const twice = [times[0], times[0]].map(timeKey).join('');
    expect(usesAtOrBefore(twice, at(times[0]))).toBe(2);
  });
});
