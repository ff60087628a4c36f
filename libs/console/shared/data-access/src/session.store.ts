import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { graphql } from './gql';
import type * as Gql from './gql/graphql';
import type { SecondFactorAnswer } from './step-up';
import { GraphQLClient } from './graphql-client';
import { isPermission, type Grant, type Permission, type PermissionScope } from './permission';

/** A role, as the header and the users page show it. Roles never decide what the console shows: permissions do. */
export type Role = 'GLOBAL_ADMIN' | 'AUDITOR' | 'INCIDENT_RESPONDER' | 'USER';

export interface Me {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  /** Every permission the user holds, from the server's permission table. */
  permissions: Grant[];
  /** Where they stand with the policy's second factor: GRACE until the deadline, ENROLMENT_REQUIRED after it. */
  secondFactors: { status: Gql.ConsoleMfaStatus; deadline?: string | null };
  /** How this session was signed in: PASSWORD or SSO (which steps up through the identity provider). */
  sessionSignInMethod?: string | null;
}

const ME = graphql(`
  query Me { me { id userPrincipalName displayName roles permissions { permission scope } secondFactors { status deadline } sessionSignInMethod } }
`);

/**
 * Who is signed in and what they may do. The server decides on every request; this only shapes
 * the interface, from `me.permissions`, the way the server's `can` decides.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly graphql = inject(GraphQLClient);
  private readonly current = signal<Me | null>(null);
  /** The scope of each permission held; TENANT where the server lists both. */
  private readonly scopes = computed(() => {
    const scopes = new Map<Permission, PermissionScope>();
    for (const { permission, scope } of this.current()?.permissions ?? []) {
      if (scopes.get(permission) !== 'TENANT') scopes.set(permission, scope);
    }
    return scopes;
  });

  /** The signed-in user, or null. */
  readonly me = this.current.asReadonly();
  /** Where the user starts: the dashboard for whoever reads it, their own app passwords otherwise. */
  readonly homePath = computed(() =>
    this.mustEnrol() ? '/me/security' : this.can('dashboard.read') ? '/dashboard' : '/me/app-passwords',
  );
  /** The policy needs a second factor the user has not registered, and the grace period is over: all they may do is enrol. */
  readonly mustEnrol = computed(() => this.current()?.secondFactors.status === 'ENROLMENT_REQUIRED');

  /** The scope over which the signed-in user holds the permission, or null when they do not. */
  scopeOf(permission: Permission): PermissionScope | null {
    return this.scopes().get(permission) ?? null;
  }

  /**
   * Whether the signed-in user may do this: with a TENANT grant, to anything in the tenant; with
   * an OWN grant, only to what belongs to them, so only when `ownerId` is their own id.
   */
  can(permission: Permission, ownerId?: string | null): boolean {
    const scope = this.scopeOf(permission);
    if (scope === 'TENANT') return true;
    return scope === 'OWN' && ownerId !== undefined && ownerId !== null && ownerId === this.current()?.id;
  }

  /** Loads the signed-in user from the session cookie; false when there is no session. */
  async restore(): Promise<boolean> {
    if (this.current()) return true;
    return this.reload();
  }

  /** Reads the signed-in user again (after enrolling a second factor, say). */
  async reload(): Promise<boolean> {
    try {
      const { me } = await this.graphql.request(ME);
      // A permission this console does not know (a newer server's) shapes nothing.
      this.current.set({ ...me, permissions: me.permissions.filter((grant): grant is Grant => isPermission(grant.permission)) });
      return true;
    } catch {
      return false;
    }
  }

  /** Signs in; a 401 whose `error` is `second_factor_required` asks for `answer` (a code or a passkey). */
  async signIn(userPrincipalName: string, password: string, answer: SecondFactorAnswer = {}): Promise<void> {
    await firstValueFrom(this.http.post('/auth/login', { userPrincipalName, password, ...answer }));
    this.current.set(null);
    await this.restore();
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.http.post('/auth/logout', {})).catch(() => undefined);
    this.current.set(null);
  }
}
