import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { GraphQLClient } from './graphql-client';

export type Role = 'GLOBAL_ADMIN' | 'AUDITOR' | 'INCIDENT_RESPONDER' | 'USER';

export interface Me {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
}

/** Who is signed in. The server decides what they may do; this only shapes the interface. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly graphql = inject(GraphQLClient);
  private readonly current = signal<Me | null>(null);

  /** The signed-in user, or null. */
  readonly me = this.current.asReadonly();
  readonly isGlobalAdmin = computed(() => this.hasRole('GLOBAL_ADMIN'));
  readonly hasTenantWideRead = computed(() => this.hasRole('GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER'));
  /** Whether the user may revoke any app password of the tenant. */
  readonly canRevokeAny = computed(() => this.hasRole('GLOBAL_ADMIN', 'INCIDENT_RESPONDER'));
  /** Whether the user manages app passwords of their own (role USER). */
  readonly hasSelfService = computed(() => this.hasRole('USER'));
  /** Where the user starts: the dashboard for tenant-wide readers, their own app passwords otherwise. */
  readonly homePath = computed(() => (this.hasTenantWideRead() ? '/dashboard' : '/me/app-passwords'));

  /** Loads the signed-in user from the session cookie; false when there is no session. */
  async restore(): Promise<boolean> {
    if (this.current()) return true;
    try {
      const data = await this.graphql.request<{ me: Me }>('{ me { id userPrincipalName displayName roles } }');
      this.current.set(data.me);
      return true;
    } catch {
      return false;
    }
  }

  async signIn(userPrincipalName: string, password: string): Promise<void> {
    await firstValueFrom(this.http.post('/auth/login', { userPrincipalName, password }));
    this.current.set(null);
    await this.restore();
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.http.post('/auth/logout', {})).catch(() => undefined);
    this.current.set(null);
  }

  private hasRole(...roles: Role[]): boolean {
    return this.current()?.roles.some((role) => roles.includes(role)) ?? false;
  }
}
