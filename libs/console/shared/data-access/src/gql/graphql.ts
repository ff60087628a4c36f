/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** KEEP: still needed. REVOKE: revoked at once. */
export type AccessDecision =
  | 'KEEP'
  | 'REVOKE';

/** ALL; UNDECIDED: still to decide; MINE: the reader's own app passwords. */
export type AccessReviewItemSelection =
  | 'ALL'
  | 'MINE'
  | 'UNDECIDED';

export type AccessReviewStatus =
  | 'COMPLETED'
  | 'OPEN';

export type AlertFilter = {
  acknowledged?: boolean | null | undefined;
  appPasswordId?: string | number | null | undefined;
  kind?: AlertKind | null | undefined;
  severity?: AlertSeverity | null | undefined;
  /** ISO-8601: last seen at or after. */
  since?: string | null | undefined;
  /** The address that raised it, or a CIDR block it is in (IPv4 or IPv6). */
  sourceIp?: string | null | undefined;
  /** The account it is about. */
  userId?: string | number | null | undefined;
};

/** REVOKED_CREDENTIAL_USED: a revoked, suspended or expired app password presented with its correct secret. FAILURE_BURST: many failed sign-ins for one account or from one address. PASSWORD_SPRAY: failures for many accounts from one address. NEW_SOURCE_ADDRESS: an app password used from a network it never was. */
export type AlertKind =
  | 'FAILURE_BURST'
  | 'NEW_SOURCE_ADDRESS'
  | 'PASSWORD_SPRAY'
  | 'REVOKED_CREDENTIAL_USED';

export type AlertSeverity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type ApiTokenStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type AppPasswordFilter = {
  /** ISO-8601, inclusive. */
  createdAfter?: string | null | undefined;
  /** ISO-8601, exclusive. */
  createdBefore?: string | null | undefined;
  /** Active and expiring within this many days. */
  expiresWithinDays?: number | null | undefined;
  /** Only these app passwords (at most 1,000). */
  ids?: Array<string | number> | null | undefined;
  isNeverUsed?: boolean | null | undefined;
  /** Part of the label. */
  label?: string | null | undefined;
  /** ISO-8601, inclusive. */
  lastUsedAfter?: string | null | undefined;
  /** ISO-8601, exclusive. */
  lastUsedBefore?: string | null | undefined;
  /** Used at least once over this protocol. */
  protocol?: AppPasswordScope | null | undefined;
  /** Part of the label or of the owner’s principal name. */
  search?: string | null | undefined;
  status?: AppPasswordStatus | null | undefined;
  /** Created before the owner's last password reset (true), or not (false). */
  survivedPasswordReset?: boolean | null | undefined;
  /** Active, and neither used nor created in this many days. */
  unusedForDays?: number | null | undefined;
  /** ISO-8601, inclusive: with usedFromAddress. */
  usedAfter?: string | null | undefined;
  /** ISO-8601, exclusive: with usedFromAddress. */
  usedBefore?: string | null | undefined;
  /** Tried at least once from this IP address or CIDR block (IPv4 or IPv6), within usedAfter/usedBefore when given. */
  usedFromAddress?: string | null | undefined;
  /** Part of the owner’s principal name. */
  user?: string | null | undefined;
  userId?: string | number | null | undefined;
  /** Only these users' app passwords (at most 1,000). */
  userIds?: Array<string | number> | null | undefined;
};

/** Where an app password may be used. */
export type AppPasswordScope =
  | 'http'
  | 'imap'
  | 'pop'
  | 'smtp';

export type AppPasswordSort = {
  direction?: SortDirection;
  field: AppPasswordSortField;
};

export type AppPasswordSortField =
  | 'CREATED_AT'
  | 'EXPIRES_AT'
  | 'LABEL'
  | 'LAST_USED_AT'
  | 'USER'
  | 'USE_COUNT';

export type AppPasswordStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUSPENDED';

export type AttestAccessReviewItemInput = {
  itemId: string | number;
  /** What it is still used for (up to 500 characters). */
  note?: string | null | undefined;
};

export type AuditEventFilter = {
  actor?: string | null | undefined;
  /** ISO-8601, inclusive. */
  occurredAfter?: string | null | undefined;
  /** ISO-8601, exclusive. */
  occurredBefore?: string | null | undefined;
  streamId?: string | null | undefined;
  types?: Array<string> | null | undefined;
};

export type BulkRevokeInput = {
  /** Preview only: record the case as DRY_RUN and change nothing. */
  dryRun?: boolean | null | undefined;
  /** The count the preview showed; if the filter now matches another, CONFLICT and nothing changes. */
  expectedMatched?: number | null | undefined;
  /** Only ACTIVE app passwords match, whatever the filter says about status. */
  filter: AppPasswordFilter;
  /** The incident this is part of: a ticket number, say. */
  incidentRef: string;
  reason: string;
};

/** Where the user stands with the tenant policy's second factor for console roles: GRACE until the deadline, then ENROLMENT_REQUIRED. */
export type ConsoleMfaStatus =
  | 'ENROLMENT_REQUIRED'
  | 'GRACE'
  | 'NOT_REQUIRED'
  | 'SATISFIED';

export type CreateApiTokenInput = {
  /** 1 to 365; 90 when left out. */
  expiresInDays?: number | null | undefined;
  /** 1 to 100 characters: what it is for. */
  name: string;
  /** One of your roles. */
  role: Role;
};

export type CreateUserInput = {
  displayName: string;
  mfaRegistered?: boolean | null | undefined;
  /** Console password; users without one cannot sign in to the console. */
  password?: string | null | undefined;
  roles: Array<Role>;
  userPrincipalName: string;
};

export type DecideAccessReviewItemInput = {
  decision: AccessDecision;
  itemId: string | number;
  /** Why: required, 1 to 1,000 characters on one line. */
  justification: string;
};

export type DecideAccessReviewItemsInput = {
  decision: AccessDecision;
  /** At most 500 items of one review. */
  itemIds: Array<string | number>;
  justification: string;
};

export type GenerateAppPasswordInput = {
  /** Default: the policy's maximum lifetime. */
  expiresInDays?: number | null | undefined;
  label: string;
  /** Default: every scope the policy allows. */
  scopes?: Array<AppPasswordScope> | null | undefined;
  userId: string | number;
};

/** SSL: TLS from the start (993, 995, 465); STARTTLS: upgraded after connecting (143, 110, 587). */
export type MailSecurity =
  | 'SSL'
  | 'STARTTLS';

export type MailServerInput = {
  host: string;
  port: number;
  security: MailSecurity;
};

export type MailServersInput = {
  /** Null: the tenant offers no IMAP. */
  imap?: MailServerInput | null | undefined;
  pop?: MailServerInput | null | undefined;
  submission?: MailServerInput | null | undefined;
};

/** Who says the user has MFA: ADMIN (attested when the user was created), DIRECTORY (SCIM's Keyward extension), IDENTITY_PROVIDER (a single sign-on's amr said mfa), or a console factor, TOTP or PASSKEY. */
export type MfaSource =
  | 'ADMIN'
  | 'DIRECTORY'
  | 'IDENTITY_PROVIDER'
  | 'PASSKEY'
  | 'TOTP';

/** TENANT: anything in the tenant; OWN: only the user's own. */
export type PermissionScope =
  | 'OWN'
  | 'TENANT';

export type ReinstateAppPasswordsInput = {
  caseId: string | number;
  reason: string;
};

export type ReinstatementStatus =
  | 'DONE'
  | 'REQUESTED';

/** WEEKLY: every 7 days from the first run; MONTHLY: the same day each month. */
export type ReportCadence =
  | 'MONTHLY'
  | 'WEEKLY';

export type ReportFormat =
  | 'CSV'
  | 'PDF';

