/** The GraphQL operations of the inventory, and the shapes they return. */
export type AppPasswordStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';
export const SCOPES = ['imap', 'pop', 'smtp', 'http'] as const;

export interface AppPasswordRow {
  id: string;
  label: string;
  status: AppPasswordStatus;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedProtocol: string | null;
  useCount: number;
  revokeReason: string | null;
  user: { id: string; userPrincipalName: string };
}

export interface AppPasswordPage {
  appPasswords: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AppPasswordRow }[];
  };
}

export const APP_PASSWORDS = `query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String) {
  appPasswords(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id label status scopes createdAt expiresAt lastUsedAt lastUsedIp lastUsedProtocol useCount revokeReason user { id userPrincipalName } } }
  }
}`;

export const GENERATE = `mutation Generate($input: GenerateAppPasswordInput!) {
  generateAppPassword(input: $input) { secret appPassword { id label } }
}`;

export const REVOKE = `mutation Revoke($input: RevokeAppPasswordInput!) {
  revokeAppPassword(input: $input) { id status }
}`;

export const USERS = `query Users($first: Int) { users(first: $first) { edges { node { id userPrincipalName displayName } } } }`;
