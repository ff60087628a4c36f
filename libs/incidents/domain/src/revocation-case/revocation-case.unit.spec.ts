import { specFor } from '@keyward/shared/domain/testing';
import { caseControlDecider, MAX_CASE_SIZE, pendingTargets, revocationCaseDecider, suspendedTargets, TARGETS_PER_EVENT, type OpenCase, type RequestRevocationCase } from './revocation-case';
import type { RevocationCaseEvent, RevocationCaseRequested } from './revocation-case.events';

const spec = specFor(revocationCaseDecider);
const now = new Date('2026-12-01T09:00:00.000Z');
const ids = ['ap-1', 'ap-2', 'ap-3'];

const request = (overrides: Partial<RequestRevocationCase['data']> = {}): RequestRevocationCase => ({
  type: 'RequestRevocationCase',
  data: {
    caseId: 'case-1',
    tenantId: 't-1',
    action: 'REVOKE',
    isDryRun: false,
    reason: ' Leaked in a public repository ',
    incidentRef: ' INC-42 ',
    requestedBy: 'user:responder',
    now,
    filter: { usedFromAddress: '203.0.113.0/24' },
    match: { ids, recentlyUsed: 1, usersAffected: 2 },
    expectedMatched: 3,
    ...overrides,
  },
});

const requested: RevocationCaseRequested = {
  type: 'RevocationCaseRequested',
  data: {
    caseId: 'case-1',
    tenantId: 't-1',
    action: 'REVOKE',
    isDryRun: false,
    reason: 'Leaked in a public repository',
    incidentRef: 'INC-42',
    requestedBy: 'user:responder',
    requestedAt: now.toISOString(),
    filter: { usedFromAddress: '203.0.113.0/24' },
    matched: 3,
    recentlyUsed: 1,
    usersAffected: 2,
    sample: ids,
  },
};
const fixed: RevocationCaseEvent = { type: 'RevocationTargetsFixed', data: { caseId: 'case-1', appPasswordIds: ids } };
const outcomes = (...entries: [string, 'REVOKED' | 'SUSPENDED' | 'ALREADY_REVOKED' | 'FAILED'][]): RevocationCaseEvent => ({
  type: 'RevocationOutcomesRecorded',
  data: { caseId: 'case-1', outcomes: entries.map(([appPasswordId, outcome]) => ({ appPasswordId, outcome, userId: 'u-1' })) },
});
const stateAfter = (events: RevocationCaseEvent[]) => events.reduce(revocationCaseDecider.evolve, revocationCaseDecider.initialState()) as OpenCase;

describe('requesting a revocation case', () => {
  it('records the request, trimmed, and fixes the credential set it matched', () => {
    spec.given([]).when(request()).then([requested, fixed]);
  });

  it('splits a large credential set over several events, in order', () => {
    const many = Array.from({ length: TARGETS_PER_EVENT * 2 + 1 }, (_, i) => `ap-${String(i).padStart(6, '0')}`);
    const events = revocationCaseDecider.decide(request({ match: { ids: many, recentlyUsed: 0, usersAffected: 1 }, expectedMatched: many.length }), { status: 'none' });
    expect(events.map((event) => event.type)).toEqual(['RevocationCaseRequested', 'RevocationTargetsFixed', 'RevocationTargetsFixed', 'RevocationTargetsFixed']);
    expect(stateAfter(events).targets).toEqual(many);
  });

  it('records a dry run without a credential set, and it needs no reason yet', () => {
    spec
      .given([])
      .when(request({ isDryRun: true, reason: '', incidentRef: '', expectedMatched: null }))
      .then([{ ...requested, data: { ...requested.data, isDryRun: true, reason: '', incidentRef: '' } }]);
  });

  it('refuses a different match than the one previewed: nobody revokes more than they saw', () => {
    spec.given([]).when(request({ expectedMatched: 2 })).thenThrows('CONFLICT', /now matches 3 .* not the 2 expected/);
  });

  it('refuses a real run without a reason or an incident reference', () => {
    spec.given([]).when(request({ reason: '  ' })).thenThrows('BAD_USER_INPUT', /reason/);
    spec.given([]).when(request({ incidentRef: '' })).thenThrows('BAD_USER_INPUT', /incident reference/);
  });

  it('refuses a real run that matches nothing, and one larger than a case takes', () => {
    spec.given([]).when(request({ match: { ids: [], recentlyUsed: 0, usersAffected: 0 }, expectedMatched: null })).thenThrows('BAD_USER_INPUT', /nothing to revoke/);
    const huge = { length: MAX_CASE_SIZE + 1, slice: () => [] } as unknown as string[];
    spec.given([]).when(request({ match: { ids: huge, recentlyUsed: 0, usersAffected: 0 }, expectedMatched: null })).thenThrows('BAD_USER_INPUT', /at most/);
  });
});

