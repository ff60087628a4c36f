/** An alert as the console shows it (DESIGN.md section 8, `alerts`), and what it says in words. */

export const ALERT_KINDS = ['REVOKED_CREDENTIAL_USED', 'FAILURE_BURST', 'PASSWORD_SPRAY', 'NEW_SOURCE_ADDRESS'] as const;
/** What a detector saw in the sign-ins (docs/operations.md, "Alerts and webhook"). */
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** One alert, a line of the list. */
export interface AlertRow {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Sign-in attempts it stands for so far. */
  count: number;
  /** The app password it is about, as the inventory shows it now. */
  appPassword: { id: string; label: string; status: string } | null;
  /** The account it is about, when it exists. */
  user: { id: string; userPrincipalName: string } | null;
  /** The user name as it was tried (a sprayed account need not exist). */
  userPrincipalName: string | null;
  sourceIp: string | null;
  /** The network the address was counted in (a credential's /24 or /64; an address alert's own key). */
  sourceNetwork: string | null;
  /** PASSWORD_SPRAY: distinct accounts that failed from the address. */
  accounts: number | null;
  /** REVOKED_CREDENTIAL_USED: REVOKED, SUSPENDED or EXPIRED. */
  credentialStatus: string | null;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  /** The actor: `user:<id>`. */
  acknowledgedBy: string | null;
}

/** The list's filter, as the server's AlertFilter takes it; absent means any. */
export interface AlertFilter {
  kind?: AlertKind;
  severity?: AlertSeverity;
  acknowledged?: boolean;
  /** The address that raised it, or a CIDR block it is in. */
  sourceIp?: string;
  /** Last seen on or after this day (`YYYY-MM-DD`, UTC). */
  since?: string;
}

/** Each kind in plain words, for people. */
export const ALERT_KIND_WORDS: Record<AlertKind, string> = {
  REVOKED_CREDENTIAL_USED: 'Revoked app password used',
  FAILURE_BURST: 'Burst of failed sign-ins',
  PASSWORD_SPRAY: 'Password spray',
  NEW_SOURCE_ADDRESS: 'Used from a new network',
};

export const ALERT_SEVERITY_WORDS: Record<AlertSeverity, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

/** What raises each kind, in words: the empty list says with them what would raise an alert. */
export const ALERT_KIND_CAUSES: Record<AlertKind, string> = {
  REVOKED_CREDENTIAL_USED: 'a revoked, suspended or expired app password presented with its correct secret',
  FAILURE_BURST: 'many failed sign-ins for one account or from one address within minutes',
  PASSWORD_SPRAY: 'failed sign-ins for many accounts from one address',
  NEW_SOURCE_ADDRESS: 'an app password used from a network it was never used from',
};

/** What this alert saw, in a sentence under its kind. */
export function alertDetail(alert: AlertRow): string {
  switch (alert.kind) {
    case 'REVOKED_CREDENTIAL_USED':
      return `A ${(alert.credentialStatus ?? 'revoked').toLowerCase()} app password was presented with its correct secret: someone still holds it.`;
    case 'FAILURE_BURST':
      return isAboutAddress(alert) ? 'Many failed sign-ins from one address.' : 'Many failed sign-ins for one account.';
    case 'PASSWORD_SPRAY':
      return `Failed sign-ins for ${alert.accounts ?? 'many'} accounts from one address.`;
    case 'NEW_SOURCE_ADDRESS':
      return `First use from ${alert.sourceNetwork ?? 'this network'}.`;
  }
}

/** Whether the detector keyed the alert on an address (a spray, or a burst from one address) rather than an account or a credential. */
export function isAboutAddress(alert: Pick<AlertRow, 'kind' | 'sourceIp'>): boolean {
  return alert.kind === 'PASSWORD_SPRAY' || (alert.kind === 'FAILURE_BURST' && !!alert.sourceIp);
}
