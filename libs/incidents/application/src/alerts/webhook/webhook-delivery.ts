import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { AlertRaised } from '@keyward/incidents/domain';

/** One POST to the webhook: the same bytes, id and signature at every attempt. */
export interface WebhookDelivery {
  /** `X-Keyward-Delivery`: the alert event's id, so receivers drop what they have had already (from any node). */
  readonly id: string;
  /** `X-Keyward-Event`. */
  readonly event: 'alert';
  /** The JSON body, exactly as signed. */
  readonly body: string;
}

/**
 * The delivery of a raised alert. The body names each field it carries (an allow-list, not a
 * copy of the event), so nothing secret can ride along if the event grows.
 */
export function alertDelivery(event: RecordedEvent & AlertRaised): WebhookDelivery {
  const d = event.data;
  const alert = {
    id: d.alertId,
    kind: d.kind,
    severity: d.severity,
    tenantId: d.tenantId,
    firstSeenAt: d.firstSeenAt,
    lastSeenAt: d.lastSeenAt,
    count: d.count,
    appPasswordId: d.appPasswordId,
    userId: d.userId,
    userPrincipalName: d.userPrincipalName,
    sourceIp: d.sourceIp,
    sourceNetwork: d.sourceNetwork,
    accounts: d.accounts,
    credentialStatus: d.credentialStatus,
  };
  return { id: event.id, event: 'alert', body: JSON.stringify({ action: 'raised', alert, raisedAt: event.metadata.occurredAt }) };
}

/** `X-Keyward-Signature-256`, as GitHub's `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function isSignatureValid(body: string | Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