describe('working through a case', () => {
  it('records only outcomes not recorded yet (a resumed runner repeats itself)', () => {
    spec
      .given([requested, fixed, outcomes(['ap-1', 'REVOKED'])])
      .when({ type: 'RecordOutcomes', data: { outcomes: [{ appPasswordId: 'ap-1', outcome: 'ALREADY_REVOKED', userId: 'u-1' }, { appPasswordId: 'ap-2', outcome: 'FAILED', userId: 'u-1', detail: 'store away' }] } })
      .then([{ type: 'RevocationOutcomesRecorded', data: { caseId: 'case-1', outcomes: [{ appPasswordId: 'ap-2', outcome: 'FAILED', userId: 'u-1', detail: 'store away' }] } }]);
  });

  it('knows which credentials still wait for their turn', () => {
    expect(pendingTargets(stateAfter([requested, fixed, outcomes(['ap-2', 'REVOKED'])]))).toEqual(['ap-1', 'ap-3']);
  });

  it('completes with the counts once every credential has an outcome, and not before', () => {
    spec.given([requested, fixed, outcomes(['ap-1', 'REVOKED'])]).when({ type: 'CompleteCase', data: {} }).thenNothingHappens();
    spec
      .given([requested, fixed, outcomes(['ap-1', 'REVOKED'], ['ap-2', 'ALREADY_REVOKED']), outcomes(['ap-3', 'FAILED'])])
      .when({ type: 'CompleteCase', data: {} })
      .then([{ type: 'RevocationCaseCompleted', data: { caseId: 'case-1', revoked: 1, alreadyRevoked: 1, failed: 1 } }]);
  });

  it('is cancelled while it runs, and still records what was done meanwhile', () => {
    const cancelled: RevocationCaseEvent = { type: 'RevocationCaseCancelled', data: { caseId: 'case-1', cancelledBy: 'user:responder' } };
    spec.given([requested, fixed]).when({ type: 'CancelCase', data: { cancelledBy: 'user:responder' } }).then([cancelled]);
    spec.given([requested, fixed, cancelled]).when({ type: 'CancelCase', data: { cancelledBy: 'user:other' } }).thenNothingHappens();
    spec
      .given([requested, fixed, cancelled])
      .when({ type: 'RecordOutcomes', data: { outcomes: [{ appPasswordId: 'ap-1', outcome: 'REVOKED', userId: 'u-1' }] } })
      .then([outcomes(['ap-1', 'REVOKED'])]);
    spec.given([requested, fixed, cancelled, outcomes(['ap-1', 'REVOKED'])]).when({ type: 'CompleteCase', data: {} }).thenNothingHappens();
  });

  it('is not cancelled by the runner once it has completed', () => {
    const done: RevocationCaseEvent = { type: 'RevocationCaseCompleted', data: { caseId: 'case-1', revoked: 3, alreadyRevoked: 0, failed: 0 } };
    spec.given([requested, fixed, outcomes(['ap-1', 'REVOKED'], ['ap-2', 'REVOKED'], ['ap-3', 'REVOKED']), done]).when({ type: 'CancelCase', data: { cancelledBy: 'user:r' } }).thenNothingHappens();
  });

  it('answers NOT_FOUND for a case that does not exist', () => {
    spec.given([]).when({ type: 'CancelCase', data: { cancelledBy: 'user:r' } }).thenThrows('NOT_FOUND');
  });
});

