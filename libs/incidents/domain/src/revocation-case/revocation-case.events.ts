import type { DomainEvent } from '@keyward/shared/domain';

export const revocationCaseStreamId = (caseId: string) => `revocationCase-${caseId}`;
/**
 * A running case's inbox: the runner is the case stream's only writer while it runs, and reads
 * this stream between steps, so a cancellation never has to win a race against its appends.
 */
export const caseControlStreamId = (caseId: string) => `revocationCaseControl-${caseId}`;

/** What a case does to each credential: revoke it (final) or suspend it (reversible by the case). */
export type CaseAction = 'REVOKE' | 'SUSPEND';

/** What happened to one credential of a case. */
export type CaseOutcome = 'REVOKED' | 'SUSPENDED' | 'ALREADY_REVOKED' | 'FAILED';

/**
 * A bulk revocation or suspension was asked for (or previewed: `isDryRun`). The filter is kept as
 * given, for the record; the credentials it matched then follow in RevocationTargetsFixed.
 */
export type RevocationCaseRequested = DomainEvent<
  'RevocationCaseRequested',
  {
    caseId: string;
    tenantId: string;
    action: CaseAction;
    isDryRun: boolean;
    reason: string;
    incidentRef: string;
    /** `user:<id>` or `system:<process>`. */
    requestedBy: string;
    requestedAt: string;
    filter: Record<string, unknown>;
    matched: number;
    recentlyUsed: number;
    usersAffected: number;
    /** A few of the matched credentials, to show what the query reaches. */
    sample: string[];
  }
>;
/** Part of the case's credential set, fixed when the case was requested (several events for a large case). */
export type RevocationTargetsFixed = DomainEvent<'RevocationTargetsFixed', { caseId: string; appPasswordIds: string[] }>;
export interface RecordedOutcome {
  appPasswordId: string;
  outcome: CaseOutcome;
  /** The owner: each is to be told (the notifications come with the compliance work). */
  userId: string | null;
  /** Why it failed. */
  detail?: string;
}
export type RevocationOutcomesRecorded = DomainEvent<'RevocationOutcomesRecorded', { caseId: string; outcomes: RecordedOutcome[] }>;
export type RevocationCaseCompleted = DomainEvent<'RevocationCaseCompleted', { caseId: string; revoked: number; alreadyRevoked: number; failed: number }>;
/** Stopped before every credential had its turn; what was done stays done. */
export type RevocationCaseCancelled = DomainEvent<'RevocationCaseCancelled', { caseId: string; cancelledBy: string }>;
/** Someone asked a running case to stop (in the case's control stream). */
export type CaseCancellationRequested = DomainEvent<'CaseCancellationRequested', { caseId: string; requestedBy: string }>;
/** The suspensions of a case are to be lifted. */
export type CaseReinstatementRequested = DomainEvent<'CaseReinstatementRequested', { caseId: string; reason: string; requestedBy: string }>;
export type CaseReinstated = DomainEvent<'CaseReinstated', { caseId: string; reinstated: number }>;

export type RevocationCaseEvent =
  | RevocationCaseRequested
  | RevocationTargetsFixed
  | RevocationOutcomesRecorded
  | RevocationCaseCompleted
  | RevocationCaseCancelled
  | CaseReinstatementRequested
  | CaseReinstated;

export const REVOCATION_CASE_EVENT_TYPES: readonly RevocationCaseEvent['type'][] = [
  'RevocationCaseRequested',
  'RevocationTargetsFixed',
  'RevocationOutcomesRecorded',
  'RevocationCaseCompleted',
  'RevocationCaseCancelled',
  'CaseReinstatementRequested',
  'CaseReinstated',
];
