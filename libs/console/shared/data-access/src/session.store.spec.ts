import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GraphQLClient } from './graphql-client';
import type { Grant } from './permission';
import { SessionStore, type Me } from './session.store';

const ME = 'u-me';
const SOMEONE_ELSE = 'u-other';

/** A test double for the API that answers `me` with these grants: no server runs in a component test. */
class MeOnlyApi {
  readonly queries: string[] = [];
  constructor(
    private readonly permissions: Grant[],
    private readonly mfaStatus: Me['secondFactors']['status'] = 'SATISFIED',
  ) {}
  async request<T>(query: { toString(): string }): Promise<T> {
    this.queries.push(query.toString());
    const me: Me = { id: ME, userPrincipalName: 'me@contoso.example', displayName: 'Me', roles: ['USER'], permissions: this.permissions, secondFactors: { status: this.mfaStatus } };
    return { me } as T;
  }
}

async function signedInWith(permissions: Grant[], mfaStatus: Me['secondFactors']['status'] = 'SATISFIED'): Promise<{ session: SessionStore; api: MeOnlyApi }> {
  const api = new MeOnlyApi(permissions, mfaStatus);
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: GraphQLClient, useValue: api }] });
  const session = TestBed.inject(SessionStore);
  await session.restore();
  return { session, api };
}

describe('what the signed-in user may do, from me.permissions', () => {
  it('asks the server for the permissions with their scopes', async () => {
    const { api } = await signedInWith([]);
    expect(api.queries[0]).toMatch(/permissions\s*\{\s*permission\s+scope\s*\}/);
  });

  it('ignores a permission this console does not know (a newer server\'s)', async () => {
    const { session } = await signedInWith([{ permission: 'reports.subscribe', scope: 'TENANT' } as unknown as Grant, { permission: 'users.read', scope: 'TENANT' }]);
    expect(session.me()?.permissions).toEqual([{ permission: 'users.read', scope: 'TENANT' }]);
  });

  it('allows a TENANT grant for anything in the tenant, whoever owns it', async () => {
    const { session } = await signedInWith([{ permission: 'appPasswords.revoke', scope: 'TENANT' }]);
    expect(session.can('appPasswords.revoke')).toBe(true);
    expect(session.can('appPasswords.revoke', ME)).toBe(true);
    expect(session.can('appPasswords.revoke', SOMEONE_ELSE)).toBe(true);
    expect(session.scopeOf('appPasswords.revoke')).toBe('TENANT');
  });

  it('allows an OWN grant only for what belongs to the signed-in user', async () => {
    const { session } = await signedInWith([{ permission: 'appPasswords.revoke', scope: 'OWN' }]);
    expect(session.can('appPasswords.revoke', ME)).toBe(true);
    expect(session.can('appPasswords.revoke', SOMEONE_ELSE)).toBe(false);
    expect(session.can('appPasswords.revoke')).toBe(false);
    expect(session.can('appPasswords.revoke', null)).toBe(false);
    expect(session.scopeOf('appPasswords.revoke')).toBe('OWN');
  });

  it('allows nothing that is not granted, and nothing once signed out', async () => {
    const { session } = await signedInWith([{ permission: 'dashboard.read', scope: 'TENANT' }]);
    expect(session.can('policy.change')).toBe(false);
    expect(session.can('policy.change', ME)).toBe(false);
    expect(session.scopeOf('policy.change')).toBeNull();
    expect(session.homePath()).toBe('/dashboard');
    const signingOut = session.signOut();
    TestBed.inject(HttpTestingController).expectOne('/auth/logout').flush({});
    await signingOut;
    expect(session.can('dashboard.read')).toBe(false);
    expect(session.homePath()).toBe('/me/app-passwords');
  });

  it('takes the wider scope when a permission is listed with both', async () => {
    const { session } = await signedInWith([
      { permission: 'users.read', scope: 'OWN' },
      { permission: 'users.read', scope: 'TENANT' },
    ]);
    expect(session.can('users.read', SOMEONE_ELSE)).toBe(true);
  });

  it('given a user whose grace period to enrol a second factor is over, then they start on the security page', async () => {
    const { session } = await signedInWith([{ permission: 'users.read', scope: 'OWN' }, { permission: 'account.secure', scope: 'OWN' }], 'ENROLMENT_REQUIRED');
    expect(session.mustEnrol()).toBe(true);
    expect(session.homePath()).toBe('/me/security');
  });
});
