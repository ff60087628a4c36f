import { assertUnreachable, badInput, conflict, notFound, requireLine } from '@keyward/shared/domain';
import { requireRevocationReason } from '@keyward/app-passwords/domain';
import type { CaseAction, CaseCancellationRequested, CaseOutcome, RecordedOutcome, RevocationCaseEvent } from './revocation-case.events';

export type CaseStatus = 'DRY_RUN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

export interface OpenCase {
  status: CaseStatus;
  caseId: string;
  tenantId: string;
  action: CaseAction;
  reason: string;
  incidentRef: string;
  requestedBy: string;
  matched: number;
  /** The credential set, fixed at the request, in order. */
  targets: string[];
  /** Each credential's outcome once it had its turn. */
  outcomes: Map<string, CaseOutcome>;
  reinstatement: 'none' | 'requested' | 'done';
}
export type RevocationCase = { status: 'none' } | OpenCase;

/** The credentials a filter matched when the case was asked for. */
export interface CaseMatch {
  readonly ids: readonly string[];
  readonly recentlyUsed: number;
  readonly usersAffected: number;
}

export type RequestRevocationCase = {
  type: 'RequestRevocationCase';
  data: {
    caseId: string;
    tenantId: string;
    action: CaseAction;
    isDryRun: boolean;
    reason: string;
    incidentRef: string;
    requestedBy: string;
    now: Date;
    filter: Record<string, unknown>;
    match: CaseMatch;
    /** The count the responder saw in the preview; another count now is CONFLICT. */
    expectedMatched?: number | null;
  };
};
export type RecordOutcomes = { type: 'RecordOutcomes'; data: { outcomes: readonly RecordedOutcome[] } };
export type CompleteCase = { type: 'CompleteCase'; data: Record<string, never> };
export type CancelCase = { type: 'CancelCase'; data: { cancelledBy: string } };
export type RequestReinstatement = { type: 'RequestReinstatement'; data: { reason: string; requestedBy: string } };
export type CompleteReinstatement = { type: 'CompleteReinstatement'; data: { reinstated: number } };
export type RevocationCaseCommand = RequestRevocationCase | RecordOutcomes | CompleteCase | CancelCase | RequestReinstatement | CompleteReinstatement;

/** The most credentials one case takes on; a larger incident is split by its filter. */
export const MAX_CASE_SIZE = 500_000;
/** Credentials per RevocationTargetsFixed event: each event stays well under a store's append limit. */
export const TARGETS_PER_EVENT = 5_000;
const SAMPLE_SIZE = 10;

/**
 * A revocation case: one request, the credential set fixed at that moment, one outcome per
 * credential, then completion (or cancellation). The runner works through the targets; this
 * decides what may be recorded. The outcome set grows in place as events are folded: a state is
 * never used again once an event has been folded into it.
 */
