import { ALERT_KIND_WORDS, isAboutAddress, type AlertRow } from './alert';

/**
 * What a link to the respond page (`/incidents`) may fill in for the responder, carried in the
 * query string. The page only fills its form with it: previewing and typing the count still
 * decide. Alerts link here; the respond page reads it.
 */
export interface RespondPrefill {
  /** Only these app passwords. */
  ids?: string[];
  /** Exact principal names. */
  users?: string[];
  /** An IP address or CIDR block. */
  usedFromAddress?: string;
  /** ISO-8601. */
  usedAfter?: string;
  reason?: string;
  incidentRef?: string;
}

const TEXT_KEYS = ['usedFromAddress', 'usedAfter', 'reason', 'incidentRef'] as const;
const LIST_KEYS = ['ids', 'users'] as const;

/** The query parameters of the respond page that carry the prefill (lists comma-separated). */
export function respondQueryParams(prefill: RespondPrefill): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of LIST_KEYS) if (prefill[key]?.length) params[key] = prefill[key].join(',');
  for (const key of TEXT_KEYS) if (prefill[key]) params[key] = prefill[key];
  return params;
}

/** The prefill a respond page URL carries; what it cannot read is left out. */
export function respondPrefillFrom(params: { get(name: string): string | null }): RespondPrefill {
  const prefill: RespondPrefill = {};
  for (const key of LIST_KEYS) {
    const values = (params.get(key) ?? '').split(',').map((value) => value.trim()).filter(Boolean);
    if (values.length) prefill[key] = [...new Set(values)];
  }
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) prefill[key] = value;
  }
  if (prefill.usedAfter && Number.isNaN(Date.parse(prefill.usedAfter))) delete prefill.usedAfter;
  return prefill;
}

/**
 * How to respond to an alert as a case, as a starting point; null when there is nothing to aim
 * at (a burst for an account that does not exist).
 * - From an address (a spray, a burst from one address): what was used from it since the alert began.
 * - A revoked credential presented with its secret: the credential is out of service already, so
 *   what else was used from where its holder is, since then.
 * - A new network for a credential: that credential.
 * - A burst for an existing account: that user's app passwords.
 */
export function respondPrefillOf(alert: AlertRow): RespondPrefill | null {
  const why = { reason: reasonOf(alert), incidentRef: `alert:${alert.id}` };
  const address = isAboutAddress(alert) ? (alert.sourceNetwork ?? alert.sourceIp) : alert.kind === 'REVOKED_CREDENTIAL_USED' ? alert.sourceIp : null;
  if (address) return { usedFromAddress: address, usedAfter: alert.firstSeenAt, ...why };
  if (alert.kind === 'NEW_SOURCE_ADDRESS' && alert.appPassword) return { ids: [alert.appPassword.id], ...why };
  if (alert.user) return { users: [alert.user.userPrincipalName], ...why };
  return null;
}

function reasonOf(alert: AlertRow): string {
  const about = isAboutAddress(alert) ? alert.sourceIp : (alert.user?.userPrincipalName ?? alert.userPrincipalName);
  return `Alert: ${ALERT_KIND_WORDS[alert.kind]}${about ? ` (${about})` : ''}`;
}
