import type { EventMetadata } from '@keyward/shared/domain';
import { userIdFor } from '@keyward/identity/domain';
import type { AppPasswordRejected, AppPasswordUsed, SignInFailed, SignInFailuresSummarized } from '@keyward/app-passwords/domain';
import { attemptSourceOf, type AttemptSource } from './source-network';

/** One sign-in attempt as the detectors see it, whatever event recorded it. */
export interface SignInObservation {
  /** The event's id: what an alert names as having raised it. */
  readonly eventId: string;
  readonly tenantId: string;
  /** Event time, in ms since the epoch: every window is measured in it, never in the detector's clock. */
  readonly at: number;
  /** USED: accepted; REJECTED: a known credential refused; FAILED: no credential matched. */
  readonly outcome: 'USED' | 'REJECTED' | 'FAILED';
  /** Why it was refused (a RejectionReason or a SignInFailureReason). */
  readonly reason: string | null;
  readonly appPasswordId: string | null;
  /** The account tried: the credential's owner, or the id the tried name would have (it need not exist). */
  readonly userId: string | null;
  readonly userPrincipalName: string | null;
  readonly sourceIp: string | null;
  /** How the detectors count the address: its network, and the source of a stream of attempts. */
  readonly source: AttemptSource | null;
}

/** What the detectors read of a recorded event. */
export interface SignInEventRecord {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

type SignInEvent = AppPasswordUsed | AppPasswordRejected | SignInFailed;

/**
 * How many attempts of one listed failure of a summary the detectors see: enough to cross any
 * burst threshold, without a flood's summary becoming a flood of observations.
 */
export const SUMMARIZED_ATTEMPTS_SEEN = 25;

/**
 * The observations an event stands for: one for a sign-in event; for a summary of unknown-name
 * failures (`SignInFailuresSummarized`), each listed failure's attempts (at most
 * SUMMARIZED_ATTEMPTS_SEEN of each, the first at its first time and the rest at its last).
 */
export function observationsOf(event: SignInEventRecord): SignInObservation[] {
  if (event.type !== 'SignInFailuresSummarized') {
    const single = observationOf(event);
    return single ? [single] : [];
  }
  const { reason, failures } = event.data as SignInFailuresSummarized['data'];
  const observations: SignInObservation[] = [];
  for (const failure of failures ?? []) {
    const first = Date.parse(failure.firstAt);
    const last = Date.parse(failure.lastAt);
    if (Number.isNaN(first) || Number.isNaN(last)) continue;
    const userId = userIdFor(failure.userPrincipalName);
    for (let i = 0; i < Math.min(failure.count, SUMMARIZED_ATTEMPTS_SEEN); i++) {
      observations.push(observation(event, i === 0 ? first : last, 'FAILED', reason, null, userId, failure.userPrincipalName, failure.sourceIp || null));
    }
  }
  return observations;
}

/** The observation a sign-in event stands for; null for any other event, or one without a usable time. */
export function observationOf(event: SignInEventRecord): SignInObservation | null {
  const at = Date.parse(event.metadata.occurredAt);
  if (Number.isNaN(at)) return null;
  const typed = { type: event.type, data: event.data } as SignInEvent;
  // Built field by field, not spread: this runs for every sign-in.
  switch (typed.type) {
    case 'AppPasswordUsed':
      return observation(event, at, 'USED', null, typed.data.appPasswordId, typed.data.userId, null, sourceOf(typed.data, event.metadata));
    case 'AppPasswordRejected':
      return observation(event, at, 'REJECTED', typed.data.reason, typed.data.appPasswordId, typed.data.userId, null, sourceOf(typed.data, event.metadata));
    case 'SignInFailed': {
      const name = typed.data.userPrincipalName || null;
      return observation(event, at, 'FAILED', typed.data.reason, null, name ? userIdFor(name) : null, name, sourceOf(typed.data, event.metadata));
    }
    default:
      return null;
  }
}

function observation(
  event: SignInEventRecord,
  at: number,
  outcome: SignInObservation['outcome'],
  reason: string | null,
  appPasswordId: string | null,
  userId: string | null,
  userPrincipalName: string | null,
  sourceIp: string | null,
): SignInObservation {
  const source = sourceIp ? attemptSourceOf(sourceIp) : null;
  return { eventId: event.id, tenantId: event.metadata.tenantId, at, outcome, reason, appPasswordId, userId, userPrincipalName, sourceIp, source };
}

function sourceOf(data: { sourceIp?: string | null }, metadata: EventMetadata): string | null {
  return data.sourceIp || metadata.sourceIp || null;
}
