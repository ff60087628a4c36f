import { inject, Injectable } from '@angular/core';
import { GraphQLClient, type ConnectionPage, type Role } from '@keyward/console/shared/data-access';

/** An API token as the list shows it: never the token itself. */
export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  userId: string;
  status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  name: string;
  role: Role;
  expiresInDays: number;
}

const FIELDS = 'id name role userId status createdAt expiresAt lastUsedAt';
const API_TOKENS = `query ApiTokens($first: Int, $after: String) {
  apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;
const CREATE = `mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ${FIELDS} } } }`;
const REVOKE = `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ${FIELDS} } }`;

/** The API token operations, typed: the one place the console's token GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly graphql = inject(GraphQLClient);

  /** A page of the tokens the user may see (a global admin's: the tenant's), newest first. */
  async list(first: number, after: string | null): Promise<ConnectionPage<ApiTokenRow>> {
    return (await this.graphql.request<{ apiTokens: ConnectionPage<ApiTokenRow> }>(API_TOKENS, { first, after })).apiTokens;
  }

  /** A new token: the token itself comes back this once. */
  async create(token: NewApiToken): Promise<{ token: string; apiToken: ApiTokenRow }> {
    return (await this.graphql.request<{ createApiToken: { token: string; apiToken: ApiTokenRow } }>(CREATE, { input: token })).createApiToken;
  }

  async revoke(id: string): Promise<void> {
    await this.graphql.request(REVOKE, { id });
  }
}
