import { TestBed } from '@angular/core/testing';
import { caseOf, IncidentsApiDouble } from './testing/incidents-api.double';
import { BulkRevocationStore } from './bulk-revocation.store';
import { IncidentsApi } from './incidents.api';
import { CASE_POLL_MS, RevocationCaseStore } from './revocation-case.store';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storeWith(api: IncidentsApiDouble): BulkRevocationStore {
  TestBed.configureTestingModule({ providers: [BulkRevocationStore, RevocationCaseStore, { provide: IncidentsApi, useValue: api }, { provide: CASE_POLL_MS, useValue: 1 }] });
  return TestBed.inject(BulkRevocationStore);
}

describe('revoking app passwords by their ids as one case', () => {
  it('sends the ids with their count as expectedMatched and the trimmed words, then follows the case', async () => {
    const api = new IncidentsApiDouble();
    api.matched = 2;
    api.script = [caseOf({ matched: 2 }), caseOf({ matched: 2, revoked: 2, status: 'COMPLETED' })];
    const store = storeWith(api);
    store.open({ ids: ['k1', 'k2'], origin: 'proven', reason: 'Leaked: found by scan s-1' });
    expect(store.state()).toEqual({ target: { ids: ['k1', 'k2'], origin: 'proven', reason: 'Leaked: found by scan s-1' }, revocationCase: null, isBusy: false, error: '', stillActive: null });

    expect(await store.revoke({ reason: ' Leaked: found by scan s-1 ', incidentRef: ' INC-9 ' })).toMatchObject({ id: 'case-1' });
    expect(api.sent).toEqual([{ call: 'start', request: { action: 'REVOKE', filter: { ids: ['k1', 'k2'] }, reason: 'Leaked: found by scan s-1', incidentRef: 'INC-9' }, expectedMatched: 2 }]);
    await pause(20);
    expect(store.state().revocationCase?.status).toBe('COMPLETED');
  });

  it('says how many are still active when the server counts fewer, and starts nothing', async () => {
    const api = new IncidentsApiDouble();
    api.matched = 1;
    const store = storeWith(api);
    store.open({ ids: ['k1', 'k2'], origin: 'proven', reason: '' });
    expect(await store.revoke({ reason: 'r', incidentRef: 'INC-9' })).toBeNull();
    expect(store.state()).toMatchObject({ revocationCase: null, stillActive: 1 });
  });

  it('starts blank when opened again, and stops following a case once closed', async () => {
    const api = new IncidentsApiDouble();
    const store = storeWith(api);
    store.open({ ids: ['k1', 'k2', 'k3'], origin: 'selected', reason: '' });
    await store.revoke({ reason: 'r', incidentRef: 'INC-9' });
    store.close();
    expect(store.state().target).toBeNull();
    const reads = api.reads;
    await pause(20);
    expect(api.reads).toBe(reads);

    store.open({ ids: ['k4'], origin: 'selected', reason: '' });
    expect(store.state()).toMatchObject({ target: { ids: ['k4'] }, revocationCase: null, error: '' });
  });
});