export type ResetSecondFactorsInput = {
  /** Why (a ticket, "lost phone"): recorded in the audit trail. 1 to 500 characters. */
  reason: string;
  userId: string | number;
};

export type ResetUserPasswordInput = {
  /** 12 to 256 characters. */
  password: string;
  userId: string | number;
};

/** What the case does to each credential: revoke it (final) or suspend it (reversible). */
export type RevocationCaseAction =
  | 'REVOKE'
  | 'SUSPEND';

export type RevocationCaseStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRY_RUN'
  | 'RUNNING';

/** REVOKED (or SUSPENDED, in a suspension case) by this case; ALREADY_REVOKED: no longer active when its turn came; FAILED, with a detail. */
export type RevocationOutcomeKind =
  | 'ALREADY_REVOKED'
  | 'FAILED'
  | 'REVOKED'
  | 'SUSPENDED';

export type RevokeAppPasswordInput = {
  id: string | number;
  incidentRef?: string | null | undefined;
  reason: string;
};

export type RevokeUserAppPasswordsInput = {
  incidentRef?: string | null | undefined;
  reason: string;
  userId: string | number;
};

/** What a console user may do. */
export type Role =
  | 'AUDITOR'
  | 'GLOBAL_ADMIN'
  | 'INCIDENT_RESPONDER'
  | 'USER';

export type ScheduleReportInput = {
  cadence: ReportCadence;
  format?: ReportFormat;
  /** Its parameters, as for GET /reports/<name> (for example {"days": 45}). */
  params?: unknown;
  /** 1 to 20 mail addresses in the tenant's domains. */
  recipients: Array<string>;
  /** A report of GET /reports/<name>: inventory, dormant, survived-reset, credential-changes, policy-exceptions, sign-ins-by-protocol, access-review. */
  report: string;
};

export type SignInOutcome =
  | 'REJECTED'
  | 'USED';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StartAccessReviewInput = {
  /** When undecided items are settled and the review completes; within a year. */
  dueAt: string;
  /** Which app passwords: every ACTIVE one it matches, fixed at the start. Default: every active one. */
  filter?: AppPasswordFilter | null | undefined;
  name: string;
  /** Repeat: a review with the same name, filter, reviewers and duration starts this many days after this one (7 to 366, longer than it runs), drawn with the starter's rights. Default: once. */
  recurEveryDays?: number | null | undefined;
  /** Who decides. Default: the tenant's global admins. */
  reviewerIds?: Array<string | number> | null | undefined;
  /** Revoke, as system:access-review, what is still undecided at dueAt. */
  revokeUndecided?: boolean | null | undefined;
};

export type TenantPolicyInput = {
  allowedScopes: Array<AppPasswordScope>;
  /** Left out: unchanged. */
  consoleMfaRoles?: Array<Role> | null | undefined;
  idleRevocationDays?: number | null | undefined;
  isMfaRequired: boolean;
  /** Left out: unchanged. Turning it off needs a session that single sign-on opened (POLICY_VIOLATION otherwise), so that it is known to work. */
  isPasswordSignInAllowed?: boolean | null | undefined;
  maxActivePerUser: number;
  /** Left out: unchanged. */
  maxApiTokenDays?: number | null | undefined;
  maxLifetimeDays: number;
  /** Left out: unchanged. */
  mfaGraceDays?: number | null | undefined;
  revokesOnDisable: boolean;
  revokesOnPasswordReset: boolean;
};

export type UserFilter = {
  isEnabled?: boolean | null | undefined;
  role?: Role | null | undefined;
  /** Part of the principal name or display name. */
  search?: string | null | undefined;
};

export type AppPasswordRowFragment = { id: string, label: string, status: AppPasswordStatus, scopes: Array<AppPasswordScope>, createdAt: string, createdBy: string, expiresAt: string | null, lastUsedAt: string | null, lastUsedIp: string | null, lastUsedProtocol: string | null, lastUsedClient: string | null, useCount: number, revokedAt: string | null, revokedBy: string | null, revokeReason: string | null, user: { id: string, userPrincipalName: string } };

export type SignInPageFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { occurredAt: string, outcome: SignInOutcome, reason: string | null, protocol: string | null, sourceIp: string | null, client: string | null, appPasswordId: string | null } }> };

export type AppPasswordsQueryVariables = Exact<{
  filter?: AppPasswordFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  sort?: AppPasswordSort | null | undefined;
}>;


export type AppPasswordsQuery = { appPasswords: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, label: string, status: AppPasswordStatus, scopes: Array<AppPasswordScope>, createdAt: string, createdBy: string, expiresAt: string | null, lastUsedAt: string | null, lastUsedIp: string | null, lastUsedProtocol: string | null, lastUsedClient: string | null, useCount: number, revokedAt: string | null, revokedBy: string | null, revokeReason: string | null, user: { id: string, userPrincipalName: string } } }> } };

export type AppPasswordsAsOfQueryVariables = Exact<{
  at: string;
  filter?: AppPasswordFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  sort?: AppPasswordSort | null | undefined;
}>;


export type AppPasswordsAsOfQuery = { appPasswordsAsOf: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, label: string, status: AppPasswordStatus, scopes: Array<AppPasswordScope>, createdAt: string, createdBy: string, expiresAt: string | null, lastUsedAt: string | null, lastUsedIp: string | null, lastUsedProtocol: string | null, lastUsedClient: string | null, useCount: number, revokedAt: string | null, revokedBy: string | null, revokeReason: string | null, user: { id: string, userPrincipalName: string } } }> } };

export type AppPasswordQueryVariables = Exact<{
  id: string | number;
  days: number;
}>;


export type AppPasswordQuery = { appPassword: { id: string, label: string, status: AppPasswordStatus, scopes: Array<AppPasswordScope>, createdAt: string, createdBy: string, expiresAt: string | null, lastUsedAt: string | null, lastUsedIp: string | null, lastUsedProtocol: string | null, lastUsedClient: string | null, useCount: number, revokedAt: string | null, revokedBy: string | null, revokeReason: string | null, usage: { addresses: Array<{ sourceIp: string, firstSeen: string, lastSeen: string, uses: number, rejections: number }>, perDay: Array<{ day: string, uses: number, rejections: number }> }, user: { id: string, userPrincipalName: string } } | null };

export type LifecycleQueryVariables = Exact<{
  streamId: string;
}>;


export type LifecycleQuery = { auditEvents: { edges: Array<{ node: { id: string, type: string, occurredAt: string, actorName: string, data: unknown } }> } };

export type CredentialSignInsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CredentialSignInsQuery = { appPassword: { signIns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { occurredAt: string, outcome: SignInOutcome, reason: string | null, protocol: string | null, sourceIp: string | null, client: string | null, appPasswordId: string | null } }> } } | null };

export type UserSignInsQueryVariables = Exact<{
  id: string | number;
  outcome?: SignInOutcome | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UserSignInsQuery = { user: { signIns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { occurredAt: string, outcome: SignInOutcome, reason: string | null, protocol: string | null, sourceIp: string | null, client: string | null, appPasswordId: string | null } }> } } | null };

export type GenerateMutationVariables = Exact<{
  input: GenerateAppPasswordInput;
}>;


export type GenerateMutation = { generateAppPassword: { secret: string, appleProfileUrl: string | null, appPassword: { id: string, label: string, user: { userPrincipalName: string } } } };

export type RevokeMutationVariables = Exact<{
  input: RevokeAppPasswordInput;
}>;


export type RevokeMutation = { revokeAppPassword: { id: string, status: AppPasswordStatus } };

export type RevokeAllMutationVariables = Exact<{
  input: RevokeUserAppPasswordsInput;
}>;


export type RevokeAllMutation = { revokeUserAppPasswords: Array<{ id: string }> };

export type UsersForPickerQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type UsersForPickerQuery = { users: { edges: Array<{ node: { id: string, userPrincipalName: string } }> } };