export const revocationCaseDecider = {
  initialState: (): RevocationCase => ({ status: 'none' }),

  decide(command: RevocationCaseCommand, state: RevocationCase): RevocationCaseEvent[] {
    switch (command.type) {
      case 'RequestRevocationCase':
        if (state.status !== 'none') throw conflict('This case exists already.');
        return request(command.data);
      case 'RecordOutcomes': {
        const existing = requireCase(state);
        // Outcomes are recorded even after a cancellation: what was done while it came in stays recorded.
        if (existing.status === 'DRY_RUN' || existing.status === 'COMPLETED') return [];
        // Only a target's first outcome counts: an outcome for anything else would let the case complete early.
        const fresh = command.data.outcomes.filter(({ appPasswordId }) => isTarget(existing, appPasswordId) && !existing.outcomes.has(appPasswordId));
        return fresh.length === 0 ? [] : [{ type: 'RevocationOutcomesRecorded', data: { caseId: existing.caseId, outcomes: fresh } }];
      }
      case 'CompleteCase': {
        const existing = requireCase(state);
        if (existing.status !== 'RUNNING' || existing.outcomes.size < existing.targets.length) return [];
        return [{ type: 'RevocationCaseCompleted', data: { caseId: existing.caseId, ...countsOf(existing) } }];
      }
      case 'CancelCase': {
        // The runner's, on a cancellation request: a case that completed meanwhile stays completed.
        const existing = requireCase(state);
        if (existing.status !== 'RUNNING') return [];
        return [{ type: 'RevocationCaseCancelled', data: { caseId: existing.caseId, cancelledBy: command.data.cancelledBy } }];
      }
      case 'RequestReinstatement': {
        const existing = requireCase(state);
        const reason = requireRevocationReason(command.data.reason);
        if (existing.action !== 'SUSPEND') throw badInput('Only a suspension case can be reinstated: a revocation is final.');
        if (existing.status === 'DRY_RUN') throw badInput('A dry run suspended nothing.');
        if (existing.status === 'RUNNING') throw conflict('The case is still running: cancel it or wait for it to complete.');
        if (existing.reinstatement !== 'none') throw conflict('This case has been reinstated already.');
        return [{ type: 'CaseReinstatementRequested', data: { caseId: existing.caseId, reason, requestedBy: command.data.requestedBy } }];
      }
      case 'CompleteReinstatement': {
        const existing = requireCase(state);
        if (existing.reinstatement !== 'requested') return [];
        return [{ type: 'CaseReinstated', data: { caseId: existing.caseId, reinstated: command.data.reinstated } }];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: RevocationCase, event: RevocationCaseEvent): RevocationCase {
    if (event.type === 'RevocationCaseRequested') {
      const { caseId, tenantId, action, isDryRun, reason, incidentRef, requestedBy, matched } = event.data;
      return { status: isDryRun ? 'DRY_RUN' : 'RUNNING', caseId, tenantId, action, reason, incidentRef, requestedBy, matched, targets: [], outcomes: new Map(), reinstatement: 'none' };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'RevocationTargetsFixed':
        state.targets.push(...event.data.appPasswordIds);
        return { ...state };
      case 'RevocationOutcomesRecorded':
        for (const { appPasswordId, outcome } of event.data.outcomes) state.outcomes.set(appPasswordId, outcome);
        return { ...state };
      case 'RevocationCaseCompleted':
        return { ...state, status: 'COMPLETED' };
      case 'RevocationCaseCancelled':
        return { ...state, status: 'CANCELLED' };
      case 'CaseReinstatementRequested':
        return { ...state, reinstatement: 'requested' };
      case 'CaseReinstated':
        return { ...state, reinstatement: 'done' };
      default:
        return assertUnreachable(event);
    }
  },
};

/** The targets as a set, built once per case (they are fixed right after the request) rather than at every step. */
const targetSets = new WeakMap<string[], { readonly size: number; readonly ids: ReadonlySet<string> }>();

function isTarget(state: OpenCase, appPasswordId: string): boolean {
  let memo = targetSets.get(state.targets);
  if (!memo || memo.size !== state.targets.length) targetSets.set(state.targets, (memo = { size: state.targets.length, ids: new Set(state.targets) }));
  return memo.ids.has(appPasswordId);
}

/** A case's control stream: whether someone asked it to stop, and who. */
export type CaseControl = { cancellationRequestedBy: string | null };
export type RequestCancellation = { type: 'RequestCancellation'; data: { caseId: string; requestedBy: string; caseStatus: CaseStatus } };

export const caseControlDecider = {
  initialState: (): CaseControl => ({ cancellationRequestedBy: null }),

  decide(command: RequestCancellation, state: CaseControl): CaseCancellationRequested[] {
    const { caseId, requestedBy, caseStatus } = command.data;
    if (caseStatus === 'DRY_RUN') throw conflict('A dry run has nothing to cancel.');
    if (caseStatus === 'COMPLETED') throw conflict('The case has completed; there is nothing left to cancel.');
    // Asking twice, or asking a cancelled case, changes nothing.
    if (caseStatus === 'CANCELLED' || state.cancellationRequestedBy !== null) return [];
    return [{ type: 'CaseCancellationRequested', data: { caseId, requestedBy } }];
  },

  evolve(state: CaseControl, event: CaseCancellationRequested): CaseControl {
    return state.cancellationRequestedBy === null ? { cancellationRequestedBy: event.data.requestedBy } : state;
  },
};

/** The credentials still waiting for their turn, in order. */
export function pendingTargets(state: OpenCase): string[] {
  return state.targets.filter((id) => !state.outcomes.has(id));
}

/** The credentials the case suspended: what a reinstatement makes active again. */
export function suspendedTargets(state: OpenCase): string[] {
  return state.targets.filter((id) => state.outcomes.get(id) === 'SUSPENDED');
}

export function countsOf(state: OpenCase): { revoked: number; alreadyRevoked: number; failed: number } {
  const counts = { revoked: 0, alreadyRevoked: 0, failed: 0 };
  for (const outcome of state.outcomes.values()) {
    if (outcome === 'REVOKED' || outcome === 'SUSPENDED') counts.revoked++;
    else if (outcome === 'ALREADY_REVOKED') counts.alreadyRevoked++;
    else counts.failed++;
  }
  return counts;
}

/** An incident reference, trimmed: 1 to 200 characters on one line (a ticket number, a case URL). */
export function requireIncidentRef(input: string): string {
  return requireLine(input, 200, 'An incident reference of 1 to 200 characters on one line is required (a ticket number, say), without control or invisible characters.');
}

function request(data: RequestRevocationCase['data']): RevocationCaseEvent[] {
  const { match, expectedMatched } = data;
  // A preview may be asked for before the reason is written; a real run never goes without one.
  const reason = data.isDryRun && data.reason.trim() === '' ? '' : requireRevocationReason(data.reason);
  const incidentRef = data.isDryRun && data.incidentRef.trim() === '' ? '' : requireIncidentRef(data.incidentRef);
  if (expectedMatched !== null && expectedMatched !== undefined) {
    if (!Number.isInteger(expectedMatched) || expectedMatched < 0) throw badInput('expectedMatched must be a whole number of at least 0.');
    if (expectedMatched !== match.ids.length) {
      throw conflict(`The filter now matches ${match.ids.length} active app passwords, not the ${expectedMatched} expected: preview it again.`, {
        matched: match.ids.length,
        expectedMatched,
      });
    }
  }
  if (match.ids.length > MAX_CASE_SIZE) throw badInput(`The filter matches ${match.ids.length} app passwords; one case takes at most ${MAX_CASE_SIZE}. Narrow the filter.`);
  if (!data.isDryRun && match.ids.length === 0) throw badInput('The filter matches no active app password: there is nothing to revoke.');
  const requested: RevocationCaseEvent = {
    type: 'RevocationCaseRequested',
    data: {
      caseId: data.caseId,
      tenantId: data.tenantId,
      action: data.action,
      isDryRun: data.isDryRun,
      reason,
      incidentRef,
      requestedBy: data.requestedBy,
      requestedAt: data.now.toISOString(),
      filter: data.filter,
      matched: match.ids.length,
      recentlyUsed: match.recentlyUsed,
      usersAffected: match.usersAffected,
      sample: match.ids.slice(0, SAMPLE_SIZE),
    },
  };
  if (data.isDryRun) return [requested];
  const targets: RevocationCaseEvent[] = [];
  for (let start = 0; start < match.ids.length; start += TARGETS_PER_EVENT) {
    targets.push({ type: 'RevocationTargetsFixed', data: { caseId: data.caseId, appPasswordIds: match.ids.slice(start, start + TARGETS_PER_EVENT) } });
  }
  return [requested, ...targets];
}

function requireCase(state: RevocationCase): OpenCase {
  if (state.status === 'none') throw notFound('No such revocation case.');
  return state;
}
