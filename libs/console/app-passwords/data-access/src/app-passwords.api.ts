import { inject, Injectable } from '@angular/core';
import { emptyPage, GraphQLClient, type ConnectionPage } from '@keyward/console/shared/data-access';
import type { AppPasswordRow, AppPasswordSort, RevocationReason, Scope, SignInAttempt, TenantMailServerInfo, UserRef } from '@keyward/console/app-passwords/util';
import {
  APP_PASSWORD,
  APP_PASSWORDS,
  APP_PASSWORDS_AS_OF,
  filterVariables,
  GENERATE,
  GENERATION_POLICY,
  LIFECYCLE,
  REVOKE,
  REVOKE_USER_APP_PASSWORDS,
  SIGN_INS_OF_APP_PASSWORD,
  SIGN_INS_OF_USER,
  USERS_FOR_PICKER,
  type AppPasswordDetail,
  type AppPasswordFilter,
  type LifecycleEvent,
} from './app-password.operations';

/** What generating an app password needs. */
export interface GenerateInput {
  userId: string;
  label: string;
  scopes: Scope[];
  expiresInDays: number | null;
}

/** The app-password operations of the API, typed: the one place the console's app-password GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class AppPasswordsApi {
  private readonly graphql = inject(GraphQLClient);

  /** A page of the app passwords the filter matches, in this order. */
  async list(filter: AppPasswordFilter, sort: AppPasswordSort, first: number, after: string | null): Promise<ConnectionPage<AppPasswordRow>> {
    const data = await this.graphql.request(APP_PASSWORDS, { filter: filterVariables(filter), sort, first, after });
    return data.appPasswords;
  }

  /**
   * A page of the inventory as it stood at `at` (ISO 8601): statuses, owners, labels and sign-ins
   * (last use, use count, protocols) then; every filter and sort of `list`, applied to that moment.
   */
  async listAsOf(at: string, filter: AppPasswordFilter, sort: AppPasswordSort, first: number, after: string | null): Promise<ConnectionPage<AppPasswordRow>> {
    const data = await this.graphql.request(APP_PASSWORDS_AS_OF, { at, filter: filterVariables(filter), sort, first, after });
    return data.appPasswordsAsOf;
  }

  /** One app password with its use over the last `days`; null when not found or not the caller's to see. */
  async one(id: string, days: number): Promise<AppPasswordDetail | null> {
    return (await this.graphql.request(APP_PASSWORD, { id, days })).appPassword;
  }

  /** The events of one app password's stream, oldest first (needs the audit trail). */
  async lifecycleOf(id: string): Promise<LifecycleEvent[]> {
    const data = await this.graphql.request(LIFECYCLE, { streamId: `appPassword-${id}` });
    // `data` is the JSON scalar: what each event type records, which the lifecycle reads by name.
    return data.auditEvents.edges.map((edge) => ({ ...edge.node, data: (edge.node.data ?? {}) as LifecycleEvent['data'] }));
  }

  async signInsOf(appPasswordId: string, first: number, after: string | null): Promise<ConnectionPage<SignInAttempt>> {
    const data = await this.graphql.request(SIGN_INS_OF_APP_PASSWORD, { id: appPasswordId, first, after });
    return data.appPassword?.signIns ?? emptyPage();
  }

  /** A user's sign-in attempts, newest first; only one outcome when given. */
  async signInsOfUser(userId: string, outcome: SignInAttempt['outcome'] | null, first: number, after: string | null): Promise<ConnectionPage<SignInAttempt>> {
    const data = await this.graphql.request(SIGN_INS_OF_USER, { id: userId, outcome, first, after });
    return data.user?.signIns ?? emptyPage();
  }

  /** Generates an app password; the answer is its secret, which the server never shows again, and a one-time Apple profile link when offered. */
  async generate(input: GenerateInput): Promise<{ secret: string; appleProfileUrl: string | null; ownerUserPrincipalName: string }> {
    const { secret, appleProfileUrl, appPassword } = (await this.graphql.request(GENERATE, { input })).generateAppPassword;
    return { secret, appleProfileUrl: appleProfileUrl ?? null, ownerUserPrincipalName: appPassword.user.userPrincipalName };
  }

  async revoke(id: string, { reason, incidentRef }: RevocationReason): Promise<void> {
    await this.graphql.request(REVOKE, { input: { id, reason, incidentRef } });
  }

  /** Revokes every active app password of the user, each with this reason. */
  async revokeAllOf(userId: string, { reason, incidentRef }: RevocationReason): Promise<void> {
    await this.graphql.request(REVOKE_USER_APP_PASSWORDS, { input: { userId, reason, incidentRef } });
  }

  /** What the tenant policy allows a new app password: its scopes and longest lifetime. */
  /** What the policy allows a new app password, and the mail servers to set it up with. */
  async generationPolicy(): Promise<{ allowedScopes: Scope[]; maxLifetimeDays: number; mailServers: TenantMailServerInfo }> {
    const { tenantPolicy, mailServers } = await this.graphql.request(GENERATION_POLICY);
    return { ...tenantPolicy, mailServers };
  }

  /** Users whose name contains the text, for choosing an app password's owner. */
  async findUsers(search: string, first = 20): Promise<UserRef[]> {
    const data = await this.graphql.request(USERS_FOR_PICKER, { filter: { search }, first });
    return data.users.edges.map((edge) => edge.node);
  }
}
