import { specFor } from '@keyward/shared/domain/testing';
import { leakScanDecider, type RecordLeakScan } from './leak-scan';
import type { LeakScanPerformed } from './leak-scan.events';

const spec = specFor(leakScanDecider);
const now = new Date('2026-12-06T10:00:00Z');
const record = (overrides: Partial<RecordLeakScan['data']> = {}): RecordLeakScan => ({
  type: 'RecordLeakScan',
  data: {
    scanId: 'scan-1',
    tenantId: 't-1',
    scannedBy: 'user:rita',
    source: 'PASTE',
    now,
    candidates: 3,
    findings: [
      { appPasswordId: 'ap-1', isProven: true },
      { appPasswordId: 'ap-2', isProven: false },
    ],
    ...overrides,
  },
});
const performed: LeakScanPerformed = {
  type: 'LeakScanPerformed',
  data: { scanId: 'scan-1', tenantId: 't-1', scannedBy: 'user:rita', scannedAt: now.toISOString(), source: 'PASTE', candidates: 3, matchedIds: ['ap-1', 'ap-2'], provenIds: ['ap-1'] },
};

describe('a leak scan', () => {
  it('given no scan yet, when one is recorded, then it names the matched and proven credentials by id', () => {
    spec.given([]).when(record()).then([performed]);
  });

  it('given a scan that found nothing, when recorded, then it is recorded all the same', () => {
    spec
      .given([])
      .when(record({ candidates: 0, findings: [], source: 'UPLOAD' }))
      .then([{ type: 'LeakScanPerformed', data: { ...performed.data, source: 'UPLOAD', candidates: 0, matchedIds: [], provenIds: [] } }]);
  });

  it('given a recorded scan, when it is recorded again, then it is CONFLICT', () => {
    spec.given([performed]).when(record()).thenThrows('CONFLICT');
  });

  it('given more matches than candidates, when recorded, then it is refused', () => {
    spec.given([]).when(record({ candidates: 1 })).thenThrows('BAD_USER_INPUT');
  });

  it('never carries a secret or text: only counts and ids', () => {
    expect(Object.keys(performed.data).sort()).toEqual(['candidates', 'matchedIds', 'provenIds', 'scanId', 'scannedAt', 'scannedBy', 'source', 'tenantId']);
  });
});
