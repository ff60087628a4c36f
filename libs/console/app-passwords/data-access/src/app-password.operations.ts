import { graphql, type Gql } from '@keyward/console/shared/data-access';
import type { AppPasswordRow, AppPasswordSort, Scope } from '@keyward/console/app-passwords/util';

/** The inventory's server-side filter; empty strings mean "any". */
export interface AppPasswordFilter {
  search?: string;
  userId?: string;
  label?: string;
  user?: string;
  status?: AppPasswordRow['status'] | '';
  protocol?: Scope | '';
  createdAfter?: string;
  createdBefore?: string;
  lastUsedAfter?: string;
  lastUsedBefore?: string;
  isNeverUsed?: boolean | null;
  expiresWithinDays?: number | null;
  unusedForDays?: number | null;
  /** Only these app passwords (at most 1,000): a selection. */
  ids?: string[];
  /** Only these users' app passwords (at most 1,000). */
  userIds?: string[];
  /** Tried at least once from this IP address or CIDR block, within usedAfter/usedBefore when given (ISO-8601). */
  usedFromAddress?: string;
  usedAfter?: string;
  usedBefore?: string;
  /** Created before the owner's last password reset (true), or not (false). */
  survivedPasswordReset?: boolean | null;
}

/** One app password with its use over the last days: the credential page. */
export interface AppPasswordDetail extends AppPasswordRow {
  usage: {
    addresses: { sourceIp: string; firstSeen: string; lastSeen: string; uses: number; rejections: number }[];
    perDay: { day: string; uses: number; rejections: number }[];
  };
}

/** An event in an app password's stream, as its lifecycle lists it. */
export interface LifecycleEvent {
  id: string;
  type: string;
  occurredAt: string;
  actorName: string;
  data: { label?: string; reason?: string; incidentRef?: string | null; expiresAt?: string | null };
}

graphql(`
  fragment AppPasswordRow on AppPassword {
    id label status scopes createdAt createdBy expiresAt lastUsedAt lastUsedIp lastUsedProtocol lastUsedClient useCount revokedAt revokedBy revokeReason
    user { id userPrincipalName }
  }
`);

graphql(`
  fragment SignInPage on SignInAttemptConnection {
    totalCount pageInfo { hasNextPage endCursor } edges { node { occurredAt outcome reason protocol sourceIp client appPasswordId } }
  }
`);

export const APP_PASSWORDS = graphql(`
  query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
    appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }
    }
  }
`);

export const APP_PASSWORDS_AS_OF = graphql(`
  query AppPasswordsAsOf($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
    appPasswordsAsOf(at: $at, filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }
    }
  }
`);

export const APP_PASSWORD = graphql(`
  query AppPassword($id: ID!, $days: Int!) {
    appPassword(id: $id) {
      ...AppPasswordRow
      usage(days: $days) { addresses { sourceIp firstSeen lastSeen uses rejections } perDay { day uses rejections } }
    }
  }
`);

export const LIFECYCLE = graphql(`
  query Lifecycle($streamId: String!) {
    auditEvents(filter: { streamId: $streamId }, first: 200) { edges { node { id type occurredAt actorName data } } }
  }
`);

export const SIGN_INS_OF_APP_PASSWORD = graphql(`
  query CredentialSignIns($id: ID!, $first: Int, $after: String) {
    appPassword(id: $id) { signIns(first: $first, after: $after) { ...SignInPage } }
  }
`);

export const SIGN_INS_OF_USER = graphql(`
  query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {
    user(id: $id) { signIns(outcome: $outcome, first: $first, after: $after) { ...SignInPage } }
  }
`);

export const GENERATE = graphql(`
  mutation Generate($input: GenerateAppPasswordInput!) {
    generateAppPassword(input: $input) { secret appleProfileUrl appPassword { id label user { userPrincipalName } } }
  }
`);

export const REVOKE = graphql(`
  mutation Revoke($input: RevokeAppPasswordInput!) {
    revokeAppPassword(input: $input) { id status }
  }
`);

export const REVOKE_USER_APP_PASSWORDS = graphql(`
  mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {
    revokeUserAppPasswords(input: $input) { id }
  }
`);

export const USERS_FOR_PICKER = graphql(`
  query UsersForPicker($filter: UserFilter, $first: Int) {
    users(filter: $filter, first: $first) { edges { node { id userPrincipalName } } }
  }
`);

export const GENERATION_POLICY = graphql(`
  query AllowedScopes {
    tenantPolicy { allowedScopes maxLifetimeDays }
    mailServers { imap { host port security } pop { host port security } submission { host port security } }
  }
`);

/** The filter without its empty values (every field is optional, so what is left is still a filter). */
function withoutEmptyValues(filter: AppPasswordFilter): AppPasswordFilter {
  const isEmpty = (value: unknown) => value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => !isEmpty(value))) as AppPasswordFilter;
}

/** The filter as the API's AppPasswordFilter: without its empty values, so no '' is left where the schema has an enum. */
export function filterVariables(filter: AppPasswordFilter): Gql.AppPasswordFilter {
  return withoutEmptyValues(filter) as Gql.AppPasswordFilter;
}

/**
 * The filter as a form holds it, for the API: days (`YYYY-MM-DD`, UTC) become instants, a
 * "before" day counting whole; empty values are left out.
 */
export function toApiFilter(filter: AppPasswordFilter): AppPasswordFilter {
  const day = (value: string | undefined, offsetDays = 0) => {
    if (!value) return undefined;
    const time = Date.parse(`${value}T00:00:00.000Z`);
    return Number.isNaN(time) ? undefined : new Date(time + offsetDays * 86_400_000).toISOString();
  };
  return withoutEmptyValues({
    ...filter,
    createdAfter: day(filter.createdAfter),
    createdBefore: day(filter.createdBefore, 1),
    lastUsedAfter: day(filter.lastUsedAfter),
    lastUsedBefore: day(filter.lastUsedBefore, 1),
  });
}

/** The CSV export of exactly this view. */
export function exportUrl(filter: AppPasswordFilter, sort: AppPasswordSort): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterVariables(filter))) params.set(key, String(value));
  params.set('sort', sort.field);
  params.set('direction', sort.direction);
  return `/exports/app-passwords.csv?${params}`;
}