export type AllowedScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type AllowedScopesQuery = { tenantPolicy: { allowedScopes: Array<AppPasswordScope>, maxLifetimeDays: number }, mailServers: { imap: { host: string, port: number, security: MailSecurity } | null, pop: { host: string, port: number, security: MailSecurity } | null, submission: { host: string, port: number, security: MailSecurity } | null } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { dashboard: { counts: { active: number, expiringSoon: number, unused30Days: number, neverUsed: number, revokedThisWeek: number, rejectedLast24Hours: number }, signInsPerDay: Array<{ day: string, key: string, count: number }>, rejectionsPerDay: Array<{ day: string, key: string, count: number }>, activePerDay: Array<{ day: string, count: number }> } };

export type AccessReviewFieldsFragment = { id: string, name: string, status: AccessReviewStatus, startedAt: string, startedBy: string, dueAt: string, completedAt: string | null, revokeUndecided: boolean, reviewerIds: Array<string>, filter: string, total: number, kept: number, revoked: number, undecided: number, recurEveryDays: number | null, nextStartsAt: string | null, previousReviewId: string | null, nextReviewId: string | null };

export type AccessReviewItemFieldsFragment = { id: string, reviewId: string, appPasswordId: string, userId: string, userPrincipalName: string, label: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, usesLast30Days: number, recommendation: AccessDecision, decision: AccessDecision | null, justification: string | null, decidedBy: string | null, decidedAt: string | null, attestedAt: string | null, attestationNote: string | null };

export type AccessReviewsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessReviewsQuery = { accessReviews: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, status: AccessReviewStatus, startedAt: string, startedBy: string, dueAt: string, completedAt: string | null, revokeUndecided: boolean, reviewerIds: Array<string>, filter: string, total: number, kept: number, revoked: number, undecided: number, recurEveryDays: number | null, nextStartsAt: string | null, previousReviewId: string | null, nextReviewId: string | null } }> } };

export type AccessReviewQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessReviewQuery = { accessReview: { id: string, name: string, status: AccessReviewStatus, startedAt: string, startedBy: string, dueAt: string, completedAt: string | null, revokeUndecided: boolean, reviewerIds: Array<string>, filter: string, total: number, kept: number, revoked: number, undecided: number, recurEveryDays: number | null, nextStartsAt: string | null, previousReviewId: string | null, nextReviewId: string | null } | null };

export type AccessReviewItemsQueryVariables = Exact<{
  id: string | number;
  selection?: AccessReviewItemSelection | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessReviewItemsQuery = { accessReview: { id: string, items: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reviewId: string, appPasswordId: string, userId: string, userPrincipalName: string, label: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, usesLast30Days: number, recommendation: AccessDecision, decision: AccessDecision | null, justification: string | null, decidedBy: string | null, decidedAt: string | null, attestedAt: string | null, attestationNote: string | null } }> } } | null };

export type StartAccessReviewMutationVariables = Exact<{
  input: StartAccessReviewInput;
}>;


export type StartAccessReviewMutation = { startAccessReview: { id: string, name: string, status: AccessReviewStatus, startedAt: string, startedBy: string, dueAt: string, completedAt: string | null, revokeUndecided: boolean, reviewerIds: Array<string>, filter: string, total: number, kept: number, revoked: number, undecided: number, recurEveryDays: number | null, nextStartsAt: string | null, previousReviewId: string | null, nextReviewId: string | null } };

export type StopAccessReviewRecurrenceMutationVariables = Exact<{
  reviewId: string | number;
}>;


export type StopAccessReviewRecurrenceMutation = { stopAccessReviewRecurrence: { id: string, name: string, status: AccessReviewStatus, startedAt: string, startedBy: string, dueAt: string, completedAt: string | null, revokeUndecided: boolean, reviewerIds: Array<string>, filter: string, total: number, kept: number, revoked: number, undecided: number, recurEveryDays: number | null, nextStartsAt: string | null, previousReviewId: string | null, nextReviewId: string | null } };

export type DecideAccessReviewItemMutationVariables = Exact<{
  input: DecideAccessReviewItemInput;
}>;


export type DecideAccessReviewItemMutation = { decideAccessReviewItem: { id: string, reviewId: string, appPasswordId: string, userId: string, userPrincipalName: string, label: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, usesLast30Days: number, recommendation: AccessDecision, decision: AccessDecision | null, justification: string | null, decidedBy: string | null, decidedAt: string | null, attestedAt: string | null, attestationNote: string | null } };

export type DecideAccessReviewItemsMutationVariables = Exact<{
  input: DecideAccessReviewItemsInput;
}>;


export type DecideAccessReviewItemsMutation = { decideAccessReviewItems: Array<{ id: string, reviewId: string, appPasswordId: string, userId: string, userPrincipalName: string, label: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, usesLast30Days: number, recommendation: AccessDecision, decision: AccessDecision | null, justification: string | null, decidedBy: string | null, decidedAt: string | null, attestedAt: string | null, attestationNote: string | null }> };

export type AttestAccessReviewItemMutationVariables = Exact<{
  input: AttestAccessReviewItemInput;
}>;


export type AttestAccessReviewItemMutation = { attestAccessReviewItem: { id: string, reviewId: string, appPasswordId: string, userId: string, userPrincipalName: string, label: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, usesLast30Days: number, recommendation: AccessDecision, decision: AccessDecision | null, justification: string | null, decidedBy: string | null, decidedAt: string | null, attestedAt: string | null, attestationNote: string | null } };

export type ReviewerNameQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewerNameQuery = { user: { id: string, userPrincipalName: string } | null };

export type ReportScheduleFieldsFragment = { id: string, report: string, params: unknown, format: ReportFormat, cadence: ReportCadence, recipients: Array<string>, ownerId: string, firstRunAt: string, isActive: boolean, cancelledAt: string | null, nextRunAt: string | null };

export type ReportSchedulesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReportSchedulesQuery = { reportSchedules: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, report: string, params: unknown, format: ReportFormat, cadence: ReportCadence, recipients: Array<string>, ownerId: string, firstRunAt: string, isActive: boolean, cancelledAt: string | null, nextRunAt: string | null } }> } };

export type ScheduleReportMutationVariables = Exact<{
  input: ScheduleReportInput;
}>;


export type ScheduleReportMutation = { scheduleReport: { id: string, report: string, params: unknown, format: ReportFormat, cadence: ReportCadence, recipients: Array<string>, ownerId: string, firstRunAt: string, isActive: boolean, cancelledAt: string | null, nextRunAt: string | null } };

export type CancelReportScheduleMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelReportScheduleMutation = { cancelReportSchedule: { id: string, report: string, params: unknown, format: ReportFormat, cadence: ReportCadence, recipients: Array<string>, ownerId: string, firstRunAt: string, isActive: boolean, cancelledAt: string | null, nextRunAt: string | null } };

export type AuditQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, type: string, occurredAt: string, actor: string, actorName: string, streamId: string, data: unknown } }> } };

export type ApiTokenRowFragment = { id: string, name: string, role: Role, userId: string, status: ApiTokenStatus, createdAt: string, expiresAt: string, lastUsedAt: string | null };

export type ApiTokensQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApiTokensQuery = { apiTokens: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, role: Role, userId: string, status: ApiTokenStatus, createdAt: string, expiresAt: string, lastUsedAt: string | null } }> } };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string, role: Role, userId: string, status: ApiTokenStatus, createdAt: string, expiresAt: string, lastUsedAt: string | null } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, name: string, role: Role, userId: string, status: ApiTokenStatus, createdAt: string, expiresAt: string, lastUsedAt: string | null } };

