import { TestBed } from '@angular/core/testing';
import { caseOf, IncidentsApiDouble, outcomeOf } from './testing/incidents-api.double';
import { IncidentsApi } from './incidents.api';
import { CASE_POLL_MS, RevocationCaseStore } from './revocation-case.store';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storeWith(api: IncidentsApiDouble): RevocationCaseStore {
  TestBed.configureTestingModule({ providers: [RevocationCaseStore, { provide: IncidentsApi, useValue: api }, { provide: CASE_POLL_MS, useValue: 1 }] });
  return TestBed.inject(RevocationCaseStore);
}

describe('following one revocation case', () => {
  it('reads a running case again until it ends, then stops, its outcomes read once more at the end', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf(), caseOf({ revoked: 1 }), caseOf({ revoked: 3, status: 'COMPLETED' })];
    api.outcomeRows = [outcomeOf('k1', 'REVOKED'), outcomeOf('k2', 'REVOKED'), outcomeOf('k3', 'REVOKED')];
    const store = storeWith(api);
    await store.follow('case-1');
    await pause(50);
    expect(store.current()?.status).toBe('COMPLETED');
    expect(store.progress()).toEqual({ done: 3, total: 3, percent: 100 });
    expect(store.outcomes.rows()).toHaveLength(3);
    const reads = api.reads;
    await pause(20);
    expect(api.reads).toBe(reads);
  });

  it('stops reading once whatever provided it is destroyed', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf()];
    const store = storeWith(api);
    await store.follow('case-1');
    // Polls every millisecond; on a busy machine three take longer than a fixed wait.
    for (let waited = 0; api.reads < 3 && waited < 1000; waited += 5) await pause(5);
    expect(api.reads).toBeGreaterThan(2);
    TestBed.resetTestingModule();
    const reads = api.reads;
    await pause(20);
    expect(api.reads).toBeLessThanOrEqual(reads + 1);
    expect(store.current()?.status).toBe('RUNNING');
  });

  it('never lets a poll answer sent before a cancel undo what the cancel shows', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf()];
    const store = storeWith(api);
    await store.follow('case-1');
    expect(await store.cancel()).toBe(true);
    await pause(20);
    expect(store.current()?.status).toBe('CANCELLED');
  });

  it('says what the server refused, and keeps no case when a start is refused', async () => {
    const api = new IncidentsApiDouble();
    api.matched = 4;
    const store = storeWith(api);
    expect(await store.start({ action: 'REVOKE', filter: { ids: ['a', 'b', 'c'] }, reason: 'r', incidentRef: 'INC-1' }, 3)).toBeNull();
    expect(store.conflictMatched()).toBe(4);
    expect(store.actionError()).toBe('The match changed to 4: preview again before confirming.');
    expect(store.current()).toBeNull();
  });
});
