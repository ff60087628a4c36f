/** A revocation case as the console shows it, and what its numbers mean. */

/** DRY_RUN: a preview that changed nothing; RUNNING → COMPLETED or CANCELLED for a real one. */
export type CaseStatus = 'DRY_RUN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
/** What the case does to each credential: revoke it (final) or suspend it (reversible). */
export type CaseAction = 'REVOKE' | 'SUSPEND';
export const OUTCOME_KINDS = ['REVOKED', 'SUSPENDED', 'ALREADY_REVOKED', 'FAILED'] as const;
/** What happened to one credential: taken out of service by this case, no longer active when its turn came, or failed. */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** An app password as a case names it. */
export interface CaseCredential {
  id: string;
  label: string;
  status: string;
  lastUsedAt?: string | null;
  user: { userPrincipalName: string };
}

export interface RevocationCase {
  id: string;
  action: CaseAction;
  status: CaseStatus;
  reason: string;
  incidentRef: string;
  /** The actor: `user:<id>` or `system:<process>`. */
  requestedBy: string;
  requestedAt: string;
  /** Active app passwords the filter matched: the credential set, fixed at the request. */
  matched: number;
  /** Taken out of service by this case (revoked, or suspended in a suspension case). */
  revoked: number;
  alreadyRevoked: number;
  failed: number;
  /** Matched credentials used in the 24 hours before the request: what the case breaks. */
  recentlyUsed: number;
  usersAffected: number;
  finishedAt: string | null;
  cancelledBy: string | null;
  reinstatement: { status: 'REQUESTED' | 'DONE'; reinstated: number | null } | null;
  /** A few of the matched app passwords. */
  sample: CaseCredential[];
}

/** One credential's line in a case's outcome table. */
export interface CaseOutcome {
  appPasswordId: string;
  outcome: OutcomeKind;
  detail: string | null;
  recordedAt: string;
  /** The credential as the inventory shows it now; null when it is not the viewer's to see. */
  appPassword: CaseCredential | null;
}

/** How far a case has come: credentials done (whatever their outcome) out of those matched. */
export interface CaseProgress {
  done: number;
  total: number;
  /** 0 to 100, whole. */
  percent: number;
}

export function progressOf(found: Pick<RevocationCase, 'revoked' | 'alreadyRevoked' | 'failed' | 'matched'>): CaseProgress {
  const done = found.revoked + found.alreadyRevoked + found.failed;
  const total = found.matched;
  return { done, total, percent: total === 0 ? 100 : Math.min(100, Math.floor((done * 100) / total)) };
}

/** Whether the case may still change by itself: running, or reinstating what it suspended. */
export function isInMotion(found: Pick<RevocationCase, 'status' | 'reinstatement'>): boolean {
  return found.status === 'RUNNING' || found.reinstatement?.status === 'REQUESTED';
}

/** Whether the case suspended credentials that a reinstatement could make active again. */
export function isReinstatable(found: Pick<RevocationCase, 'action' | 'status' | 'reinstatement' | 'revoked'>): boolean {
  return found.action === 'SUSPEND' && (found.status === 'COMPLETED' || found.status === 'CANCELLED') && found.reinstatement === null && found.revoked > 0;
}

/** The verb of the action, for buttons and sentences: "revoke" or "suspend". */
export function verbOf(action: CaseAction): string {
  return action === 'SUSPEND' ? 'suspend' : 'revoke';
}

/** The past participle of the action, for counts: "revoked" or "suspended". */
export function doneWordOf(action: CaseAction): string {
  return action === 'SUSPEND' ? 'suspended' : 'revoked';
}
