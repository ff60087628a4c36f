import type { DomainEvent } from '@keyward/shared/domain';
import type { AppPasswordScope } from '@keyward/identity/domain';

export const appPasswordStreamId = (appPasswordId: string) => `appPassword-${appPasswordId}`;
export const appPasswordUsageStreamId = (appPasswordId: string) => `appPasswordUsage-${appPasswordId}`;
export const signInFailuresStreamId = (tenantId: string) => `signInFailures-${tenantId}`;

export type AppPasswordGenerated = DomainEvent<
  'AppPasswordGenerated',
  {
    appPasswordId: string;
    userId: string;
    tenantId: string;
    label: string;
    scopes: AppPasswordScope[];
    /** ISO-8601; null when the credential does not expire. */
    expiresAt: string | null;
    /** argon2id PHC string. Needed to rebuild state; never leaves the server. */
    secretHash: string;
  }
>;
export type AppPasswordRenamed = DomainEvent<'AppPasswordRenamed', { appPasswordId: string; label: string }>;
/** `caseId` names the revocation case it was part of, when it was (incident response). */
export type AppPasswordRevoked = DomainEvent<
  'AppPasswordRevoked',
  { appPasswordId: string; reason: string; incidentRef: string | null; caseId?: string | null }
>;
export type AppPasswordExpired = DomainEvent<'AppPasswordExpired', { appPasswordId: string }>;
/** Quarantined by an incident case: it never verifies until the case reinstates it. */
export type AppPasswordSuspended = DomainEvent<
  'AppPasswordSuspended',
  { appPasswordId: string; reason: string; incidentRef: string | null; caseId: string }
>;
export type AppPasswordReinstated = DomainEvent<'AppPasswordReinstated', { appPasswordId: string; reason: string; caseId: string }>;
export type AppPasswordEvent =
  | AppPasswordGenerated
  | AppPasswordRenamed
  | AppPasswordRevoked
  | AppPasswordExpired
  | AppPasswordSuspended
  | AppPasswordReinstated;

/** Why a verification of a known credential failed. */
export const REJECTION_REASONS = [
  'TYPO',
  'WRONG_SECRET',
  'WRONG_USER',
  'REVOKED',
  'SUSPENDED',
  'EXPIRED',
  'SCOPE_NOT_ALLOWED',
  'USER_DISABLED',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface SignInDetails {
  protocol: AppPasswordScope;
  sourceIp: string | null;
  client: string | null;
}

export type AppPasswordUsed = DomainEvent<
  'AppPasswordUsed',
  { appPasswordId: string; userId: string } & SignInDetails
>;
export type AppPasswordRejected = DomainEvent<
  'AppPasswordRejected',
  { appPasswordId: string; userId: string; reason: RejectionReason } & SignInDetails
>;
export type AppPasswordUsageEvent = AppPasswordUsed | AppPasswordRejected;
/**
 * The name a mail client gave itself with SMTP's `EHLO`, learnt after its use was recorded: mail
 * servers do not pass `EHLO` to the password check, so the relay reports it when the session sends
 * (docs/gateways/postfix.md). Names the `AppPasswordUsed` at `useRevision` of the same usage stream.
 */
export type AppPasswordClientIdentified = DomainEvent<
  'AppPasswordClientIdentified',
  { appPasswordId: string; userId: string; useRevision: number; usedAt: string; protocol: AppPasswordScope; sourceIp: string; client: string }
>;
/** Everything a usage stream holds. */
export type AppPasswordUsageStreamEvent = AppPasswordUsageEvent | AppPasswordClientIdentified;

/**
 * Why an attempt matched no credential. PRIMARY_PASSWORD_USED: not an app password, but the user's
 * own (console) password, sent where the app password belongs.
 */
export type SignInFailureReason = 'UNKNOWN_USER' | 'MALFORMED_PASSWORD' | 'PRIMARY_PASSWORD_USED' | 'UNKNOWN_CREDENTIAL';
export type SignInFailed = DomainEvent<
  'SignInFailed',
  { userPrincipalName: string; reason: SignInFailureReason } & SignInDetails
>;

/** One name's failures within a summary, from one address, over one protocol, by one client. */
export interface SummarizedFailure {
  userPrincipalName: string;
  protocol: AppPasswordScope;
  sourceIp: string | null;
  client: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
}
/**
 * Failures of user names that exist in no tenant directory, beyond the first of a minute that are
 * recorded one by one (`SignInFailed`): a flood of made-up names costs one event a minute per
 * tenant and gateway, not one per attempt. `attempts` counts them all; `failures` lists them by
 * name, address, protocol and client (at most a thousand; `omitted` counts the attempts past that).
 */
export type SignInFailuresSummarized = DomainEvent<
  'SignInFailuresSummarized',
  { reason: 'UNKNOWN_USER'; from: string; to: string; attempts: number; failures: SummarizedFailure[]; omitted: number }
>;

/** The sign-in attempts: high volume, kept in usage streams apart from the lifecycle. */
export const SIGN_IN_EVENT_TYPES: readonly string[] = ['AppPasswordUsed', 'AppPasswordRejected', 'SignInFailed', 'SignInFailuresSummarized'];

/** Names of the fields that hold hashes or shared secrets (a TOTP seed): projections and exports drop them. */
export const SECRET_FIELDS: readonly string[] = ['secretHash', 'passwordHash', 'tokenHash', 'totpSecret', 'recoveryCodeHashes'];
