/** The GraphQL operations on app passwords, and the shapes they return. */
export type AppPasswordStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';
export const SCOPES = ['imap', 'pop', 'smtp', 'http'] as const;
export type Scope = (typeof SCOPES)[number];

export interface AppPasswordRow {
  id: string;
  label: string;
  status: AppPasswordStatus;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedProtocol: string | null;
  lastUsedClient: string | null;
  useCount: number;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  user: { id: string; userPrincipalName: string };
}

/** The inventory's server-side filter; empty strings mean "any". */
export interface AppPasswordFilter {
  search?: string;
  userId?: string;
  label?: string;
  user?: string;
  status?: AppPasswordStatus | '';
  protocol?: Scope | '';
  createdAfter?: string;
  createdBefore?: string;
  lastUsedAfter?: string;
  lastUsedBefore?: string;
  isNeverUsed?: boolean | null;
  expiresWithinDays?: number | null;
  unusedForDays?: number | null;
}

export const SORT_FIELDS = ['CREATED_AT', 'LAST_USED_AT', 'LABEL', 'USER', 'EXPIRES_AT', 'USE_COUNT'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface AppPasswordSort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

const ROW = 'id label status scopes createdAt createdBy expiresAt lastUsedAt lastUsedIp lastUsedProtocol lastUsedClient useCount revokedAt revokedBy revokeReason user { id userPrincipalName }';

export const APP_PASSWORDS = `query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
  appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ROW} } }
  }
}`;

export const APP_PASSWORD = `query AppPassword($id: ID!, $days: Int!) {
  appPassword(id: $id) {
    ${ROW}
    usage(days: $days) { addresses { sourceIp firstSeen lastSeen uses rejections } perDay { day uses rejections } }
  }
}`;

/** The fields of a page of sign-in attempts, for every timeline. */
export const SIGN_IN_PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { node { occurredAt outcome reason protocol sourceIp client appPasswordId } }';

export const SIGN_INS_OF_APP_PASSWORD = `query CredentialSignIns($id: ID!, $first: Int, $after: String) {
  appPassword(id: $id) { signIns(first: $first, after: $after) { ${SIGN_IN_PAGE} } }
}`;

export const SIGN_INS_OF_USER = `query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {
  user(id: $id) { signIns(outcome: $outcome, first: $first, after: $after) { ${SIGN_IN_PAGE} } }
}`;

export const GENERATE = `mutation Generate($input: GenerateAppPasswordInput!) {
  generateAppPassword(input: $input) { secret appPassword { id label } }
}`;

export const REVOKE = `mutation Revoke($input: RevokeAppPasswordInput!) {
  revokeAppPassword(input: $input) { id status }
}`;

export const REVOKE_USER_APP_PASSWORDS = `mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {
  revokeUserAppPasswords(input: $input) { id }
}`;

export const USERS_FOR_PICKER = `query UsersForPicker($filter: UserFilter, $first: Int) {
  users(filter: $filter, first: $first) { edges { node { id userPrincipalName } } }
}`;

export const ALLOWED_SCOPES = `query AllowedScopes { tenantPolicy { allowedScopes maxLifetimeDays } }`;

/** A sign-in attempt, as timelines show it. */
export interface SignInAttempt {
  occurredAt: string;
  outcome: 'USED' | 'REJECTED';
  reason: string | null;
  protocol: string | null;
  sourceIp: string | null;
  client: string | null;
  appPasswordId: string | null;
}

/** The variables for APP_PASSWORDS: empty filter values left out. */
export function filterVariables(filter: AppPasswordFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== '' && value !== null && value !== undefined));
}

/** The CSV export of exactly this view. */
export function exportUrl(filter: AppPasswordFilter, sort: AppPasswordSort): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterVariables(filter))) params.set(key, String(value));
  params.set('sort', sort.field);
  params.set('direction', sort.direction);
  return `/exports/app-passwords.csv?${params}`;
}
