import { inject, Injectable } from '@angular/core';
import { GraphQLClient, type ConnectionPage, type Role } from '@keyward/console/shared/data-access';

/** A user of the tenant, as the users pages show them. */
export interface UserRow {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  mfaRegistered: boolean;
  isEnabled: boolean;
}

/** What adding a user needs. */
export interface NewUser {
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  mfaRegistered: boolean;
}

const FIELDS = 'id userPrincipalName displayName roles mfaRegistered isEnabled';
const USERS = `query Users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;
const USER = `query User($id: ID!) { user(id: $id) { ${FIELDS} } }`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }`;
const ENABLE = `mutation EnableUser($id: ID!) { enableUser(id: $id) { id isEnabled } }`;
const DISABLE = `mutation DisableUser($id: ID!) { disableUser(id: $id) { id isEnabled } }`;
const RESET_PASSWORD = `mutation ResetPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }`;

/** The user operations of the API, typed: the one place the console's user GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly graphql = inject(GraphQLClient);

  /** A page of the users whose names contain the text (every user for ''). */
  async list(search: string, first: number, after: string | null): Promise<ConnectionPage<UserRow>> {
    return (await this.graphql.request<{ users: ConnectionPage<UserRow> }>(USERS, { filter: { search: search || null }, first, after })).users;
  }

  /** One user; null when not in the caller's tenant or not theirs to see. */
  async one(id: string): Promise<UserRow | null> {
    return (await this.graphql.request<{ user: UserRow | null }>(USER, { id })).user;
  }

  async create(user: NewUser): Promise<void> {
    await this.graphql.request(CREATE_USER, { input: user });
  }

  /** Enables or disables the user; the policy decides whether disabling revokes their app passwords. */
  async setEnabled(id: string, isEnabled: boolean): Promise<void> {
    await this.graphql.request(isEnabled ? ENABLE : DISABLE, { id });
  }

  /** Sets the user's console password; their sessions end, and the policy decides about their app passwords. */
  async resetPassword(userId: string, password: string): Promise<void> {
    await this.graphql.request(RESET_PASSWORD, { input: { userId, password } });
  }
}