export type TenantPolicyFieldsFragment = { maxActivePerUser: number, maxLifetimeDays: number, idleRevocationDays: number | null, allowedScopes: Array<AppPasswordScope>, isMfaRequired: boolean, revokesOnPasswordReset: boolean, revokesOnDisable: boolean, maxApiTokenDays: number, isPasswordSignInAllowed: boolean, consoleMfaRoles: Array<Role>, mfaGraceDays: number };

export type PolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyQuery = { tenantPolicy: { maxActivePerUser: number, maxLifetimeDays: number, idleRevocationDays: number | null, allowedScopes: Array<AppPasswordScope>, isMfaRequired: boolean, revokesOnPasswordReset: boolean, revokesOnDisable: boolean, maxApiTokenDays: number, isPasswordSignInAllowed: boolean, consoleMfaRoles: Array<Role>, mfaGraceDays: number } };

export type PolicyChangesQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyChangesQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, occurredAt: string, actorName: string } }> } };

export type ChangePolicyMutationVariables = Exact<{
  input: TenantPolicyInput;
}>;


export type ChangePolicyMutation = { changeTenantPolicy: { maxActivePerUser: number, maxLifetimeDays: number, idleRevocationDays: number | null, allowedScopes: Array<AppPasswordScope>, isMfaRequired: boolean, revokesOnPasswordReset: boolean, revokesOnDisable: boolean, maxApiTokenDays: number, isPasswordSignInAllowed: boolean, consoleMfaRoles: Array<Role>, mfaGraceDays: number } };

export type MailServersFieldsFragment = { isTenantSpecific: boolean, imap: { host: string, port: number, security: MailSecurity } | null, pop: { host: string, port: number, security: MailSecurity } | null, submission: { host: string, port: number, security: MailSecurity } | null };

export type MailServersQueryVariables = Exact<{ [key: string]: never; }>;


export type MailServersQuery = { mailServers: { isTenantSpecific: boolean, imap: { host: string, port: number, security: MailSecurity } | null, pop: { host: string, port: number, security: MailSecurity } | null, submission: { host: string, port: number, security: MailSecurity } | null } };

export type ChangeMailServersMutationVariables = Exact<{
  input: MailServersInput;
}>;


export type ChangeMailServersMutation = { changeMailServers: { isTenantSpecific: boolean, imap: { host: string, port: number, security: MailSecurity } | null, pop: { host: string, port: number, security: MailSecurity } | null, submission: { host: string, port: number, security: MailSecurity } | null } };

export type SecondFactorsFieldsFragment = { totp: boolean, recoveryCodesLeft: number, mfaSources: Array<MfaSource>, status: ConsoleMfaStatus, deadline: string | null, passkeys: Array<{ id: string, name: string }> };

export type MySecondFactorsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySecondFactorsQuery = { me: { id: string, secondFactors: { totp: boolean, recoveryCodesLeft: number, mfaSources: Array<MfaSource>, status: ConsoleMfaStatus, deadline: string | null, passkeys: Array<{ id: string, name: string }> } } };

export type SecondFactorsOfUserQueryVariables = Exact<{
  id: string | number;
}>;


export type SecondFactorsOfUserQuery = { user: { id: string, secondFactors: { totp: boolean, recoveryCodesLeft: number, mfaSources: Array<MfaSource>, status: ConsoleMfaStatus, deadline: string | null, passkeys: Array<{ id: string, name: string }> } } | null };

export type MyNoticePreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNoticePreferencesQuery = { me: { id: string, expiryReminders: boolean | null } };

export type ChangeNoticePreferencesMutationVariables = Exact<{
  expiryReminders: boolean;
}>;


export type ChangeNoticePreferencesMutation = { changeNoticePreferences: { id: string, expiryReminders: boolean | null } };

export type BeginTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrollmentMutation = { beginTotpEnrollment: { secret: string, otpauthUri: string, qrCodeSvg: string, recoveryCodes: Array<string> } };

export type ConfirmTotpEnrollmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrollmentMutation = { confirmTotpEnrollment: { id: string, mfaRegistered: boolean } };

export type BeginPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyRegistrationMutation = { beginPasskeyRegistration: unknown };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  response: unknown;
  name?: string | null | undefined;
}>;


export type FinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { id: string, mfaRegistered: boolean } };

export type ResetSecondFactorsMutationVariables = Exact<{
  input: ResetSecondFactorsInput;
}>;


export type ResetSecondFactorsMutation = { resetSecondFactors: { id: string, mfaRegistered: boolean } };

export type UserRowFragment = { id: string, userPrincipalName: string, displayName: string, roles: Array<Role>, mfaRegistered: boolean, isEnabled: boolean };

export type UsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, userPrincipalName: string, displayName: string, roles: Array<Role>, mfaRegistered: boolean, isEnabled: boolean } }> } };

export type UserQueryVariables = Exact<{
  id: string | number;
}>;


export type UserQuery = { user: { id: string, userPrincipalName: string, displayName: string, roles: Array<Role>, mfaRegistered: boolean, isEnabled: boolean } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, userPrincipalName: string } };

export type EnableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableUserMutation = { enableUser: { id: string, isEnabled: boolean } };

export type DisableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableUserMutation = { disableUser: { id: string, isEnabled: boolean } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetUserPasswordInput;
}>;


export type ResetPasswordMutation = { resetUserPassword: { id: string } };

export type AlertFieldsFragment = { id: string, kind: AlertKind, severity: AlertSeverity, firstSeenAt: string, lastSeenAt: string, count: number, userPrincipalName: string | null, sourceIp: string | null, sourceNetwork: string | null, accounts: number | null, credentialStatus: string | null, acknowledged: boolean, acknowledgedAt: string | null, acknowledgedBy: string | null, appPassword: { id: string, label: string, status: AppPasswordStatus } | null, user: { id: string, userPrincipalName: string } | null };

export type AlertsQueryVariables = Exact<{
  filter?: AlertFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AlertsQuery = { alerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: AlertKind, severity: AlertSeverity, firstSeenAt: string, lastSeenAt: string, count: number, userPrincipalName: string | null, sourceIp: string | null, sourceNetwork: string | null, accounts: number | null, credentialStatus: string | null, acknowledged: boolean, acknowledgedAt: string | null, acknowledgedBy: string | null, appPassword: { id: string, label: string, status: AppPasswordStatus } | null, user: { id: string, userPrincipalName: string } | null } }> } };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, kind: AlertKind, severity: AlertSeverity, firstSeenAt: string, lastSeenAt: string, count: number, userPrincipalName: string | null, sourceIp: string | null, sourceNetwork: string | null, accounts: number | null, credentialStatus: string | null, acknowledged: boolean, acknowledgedAt: string | null, acknowledgedBy: string | null, appPassword: { id: string, label: string, status: AppPasswordStatus } | null, user: { id: string, userPrincipalName: string } | null } };

export type CaseCredentialFragment = { id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } };

export type CaseFieldsFragment = { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> };

export type RevokeAppPasswordsMutationVariables = Exact<{
  input: BulkRevokeInput;
}>;


export type RevokeAppPasswordsMutation = { revokeAppPasswords: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> } };

export type SuspendAppPasswordsMutationVariables = Exact<{
  input: BulkRevokeInput;
}>;


export type SuspendAppPasswordsMutation = { suspendAppPasswords: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> } };

export type RevocationCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type RevocationCaseQuery = { revocationCase: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> } | null };

export type CaseOutcomesQueryVariables = Exact<{
  id: string | number;
  outcome?: RevocationOutcomeKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseOutcomesQuery = { revocationCase: { outcomes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { appPasswordId: string, outcome: RevocationOutcomeKind, detail: string | null, recordedAt: string, appPassword: { id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } } | null } }> } } | null };

export type RevocationCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RevocationCasesQuery = { revocationCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, finishedAt: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null } }> } };

export type CancelRevocationCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelRevocationCaseMutation = { cancelRevocationCase: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> } };

