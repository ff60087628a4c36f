import { inject, Injectable } from '@angular/core';
import { graphql, GraphQLClient, type ConnectionPage, type Gql } from '@keyward/console/shared/data-access';

graphql(`
  fragment ApiTokenRow on ApiToken { id name role userId status createdAt expiresAt lastUsedAt }
`);

/** An API token as the list shows it: never the token itself. */
export type ApiTokenRow = Gql.ApiTokenRowFragment;

export type NewApiToken = Gql.CreateApiTokenInput & { expiresInDays: number };

const API_TOKENS = graphql(`
  query ApiTokens($first: Int, $after: String) {
    apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ApiTokenRow } } }
  }
`);
const CREATE = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ...ApiTokenRow } } }
`);
const REVOKE = graphql(`
  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenRow } }
`);

/** The API token operations, typed: the one place the console's token GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly graphql = inject(GraphQLClient);

  /** A page of the tokens the user may see (a global admin's: the tenant's), newest first. */
  async list(first: number, after: string | null): Promise<ConnectionPage<ApiTokenRow>> {
    return (await this.graphql.request(API_TOKENS, { first, after })).apiTokens;
  }

  /** A new token: the token itself comes back this once. */
  async create(token: NewApiToken): Promise<{ token: string; apiToken: ApiTokenRow }> {
    return (await this.graphql.request(CREATE, { input: token })).createApiToken;
  }

  async revoke(id: string): Promise<void> {
    await this.graphql.request(REVOKE, { id });
  }
}
