import { inject, Injectable } from '@angular/core';
import { graphql, GraphQLClient, type ConnectionPage, type Gql } from '@keyward/console/shared/data-access';

graphql(`
  fragment UserRow on User { id userPrincipalName displayName roles mfaRegistered isEnabled }
`);

/** A user of the tenant, as the users pages show them. */
export type UserRow = Gql.UserRowFragment;

/** What adding a user needs. */
export type NewUser = Pick<Gql.CreateUserInput, 'userPrincipalName' | 'displayName' | 'roles'> & { mfaRegistered: boolean };

const USERS = graphql(`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...UserRow } } }
  }
`);
const USER = graphql(`
  query User($id: ID!) { user(id: $id) { ...UserRow } }
`);
const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }
`);
const ENABLE = graphql(`
  mutation EnableUser($id: ID!) { enableUser(id: $id) { id isEnabled } }
`);
const DISABLE = graphql(`
  mutation DisableUser($id: ID!) { disableUser(id: $id) { id isEnabled } }
`);
const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }
`);

/** The user operations of the API, typed: the one place the console's user GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly graphql = inject(GraphQLClient);

  /** A page of the users whose names contain the text (every user for ''). */
  async list(search: string, first: number, after: string | null): Promise<ConnectionPage<UserRow>> {
    return (await this.graphql.request(USERS, { filter: { search: search || null }, first, after })).users;
  }

  /** One user; null when not in the caller's tenant or not theirs to see. */
  async one(id: string): Promise<UserRow | null> {
    return (await this.graphql.request(USER, { id })).user;
  }

  async create(user: NewUser): Promise<void> {
    await this.graphql.request(CREATE_USER, { input: user });
  }

  /** Enables or disables the user; the policy decides whether disabling revokes their app passwords. */
  async setEnabled(id: string, isEnabled: boolean): Promise<void> {
    if (isEnabled) await this.graphql.request(ENABLE, { id });
    else await this.graphql.request(DISABLE, { id });
  }

  /** Sets the user's console password; their sessions end, and the policy decides about their app passwords. */
  async resetPassword(userId: string, password: string): Promise<void> {
    await this.graphql.request(RESET_PASSWORD, { input: { userId, password } });
  }
}
