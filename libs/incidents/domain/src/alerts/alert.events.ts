import type { DomainEvent } from '@keyward/shared/domain';

export const alertStreamId = (alertId: string) => `alert-${alertId}`;

/** What a detector saw in the sign-in events. */
export const ALERT_KINDS = ['REVOKED_CREDENTIAL_USED', 'FAILURE_BURST', 'PASSWORD_SPRAY', 'NEW_SOURCE_ADDRESS'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Everything an alert says when it is raised. Times are event times (the sign-ins'), never the
 * time the detector ran, so a replay raises the very same alert. Never a secret or a hash.
 */
export interface AlertFacts {
  alertId: string;
  tenantId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** What the alert is about, as the detector keys it: `account:<userId>`, `address:<ip>`, `credential:<id>@<network>`. */
  subject: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Sign-in attempts the alert stands for so far. */
  count: number;
  appPasswordId: string | null;
  userId: string | null;
  /** The name as it was tried (a sprayed account need not exist). */
  userPrincipalName: string | null;
  /** The address of the attempt that raised the alert. */
  sourceIp: string | null;
  /** The network the address is counted in (`203.0.113.0/24`, `2001:db8:1:2::/64`), where the kind uses one. */
  sourceNetwork: string | null;
  /** PASSWORD_SPRAY: the distinct accounts that failed from the address when it was raised. */
  accounts: number | null;
  /** REVOKED_CREDENTIAL_USED: the credential's status when its secret was presented (REVOKED, SUSPENDED, EXPIRED). */
  credentialStatus: string | null;
  /** The sign-in event that raised it. */
  raisedBy: string;
}

export type AlertRaised = DomainEvent<'AlertRaised', AlertFacts>;
/** The alert's key fired again: `count` is the new total (not an increment), so a replay adds nothing. */
export type AlertRepeated = DomainEvent<'AlertRepeated', { alertId: string; count: number; lastSeenAt: string }>;
export type AlertAcknowledged = DomainEvent<'AlertAcknowledged', { alertId: string; acknowledgedBy: string; acknowledgedAt: string }>;

export type AlertEvent = AlertRaised | AlertRepeated | AlertAcknowledged;

export const ALERT_EVENT_TYPES: readonly AlertEvent['type'][] = ['AlertRaised', 'AlertRepeated', 'AlertAcknowledged'];
