/** An app password as the console lists it, and the words for its status, scopes and sort. */
export const APP_PASSWORD_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
/** SUSPENDED: taken out of service by an incident case, reversibly (the case can reinstate it). */
export type AppPasswordStatus = (typeof APP_PASSWORD_STATUSES)[number];
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
  user: UserRef;
}

/** A user as a list of app passwords names them. */
export interface UserRef {
  id: string;
  userPrincipalName: string;
}

export const SORT_FIELDS = ['CREATED_AT', 'LAST_USED_AT', 'LABEL', 'USER', 'EXPIRES_AT', 'USE_COUNT'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface AppPasswordSort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}
