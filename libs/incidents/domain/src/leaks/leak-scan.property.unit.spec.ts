import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { DomainError } from '@keyward/shared/domain';
import { leakScanDecider, type LeakScan, type RecordLeakScan } from './leak-scan';
import type { LeakScanEvent } from './leak-scan.events';

const record = fc
  .record({
    scanId: fc.constantFrom('scan-1', 'scan-2'),
    tenantId: fc.constant('t-1'),
    scannedBy: fc.constant('user:rita'),
    source: fc.constantFrom('PASTE' as const, 'UPLOAD' as const),
    now: fc.date({ min: new Date('2026-01-01T00:00:00.000Z'), max: new Date('2030-01-01T00:00:00.000Z'), noInvalidDate: true }),
    findings: fc.array(fc.record({ appPasswordId: fc.constantFrom('ap-1', 'ap-2', 'ap-3', 'ap-4'), isProven: fc.boolean() }), { maxLength: 6 }),
    extra: fc.oneof({ arbitrary: fc.nat(5), weight: 4 }, fc.integer({ min: -8, max: -1 }), fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY)),
  })
  .map(({ extra, ...data }): RecordLeakScan => ({ type: 'RecordLeakScan', data: { ...data, candidates: data.findings.length + extra } }));

/** A deep copy made in the test's own realm (structuredClone's come from another one under jest, which isDeepStrictEqual tells apart). */
function copyOf<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value !== null && typeof value === 'object') {
    // Same prototype as the original: fast-check's records sometimes have none.
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(copy, key, { value: copyOf(inner), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return value;
}

/** Decides: events, or the DomainError it refused with; any other exception, a change to its input, or another answer the second time fails the test. */
function decideChecked(command: RecordLeakScan, state: LeakScan): LeakScanEvent[] | DomainError {
  const [stateBefore, commandBefore] = [copyOf(state), copyOf(command)];
  Object.freeze(state);
  for (const finding of command.data.findings) Object.freeze(finding);
  Object.freeze(command.data.findings);
  const attempt = () => {
    try {
      return leakScanDecider.decide(command, state);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw new Error(`${command.type} threw ${String(error)}, not a DomainError`);
    }
  };
  const [outcome, again] = [attempt(), attempt()];
  const answer = (o: typeof outcome) => (o instanceof DomainError ? { refused: o.code, message: o.message } : o);
  if (!isDeepStrictEqual(state, stateBefore)) expect(state).toStrictEqual(stateBefore);
  if (!isDeepStrictEqual(command, commandBefore)) expect(command).toStrictEqual(commandBefore);
  if (!isDeepStrictEqual(answer(again), answer(outcome))) expect(answer(again)).toStrictEqual(answer(outcome));
  return outcome;
}

describe('leak scans, over random scans', () => {
  it('for any sequence of scans recorded on one stream, the first valid one is recorded and every later one is CONFLICT; nothing but a DomainError is ever thrown', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), (sequence) => {
        let state = leakScanDecider.initialState();
        let recorded = 0;
        for (const command of sequence) {
          const outcome = decideChecked(command, state);
          if (state.status === 'recorded') expect(outcome).toEqual(expect.objectContaining({ code: 'CONFLICT' }));
          if (outcome instanceof DomainError) continue;
          recorded += outcome.length;
          state = outcome.reduce(leakScanDecider.evolve, state);
          expect(state).toEqual({ status: 'recorded', scanId: command.data.scanId, tenantId: command.data.tenantId });
        }
        expect(recorded).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('for any scan that is recorded, the candidates are a whole number no smaller than the matches, the proven credentials are among the matched ones, in the order found, and nothing but counts, ids and who, when, how is kept', () => {
    fc.assert(
      fc.property(record, (command) => {
        const outcome = decideChecked(command, leakScanDecider.initialState());
        const { candidates, findings } = command.data;
        const isValid = Number.isInteger(candidates) && candidates >= findings.length;
        if (outcome instanceof DomainError) return expect([outcome.code, isValid]).toEqual(['BAD_USER_INPUT', false]);
        expect(isValid).toBe(true);
        const [{ data }] = outcome;
        expect(Object.keys(data).sort()).toEqual(['candidates', 'matchedIds', 'provenIds', 'scanId', 'scannedAt', 'scannedBy', 'source', 'tenantId']);
        expect(data.matchedIds).toEqual(findings.map((finding) => finding.appPasswordId));
        expect(data.provenIds).toEqual(findings.filter((finding) => finding.isProven).map((finding) => finding.appPasswordId));
        expect(data.matchedIds.length).toBeLessThanOrEqual(data.candidates);
        expect(data.scannedAt).toBe(command.data.now.toISOString());
      }),
      { numRuns: 300 },
    );
  });
});
