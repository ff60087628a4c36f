import type { EventMetadata } from '@keyward/shared/domain';
import { userIdFor } from '@keyward/identity/domain';
import type { AppPasswordRejected, AppPasswordUsed, SignInFailed } from '@keyward/app-passwords/domain';

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
}

/** What the detectors read of a recorded event. */
export interface SignInEventRecord {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

type SignInEvent = AppPasswordUsed | AppPasswordRejected | SignInFailed;

/** The observation a sign-in event stands for; null for any other event, or one without a usable time. */
export function observationOf(event: SignInEventRecord): SignInObservation | null {
  const at = Date.parse(event.metadata.occurredAt);
  if (Number.isNaN(at)) return null;
  const base = { eventId: event.id, tenantId: event.metadata.tenantId, at };
  const typed = { type: event.type, data: event.data } as SignInEvent;
  switch (typed.type) {
    case 'AppPasswordUsed':
      return { ...base, outcome: 'USED', reason: null, appPasswordId: typed.data.appPasswordId, userId: typed.data.userId, userPrincipalName: null, sourceIp: sourceOf(typed.data, event.metadata) };
    case 'AppPasswordRejected':
      return { ...base, outcome: 'REJECTED', reason: typed.data.reason, appPasswordId: typed.data.appPasswordId, userId: typed.data.userId, userPrincipalName: null, sourceIp: sourceOf(typed.data, event.metadata) };
    case 'SignInFailed': {
      const name = typed.data.userPrincipalName || null;
      return { ...base, outcome: 'FAILED', reason: typed.data.reason, appPasswordId: null, userId: name ? userIdFor(name) : null, userPrincipalName: name, sourceIp: sourceOf(typed.data, event.metadata) };
    }
    default:
      return null;
  }
}

function sourceOf(data: { sourceIp?: string | null }, metadata: EventMetadata): string | null {
  return data.sourceIp || metadata.sourceIp || null;
}