describe("asking a running case to stop (its control stream)", () => {
  const control = specFor(caseControlDecider);
  const asked = { type: 'CaseCancellationRequested' as const, data: { caseId: 'case-1', requestedBy: 'user:responder' } };

  it('records the request once: asking again, or asking a cancelled case, changes nothing', () => {
    control.given([]).when({ type: 'RequestCancellation', data: { caseId: 'case-1', requestedBy: 'user:responder', caseStatus: 'RUNNING' } }).then([asked]);
    control.given([asked]).when({ type: 'RequestCancellation', data: { caseId: 'case-1', requestedBy: 'user:other', caseStatus: 'RUNNING' } }).thenNothingHappens();
    control.given([]).when({ type: 'RequestCancellation', data: { caseId: 'case-1', requestedBy: 'user:r', caseStatus: 'CANCELLED' } }).thenNothingHappens();
  });

  it('refuses to cancel a completed case or a dry run', () => {
    control.given([]).when({ type: 'RequestCancellation', data: { caseId: 'case-1', requestedBy: 'user:r', caseStatus: 'COMPLETED' } }).thenThrows('CONFLICT', /completed/);
    control.given([]).when({ type: 'RequestCancellation', data: { caseId: 'case-1', requestedBy: 'user:r', caseStatus: 'DRY_RUN' } }).thenThrows('CONFLICT', /dry run/);
  });
});

describe('reinstating a suspension case', () => {
  const suspension: RevocationCaseRequested = { ...requested, data: { ...requested.data, action: 'SUSPEND' } };
  const completed: RevocationCaseEvent = { type: 'RevocationCaseCompleted', data: { caseId: 'case-1', revoked: 2, alreadyRevoked: 1, failed: 0 } };
  const suspended = outcomes(['ap-1', 'SUSPENDED'], ['ap-2', 'ALREADY_REVOKED'], ['ap-3', 'SUSPENDED']);

  it('asks for the suspensions to be lifted, once, and reinstates only what the case suspended', () => {
    spec
      .given([suspension, fixed, suspended, completed])
      .when({ type: 'RequestReinstatement', data: { reason: 'False alarm', requestedBy: 'user:responder' } })
      .then([{ type: 'CaseReinstatementRequested', data: { caseId: 'case-1', reason: 'False alarm', requestedBy: 'user:responder' } }]);
    expect(suspendedTargets(stateAfter([suspension, fixed, suspended, completed]))).toEqual(['ap-1', 'ap-3']);
    const asked: RevocationCaseEvent = { type: 'CaseReinstatementRequested', data: { caseId: 'case-1', reason: 'False alarm', requestedBy: 'user:responder' } };
    spec.given([suspension, fixed, suspended, completed, asked]).when({ type: 'RequestReinstatement', data: { reason: 'again', requestedBy: 'user:r' } }).thenThrows('CONFLICT', /already/);
  });

  it('refuses to reinstate a revocation case: revocation is final', () => {
    spec.given([requested, fixed, outcomes(['ap-1', 'REVOKED'], ['ap-2', 'REVOKED'], ['ap-3', 'REVOKED']), completed]).when({ type: 'RequestReinstatement', data: { reason: 'oops', requestedBy: 'user:r' } }).thenThrows('BAD_USER_INPUT', /final/);
  });

  it('refuses while the suspension still runs, and without a reason', () => {
    spec.given([suspension, fixed]).when({ type: 'RequestReinstatement', data: { reason: 'False alarm', requestedBy: 'user:r' } }).thenThrows('CONFLICT', /still running/);
    spec.given([suspension, fixed, suspended, completed]).when({ type: 'RequestReinstatement', data: { reason: ' ', requestedBy: 'user:r' } }).thenThrows('BAD_USER_INPUT', /reason/);
  });
});