export type ReinstateAppPasswordsMutationVariables = Exact<{
  input: ReinstateAppPasswordsInput;
}>;


export type ReinstateAppPasswordsMutation = { reinstateAppPasswords: { id: string, action: RevocationCaseAction, status: RevocationCaseStatus, reason: string, incidentRef: string, requestedBy: string, requestedAt: string, matched: number, revoked: number, alreadyRevoked: number, failed: number, recentlyUsed: number, usersAffected: number, finishedAt: string | null, cancelledBy: string | null, reinstatement: { status: ReinstatementStatus, reinstated: number | null } | null, sample: Array<{ id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { userPrincipalName: string } }> } };

export type ActorNameQueryVariables = Exact<{
  id: string | number;
}>;


export type ActorNameQuery = { user: { userPrincipalName: string } | null };

export type ScanForLeakedAppPasswordsMutationVariables = Exact<{
  text: string;
}>;


export type ScanForLeakedAppPasswordsMutation = { scanForLeakedAppPasswords: { id: string, scannedAt: string, candidates: number, provenActiveIds: Array<string>, matches: Array<{ proven: boolean, appPassword: { id: string, label: string, status: AppPasswordStatus, lastUsedAt: string | null, user: { id: string, userPrincipalName: string } } }> } };

export type DeadLettersQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadLettersQuery = { deadLetters: Array<{ id: string, subscriber: string, eventId: string, type: string, streamId: string, occurredAt: string, attempts: number, lastError: string, parkedAt: string }> };

