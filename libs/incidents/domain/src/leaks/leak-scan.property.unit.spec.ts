import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider } from '@keyward/shared/domain/testing';
import { leakScanDecider, type RecordLeakScan } from './leak-scan';

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

const { decideChecked } = checkedDecider(leakScanDecider);

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