export type RetryDeadLetterMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryDeadLetterMutation = { retryDeadLetter: { isResolved: boolean, deadLetter: { id: string, attempts: number, lastError: string } | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, userPrincipalName: string, displayName: string, roles: Array<Role>, sessionSignInMethod: string | null, permissions: Array<{ permission: string, scope: PermissionScope }>, secondFactors: { status: ConsoleMfaStatus, deadline: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AppPasswordRowFragmentDoc = new TypedDocumentString(`
    fragment AppPasswordRow on AppPassword {
  id
  label
  status
  scopes
  createdAt
  createdBy
  expiresAt
  lastUsedAt
  lastUsedIp
  lastUsedProtocol
  lastUsedClient
  useCount
  revokedAt
  revokedBy
  revokeReason
  user {
    id
    userPrincipalName
  }
}
    `, {"fragmentName":"AppPasswordRow"}) as unknown as TypedDocumentString<AppPasswordRowFragment, unknown>;
export const SignInPageFragmentDoc = new TypedDocumentString(`
    fragment SignInPage on SignInAttemptConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      occurredAt
      outcome
      reason
      protocol
      sourceIp
      client
      appPasswordId
    }
  }
}
    `, {"fragmentName":"SignInPage"}) as unknown as TypedDocumentString<SignInPageFragment, unknown>;
export const AccessReviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccessReviewFields on AccessReview {
  id
  name
  status
  startedAt
  startedBy
  dueAt
  completedAt
  revokeUndecided
  reviewerIds
  filter
  total
  kept
  revoked
  undecided
  recurEveryDays
  nextStartsAt
  previousReviewId
  nextReviewId
}
    `, {"fragmentName":"AccessReviewFields"}) as unknown as TypedDocumentString<AccessReviewFieldsFragment, unknown>;
export const AccessReviewItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccessReviewItemFields on AccessReviewItem {
  id
  reviewId
  appPasswordId
  userId
  userPrincipalName
  label
  scopes
  createdAt
  lastUsedAt
  usesLast30Days
  recommendation
  decision
  justification
  decidedBy
  decidedAt
  attestedAt
  attestationNote
}
    `, {"fragmentName":"AccessReviewItemFields"}) as unknown as TypedDocumentString<AccessReviewItemFieldsFragment, unknown>;
export const ReportScheduleFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportScheduleFields on ReportSchedule {
  id
  report
  params
  format
  cadence
  recipients
  ownerId
  firstRunAt
  isActive
  cancelledAt
  nextRunAt
}
    `, {"fragmentName":"ReportScheduleFields"}) as unknown as TypedDocumentString<ReportScheduleFieldsFragment, unknown>;
export const ApiTokenRowFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenRow on ApiToken {
  id
  name
  role
  userId
  status
  createdAt
  expiresAt
  lastUsedAt
}
    `, {"fragmentName":"ApiTokenRow"}) as unknown as TypedDocumentString<ApiTokenRowFragment, unknown>;
export const TenantPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment TenantPolicyFields on TenantPolicy {
  maxActivePerUser
  maxLifetimeDays
  idleRevocationDays
  allowedScopes
  isMfaRequired
  revokesOnPasswordReset
  revokesOnDisable
  maxApiTokenDays
  isPasswordSignInAllowed
  consoleMfaRoles
  mfaGraceDays
}
    `, {"fragmentName":"TenantPolicyFields"}) as unknown as TypedDocumentString<TenantPolicyFieldsFragment, unknown>;
export const MailServersFieldsFragmentDoc = new TypedDocumentString(`
    fragment MailServersFields on MailServers {
  isTenantSpecific
  imap {
    host
    port
    security
  }
  pop {
    host
    port
    security
  }
  submission {
    host
    port
    security
  }
}
    `, {"fragmentName":"MailServersFields"}) as unknown as TypedDocumentString<MailServersFieldsFragment, unknown>;
export const SecondFactorsFieldsFragmentDoc = new TypedDocumentString(`
    fragment SecondFactorsFields on SecondFactors {
  totp
  recoveryCodesLeft
  passkeys {
    id
    name
  }
  mfaSources
  status
  deadline
}
    `, {"fragmentName":"SecondFactorsFields"}) as unknown as TypedDocumentString<SecondFactorsFieldsFragment, unknown>;
export const UserRowFragmentDoc = new TypedDocumentString(`
    fragment UserRow on User {
  id
  userPrincipalName
  displayName
  roles
  mfaRegistered
  isEnabled
}
    `, {"fragmentName":"UserRow"}) as unknown as TypedDocumentString<UserRowFragment, unknown>;
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on Alert {
  id
  kind
  severity
  firstSeenAt
  lastSeenAt
  count
  appPassword {
    id
    label
    status
  }
  user {
    id
    userPrincipalName
  }
  userPrincipalName
  sourceIp
  sourceNetwork
  accounts
  credentialStatus
  acknowledged
  acknowledgedAt
  acknowledgedBy
}
    `, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const CaseCredentialFragmentDoc = new TypedDocumentString(`
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
    `, {"fragmentName":"CaseCredential"}) as unknown as TypedDocumentString<CaseCredentialFragment, unknown>;
export const CaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}`, {"fragmentName":"CaseFields"}) as unknown as TypedDocumentString<CaseFieldsFragment, unknown>;
export const AppPasswordsDocument = new TypedDocumentString(`
    query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
  appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AppPasswordRow
      }
    }
  }
}
    fragment AppPasswordRow on AppPassword {
  id
  label
  status
  scopes
  createdAt
  createdBy
  expiresAt
  lastUsedAt
  lastUsedIp
  lastUsedProtocol
  lastUsedClient
  useCount
  revokedAt
  revokedBy
  revokeReason
  user {
    id
    userPrincipalName
  }
}`) as unknown as TypedDocumentString<AppPasswordsQuery, AppPasswordsQueryVariables>;
export const AppPasswordsAsOfDocument = new TypedDocumentString(`
    query AppPasswordsAsOf($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
  appPasswordsAsOf(
    at: $at
    filter: $filter
    first: $first
    after: $after
    sort: $sort
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AppPasswordRow
      }
    }
  }
}
    fragment AppPasswordRow on AppPassword {
  id
  label
  status
  scopes
  createdAt
  createdBy
  expiresAt
  lastUsedAt
  lastUsedIp
  lastUsedProtocol
  lastUsedClient
  useCount
  revokedAt
  revokedBy
  revokeReason
  user {
    id
    userPrincipalName
  }
}`) as unknown as TypedDocumentString<AppPasswordsAsOfQuery, AppPasswordsAsOfQueryVariables>;
export const AppPasswordDocument = new TypedDocumentString(`
    query AppPassword($id: ID!, $days: Int!) {
  appPassword(id: $id) {
    ...AppPasswordRow
    usage(days: $days) {
      addresses {
        sourceIp
        firstSeen
        lastSeen
        uses
        rejections
      }
      perDay {
        day
        uses
        rejections
      }
    }
  }
}
    fragment AppPasswordRow on AppPassword {
  id
  label
  status
  scopes
  createdAt
  createdBy
  expiresAt
  lastUsedAt
  lastUsedIp
  lastUsedProtocol
  lastUsedClient
  useCount
  revokedAt
  revokedBy
  revokeReason
  user {
    id
    userPrincipalName
  }
}`) as unknown as TypedDocumentString<AppPasswordQuery, AppPasswordQueryVariables>;
export const LifecycleDocument = new TypedDocumentString(`
    query Lifecycle($streamId: String!) {
  auditEvents(filter: {streamId: $streamId}, first: 200) {
    edges {
      node {
        id
        type
        occurredAt
        actorName
        data
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LifecycleQuery, LifecycleQueryVariables>;
export const CredentialSignInsDocument = new TypedDocumentString(`
    query CredentialSignIns($id: ID!, $first: Int, $after: String) {
  appPassword(id: $id) {
    signIns(first: $first, after: $after) {
      ...SignInPage
    }
  }
}
    fragment SignInPage on SignInAttemptConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      occurredAt
      outcome
      reason
      protocol
      sourceIp
      client
      appPasswordId
    }
  }
}`) as unknown as TypedDocumentString<CredentialSignInsQuery, CredentialSignInsQueryVariables>;
export const UserSignInsDocument = new TypedDocumentString(`
    query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {
  user(id: $id) {
    signIns(outcome: $outcome, first: $first, after: $after) {
      ...SignInPage
    }
  }
}
    fragment SignInPage on SignInAttemptConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      occurredAt
      outcome
      reason
      protocol
      sourceIp
      client
      appPasswordId
    }
  }
}`) as unknown as TypedDocumentString<UserSignInsQuery, UserSignInsQueryVariables>;
export const GenerateDocument = new TypedDocumentString(`
    mutation Generate($input: GenerateAppPasswordInput!) {
  generateAppPassword(input: $input) {
    secret
    appleProfileUrl
    appPassword {
      id
      label
      user {
        userPrincipalName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GenerateMutation, GenerateMutationVariables>;
export const RevokeDocument = new TypedDocumentString(`
    mutation Revoke($input: RevokeAppPasswordInput!) {
  revokeAppPassword(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeMutation, RevokeMutationVariables>;
export const RevokeAllDocument = new TypedDocumentString(`
    mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {
  revokeUserAppPasswords(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RevokeAllMutation, RevokeAllMutationVariables>;
export const UsersForPickerDocument = new TypedDocumentString(`
    query UsersForPicker($filter: UserFilter, $first: Int) {
  users(filter: $filter, first: $first) {
    edges {
      node {
        id
        userPrincipalName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsersForPickerQuery, UsersForPickerQueryVariables>;
export const AllowedScopesDocument = new TypedDocumentString(`
    query AllowedScopes {
  tenantPolicy {
    allowedScopes
    maxLifetimeDays
  }
  mailServers {
    imap {
      host
      port
      security
    }
    pop {
      host
      port
      security
    }
    submission {
      host
      port
      security
    }
  }
}
    `) as unknown as TypedDocumentString<AllowedScopesQuery, AllowedScopesQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard {
  dashboard {
    counts {
      active
      expiringSoon
      unused30Days
      neverUsed
      revokedThisWeek
      rejectedLast24Hours
    }
    signInsPerDay {
      day
      key
      count
    }
    rejectionsPerDay {
      day
      key
      count
    }
    activePerDay {
      day
      count
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const AccessReviewsDocument = new TypedDocumentString(`
    query AccessReviews($first: Int, $after: String) {
  accessReviews(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AccessReviewFields
      }
    }
  }
}
    fragment AccessReviewFields on AccessReview {
  id
  name
  status
  startedAt
  startedBy
  dueAt
  completedAt
  revokeUndecided
  reviewerIds
  filter
  total
  kept
  revoked
  undecided
  recurEveryDays
  nextStartsAt
  previousReviewId
  nextReviewId
}`) as unknown as TypedDocumentString<AccessReviewsQuery, AccessReviewsQueryVariables>;
export const AccessReviewDocument = new TypedDocumentString(`
    query AccessReview($id: ID!) {
  accessReview(id: $id) {
    ...AccessReviewFields
  }
}
    fragment AccessReviewFields on AccessReview {
  id
  name
  status
  startedAt
  startedBy
  dueAt
  completedAt
  revokeUndecided
  reviewerIds
  filter
  total
  kept
  revoked
  undecided
  recurEveryDays
  nextStartsAt
  previousReviewId
  nextReviewId
}`) as unknown as TypedDocumentString<AccessReviewQuery, AccessReviewQueryVariables>;
export const AccessReviewItemsDocument = new TypedDocumentString(`
    query AccessReviewItems($id: ID!, $selection: AccessReviewItemSelection, $first: Int, $after: String) {
  accessReview(id: $id) {
    id
    items(selection: $selection, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AccessReviewItemFields
        }
      }
    }
  }
}
    fragment AccessReviewItemFields on AccessReviewItem {
  id
  reviewId
  appPasswordId
  userId
  userPrincipalName
  label
  scopes
  createdAt
  lastUsedAt
  usesLast30Days
  recommendation
  decision
  justification
  decidedBy
  decidedAt
  attestedAt
  attestationNote
}`) as unknown as TypedDocumentString<AccessReviewItemsQuery, AccessReviewItemsQueryVariables>;
export const StartAccessReviewDocument = new TypedDocumentString(`
    mutation StartAccessReview($input: StartAccessReviewInput!) {
  startAccessReview(input: $input) {
    ...AccessReviewFields
  }
}
    fragment AccessReviewFields on AccessReview {
  id
  name
  status
  startedAt
  startedBy
  dueAt
  completedAt
  revokeUndecided
  reviewerIds
  filter
  total
  kept
  revoked
  undecided
  recurEveryDays
  nextStartsAt
  previousReviewId
  nextReviewId
}`) as unknown as TypedDocumentString<StartAccessReviewMutation, StartAccessReviewMutationVariables>;
export const StopAccessReviewRecurrenceDocument = new TypedDocumentString(`
    mutation StopAccessReviewRecurrence($reviewId: ID!) {
  stopAccessReviewRecurrence(reviewId: $reviewId) {
    ...AccessReviewFields
  }
}
    fragment AccessReviewFields on AccessReview {
  id
  name
  status
  startedAt
  startedBy
  dueAt
  completedAt
  revokeUndecided
  reviewerIds
  filter
  total
  kept
  revoked
  undecided
  recurEveryDays
  nextStartsAt
  previousReviewId
  nextReviewId
}`) as unknown as TypedDocumentString<StopAccessReviewRecurrenceMutation, StopAccessReviewRecurrenceMutationVariables>;
export const DecideAccessReviewItemDocument = new TypedDocumentString(`
    mutation DecideAccessReviewItem($input: DecideAccessReviewItemInput!) {
  decideAccessReviewItem(input: $input) {
    ...AccessReviewItemFields
  }
}
    fragment AccessReviewItemFields on AccessReviewItem {
  id
  reviewId
  appPasswordId
  userId
  userPrincipalName
  label
  scopes
  createdAt
  lastUsedAt
  usesLast30Days
  recommendation
  decision
  justification
  decidedBy
  decidedAt
  attestedAt
  attestationNote
}`) as unknown as TypedDocumentString<DecideAccessReviewItemMutation, DecideAccessReviewItemMutationVariables>;
export const DecideAccessReviewItemsDocument = new TypedDocumentString(`
    mutation DecideAccessReviewItems($input: DecideAccessReviewItemsInput!) {
  decideAccessReviewItems(input: $input) {
    ...AccessReviewItemFields
  }
}
    fragment AccessReviewItemFields on AccessReviewItem {
  id
  reviewId
  appPasswordId
  userId
  userPrincipalName
  label
  scopes
  createdAt
  lastUsedAt
  usesLast30Days
  recommendation
  decision
  justification
  decidedBy
  decidedAt
  attestedAt
  attestationNote
}`) as unknown as TypedDocumentString<DecideAccessReviewItemsMutation, DecideAccessReviewItemsMutationVariables>;
export const AttestAccessReviewItemDocument = new TypedDocumentString(`
    mutation AttestAccessReviewItem($input: AttestAccessReviewItemInput!) {
  attestAccessReviewItem(input: $input) {
    ...AccessReviewItemFields
  }
}
    fragment AccessReviewItemFields on AccessReviewItem {
  id
  reviewId
  appPasswordId
  userId
  userPrincipalName
  label
  scopes
  createdAt
  lastUsedAt
  usesLast30Days
  recommendation
  decision
  justification
  decidedBy
  decidedAt
  attestedAt
  attestationNote
}`) as unknown as TypedDocumentString<AttestAccessReviewItemMutation, AttestAccessReviewItemMutationVariables>;
export const ReviewerNameDocument = new TypedDocumentString(`
    query ReviewerName($id: ID!) {
  user(id: $id) {
    id
    userPrincipalName
  }
}
    `) as unknown as TypedDocumentString<ReviewerNameQuery, ReviewerNameQueryVariables>;
export const ReportSchedulesDocument = new TypedDocumentString(`
    query ReportSchedules($first: Int, $after: String) {
  reportSchedules(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ReportScheduleFields
      }
    }
  }
}
    fragment ReportScheduleFields on ReportSchedule {
  id
  report
  params
  format
  cadence
  recipients
  ownerId
  firstRunAt
  isActive
  cancelledAt
  nextRunAt
}`) as unknown as TypedDocumentString<ReportSchedulesQuery, ReportSchedulesQueryVariables>;
export const ScheduleReportDocument = new TypedDocumentString(`
    mutation ScheduleReport($input: ScheduleReportInput!) {
  scheduleReport(input: $input) {
    ...ReportScheduleFields
  }
}
    fragment ReportScheduleFields on ReportSchedule {
  id
  report
  params
  format
  cadence
  recipients
  ownerId
  firstRunAt
  isActive
  cancelledAt
  nextRunAt
}`) as unknown as TypedDocumentString<ScheduleReportMutation, ScheduleReportMutationVariables>;
export const CancelReportScheduleDocument = new TypedDocumentString(`
    mutation CancelReportSchedule($id: ID!) {
  cancelReportSchedule(id: $id) {
    ...ReportScheduleFields
  }
}
    fragment ReportScheduleFields on ReportSchedule {
  id
  report
  params
  format
  cadence
  recipients
  ownerId
  firstRunAt
  isActive
  cancelledAt
  nextRunAt
}`) as unknown as TypedDocumentString<CancelReportScheduleMutation, CancelReportScheduleMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
    query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        type
        occurredAt
        actor
        actorName
        streamId
        data
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens($first: Int, $after: String) {
  apiTokens(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ApiTokenRow
      }
    }
  }
}
    fragment ApiTokenRow on ApiToken {
  id
  name
  role
  userId
  status
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    apiToken {
      ...ApiTokenRow
    }
  }
}
    fragment ApiTokenRow on ApiToken {
  id
  name
  role
  userId
  status
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    ...ApiTokenRow
  }
}
    fragment ApiTokenRow on ApiToken {
  id
  name
  role
  userId
  status
  createdAt
  expiresAt
  lastUsedAt
}`) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const PolicyDocument = new TypedDocumentString(`
    query Policy {
  tenantPolicy {
    ...TenantPolicyFields
  }
}
    fragment TenantPolicyFields on TenantPolicy {
  maxActivePerUser
  maxLifetimeDays
  idleRevocationDays
  allowedScopes
  isMfaRequired
  revokesOnPasswordReset
  revokesOnDisable
  maxApiTokenDays
  isPasswordSignInAllowed
  consoleMfaRoles
  mfaGraceDays
}`) as unknown as TypedDocumentString<PolicyQuery, PolicyQueryVariables>;
export const PolicyChangesDocument = new TypedDocumentString(`
    query PolicyChanges {
  auditEvents(filter: {types: ["TenantPolicyChanged"]}, first: 200) {
    totalCount
    edges {
      node {
        id
        occurredAt
        actorName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PolicyChangesQuery, PolicyChangesQueryVariables>;
export const ChangePolicyDocument = new TypedDocumentString(`
    mutation ChangePolicy($input: TenantPolicyInput!) {
  changeTenantPolicy(input: $input) {
    ...TenantPolicyFields
  }
}
    fragment TenantPolicyFields on TenantPolicy {
  maxActivePerUser
  maxLifetimeDays
  idleRevocationDays
  allowedScopes
  isMfaRequired
  revokesOnPasswordReset
  revokesOnDisable
  maxApiTokenDays
  isPasswordSignInAllowed
  consoleMfaRoles
  mfaGraceDays
}`) as unknown as TypedDocumentString<ChangePolicyMutation, ChangePolicyMutationVariables>;
export const MailServersDocument = new TypedDocumentString(`
    query MailServers {
  mailServers {
    ...MailServersFields
  }
}
    fragment MailServersFields on MailServers {
  isTenantSpecific
  imap {
    host
    port
    security
  }
  pop {
    host
    port
    security
  }
  submission {
    host
    port
    security
  }
}`) as unknown as TypedDocumentString<MailServersQuery, MailServersQueryVariables>;
export const ChangeMailServersDocument = new TypedDocumentString(`
    mutation ChangeMailServers($input: MailServersInput!) {
  changeMailServers(input: $input) {
    ...MailServersFields
  }
}
    fragment MailServersFields on MailServers {
  isTenantSpecific
  imap {
    host
    port
    security
  }
  pop {
    host
    port
    security
  }
  submission {
    host
    port
    security
  }
}`) as unknown as TypedDocumentString<ChangeMailServersMutation, ChangeMailServersMutationVariables>;
export const MySecondFactorsDocument = new TypedDocumentString(`
    query MySecondFactors {
  me {
    id
    secondFactors {
      ...SecondFactorsFields
    }
  }
}
    fragment SecondFactorsFields on SecondFactors {
  totp
  recoveryCodesLeft
  passkeys {
    id
    name
  }
  mfaSources
  status
  deadline
}`) as unknown as TypedDocumentString<MySecondFactorsQuery, MySecondFactorsQueryVariables>;
export const SecondFactorsOfUserDocument = new TypedDocumentString(`
    query SecondFactorsOfUser($id: ID!) {
  user(id: $id) {
    id
    secondFactors {
      ...SecondFactorsFields
    }
  }
}
    fragment SecondFactorsFields on SecondFactors {
  totp
  recoveryCodesLeft
  passkeys {
    id
    name
  }
  mfaSources
  status
  deadline
}`) as unknown as TypedDocumentString<SecondFactorsOfUserQuery, SecondFactorsOfUserQueryVariables>;
export const MyNoticePreferencesDocument = new TypedDocumentString(`
    query MyNoticePreferences {
  me {
    id
    expiryReminders
  }
}
    `) as unknown as TypedDocumentString<MyNoticePreferencesQuery, MyNoticePreferencesQueryVariables>;
export const ChangeNoticePreferencesDocument = new TypedDocumentString(`
    mutation ChangeNoticePreferences($expiryReminders: Boolean!) {
  changeNoticePreferences(expiryReminders: $expiryReminders) {
    id
    expiryReminders
  }
}
    `) as unknown as TypedDocumentString<ChangeNoticePreferencesMutation, ChangeNoticePreferencesMutationVariables>;
export const BeginTotpEnrollmentDocument = new TypedDocumentString(`
    mutation BeginTotpEnrollment {
  beginTotpEnrollment {
    secret
    otpauthUri
    qrCodeSvg
    recoveryCodes
  }
}
    `) as unknown as TypedDocumentString<BeginTotpEnrollmentMutation, BeginTotpEnrollmentMutationVariables>;
export const ConfirmTotpEnrollmentDocument = new TypedDocumentString(`
    mutation ConfirmTotpEnrollment($code: String!) {
  confirmTotpEnrollment(code: $code) {
    id
    mfaRegistered
  }
}
    `) as unknown as TypedDocumentString<ConfirmTotpEnrollmentMutation, ConfirmTotpEnrollmentMutationVariables>;
export const BeginPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation BeginPasskeyRegistration {
  beginPasskeyRegistration
}
    `) as unknown as TypedDocumentString<BeginPasskeyRegistrationMutation, BeginPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($response: JSON!, $name: String) {
  finishPasskeyRegistration(response: $response, name: $name) {
    id
    mfaRegistered
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const ResetSecondFactorsDocument = new TypedDocumentString(`
    mutation ResetSecondFactors($input: ResetSecondFactorsInput!) {
  resetSecondFactors(input: $input) {
    id
    mfaRegistered
  }
}
    `) as unknown as TypedDocumentString<ResetSecondFactorsMutation, ResetSecondFactorsMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...UserRow
      }
    }
  }
}
    fragment UserRow on User {
  id
  userPrincipalName
  displayName
  roles
  mfaRegistered
  isEnabled
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($id: ID!) {
  user(id: $id) {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  userPrincipalName
  displayName
  roles
  mfaRegistered
  isEnabled
}`) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    userPrincipalName
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const EnableUserDocument = new TypedDocumentString(`
    mutation EnableUser($id: ID!) {
  enableUser(id: $id) {
    id
    isEnabled
  }
}
    `) as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const DisableUserDocument = new TypedDocumentString(`
    mutation DisableUser($id: ID!) {
  disableUser(id: $id) {
    id
    isEnabled
  }
}
    `) as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AlertFields
      }
    }
  }
}
    fragment AlertFields on Alert {
  id
  kind
  severity
  firstSeenAt
  lastSeenAt
  count
  appPassword {
    id
    label
    status
  }
  user {
    id
    userPrincipalName
  }
  userPrincipalName
  sourceIp
  sourceNetwork
  accounts
  credentialStatus
  acknowledged
  acknowledgedAt
  acknowledgedBy
}`) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  kind
  severity
  firstSeenAt
  lastSeenAt
  count
  appPassword {
    id
    label
    status
  }
  user {
    id
    userPrincipalName
  }
  userPrincipalName
  sourceIp
  sourceNetwork
  accounts
  credentialStatus
  acknowledged
  acknowledgedAt
  acknowledgedBy
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const RevokeAppPasswordsDocument = new TypedDocumentString(`
    mutation RevokeAppPasswords($input: BulkRevokeInput!) {
  revokeAppPasswords(input: $input) {
    ...CaseFields
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}`) as unknown as TypedDocumentString<RevokeAppPasswordsMutation, RevokeAppPasswordsMutationVariables>;
export const SuspendAppPasswordsDocument = new TypedDocumentString(`
    mutation SuspendAppPasswords($input: BulkRevokeInput!) {
  suspendAppPasswords(input: $input) {
    ...CaseFields
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}`) as unknown as TypedDocumentString<SuspendAppPasswordsMutation, SuspendAppPasswordsMutationVariables>;
export const RevocationCaseDocument = new TypedDocumentString(`
    query RevocationCase($id: ID!) {
  revocationCase(id: $id) {
    ...CaseFields
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}`) as unknown as TypedDocumentString<RevocationCaseQuery, RevocationCaseQueryVariables>;
export const CaseOutcomesDocument = new TypedDocumentString(`
    query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {
  revocationCase(id: $id) {
    outcomes(outcome: $outcome, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          appPasswordId
          outcome
          detail
          recordedAt
          appPassword {
            ...CaseCredential
          }
        }
      }
    }
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}`) as unknown as TypedDocumentString<CaseOutcomesQuery, CaseOutcomesQueryVariables>;
export const RevocationCasesDocument = new TypedDocumentString(`
    query RevocationCases($first: Int, $after: String) {
  revocationCases(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        action
        status
        reason
        incidentRef
        requestedBy
        requestedAt
        matched
        revoked
        alreadyRevoked
        failed
        finishedAt
        reinstatement {
          status
          reinstated
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevocationCasesQuery, RevocationCasesQueryVariables>;
export const CancelRevocationCaseDocument = new TypedDocumentString(`
    mutation CancelRevocationCase($id: ID!) {
  cancelRevocationCase(id: $id) {
    ...CaseFields
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}`) as unknown as TypedDocumentString<CancelRevocationCaseMutation, CancelRevocationCaseMutationVariables>;
export const ReinstateAppPasswordsDocument = new TypedDocumentString(`
    mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) {
  reinstateAppPasswords(input: $input) {
    ...CaseFields
  }
}
    fragment CaseCredential on AppPassword {
  id
  label
  status
  lastUsedAt
  user {
    userPrincipalName
  }
}
fragment CaseFields on RevocationCase {
  id
  action
  status
  reason
  incidentRef
  requestedBy
  requestedAt
  matched
  revoked
  alreadyRevoked
  failed
  recentlyUsed
  usersAffected
  finishedAt
  cancelledBy
  reinstatement {
    status
    reinstated
  }
  sample {
    ...CaseCredential
  }
}`) as unknown as TypedDocumentString<ReinstateAppPasswordsMutation, ReinstateAppPasswordsMutationVariables>;
export const ActorNameDocument = new TypedDocumentString(`
    query ActorName($id: ID!) {
  user(id: $id) {
    userPrincipalName
  }
}
    `) as unknown as TypedDocumentString<ActorNameQuery, ActorNameQueryVariables>;
export const ScanForLeakedAppPasswordsDocument = new TypedDocumentString(`
    mutation ScanForLeakedAppPasswords($text: String!) {
  scanForLeakedAppPasswords(text: $text) {
    id
    scannedAt
    candidates
    provenActiveIds
    matches {
      proven
      appPassword {
        id
        label
        status
        lastUsedAt
        user {
          id
          userPrincipalName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScanForLeakedAppPasswordsMutation, ScanForLeakedAppPasswordsMutationVariables>;
export const DeadLettersDocument = new TypedDocumentString(`
    query DeadLetters {
  deadLetters {
    id
    subscriber
    eventId
    type
    streamId
    occurredAt
    attempts
    lastError
    parkedAt
  }
}
    `) as unknown as TypedDocumentString<DeadLettersQuery, DeadLettersQueryVariables>;
export const RetryDeadLetterDocument = new TypedDocumentString(`
    mutation RetryDeadLetter($id: ID!) {
  retryDeadLetter(id: $id) {
    isResolved
    deadLetter {
      id
      attempts
      lastError
    }
  }
}
    `) as unknown as TypedDocumentString<RetryDeadLetterMutation, RetryDeadLetterMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    userPrincipalName
    displayName
    roles
    permissions {
      permission
      scope
    }
    secondFactors {
      status
      deadline
    }
    sessionSignInMethod
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;