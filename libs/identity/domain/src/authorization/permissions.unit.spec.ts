import { DomainError } from '@keyward/shared/domain';
import { authorize, authorizeTenantWide, can, grantsOf, needsStepUp, PERMISSIONS, scopeOf } from './permissions';
import type { Principal, UserPrincipal } from './principal';

const user = (roles: UserPrincipal['roles'], userId = 'u-1', tenantId = 't-1'): UserPrincipal => ({ kind: 'user', userId, tenantId, userPrincipalName: `${userId}@contoso.example`, roles });
const codeOf = (action: () => void) => {
  try {
    action();
    return 'allowed';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('the permission table', () => {
  it('given a user, when they revoke their own app password, then it is allowed; another user’s is hidden, not forbidden', () => {
    const alice = user(['USER']);
    expect(can(alice, 'appPasswords.revoke', { tenantId: 't-1', ownerId: 'u-1' })).toBe(true);
    expect(codeOf(() => authorize(alice, 'appPasswords.revoke', { tenantId: 't-1', ownerId: 'u-2' }))).toBe('NOT_FOUND');
  });

  it('given an incident responder, when they revoke anyone’s in their tenant, then it is allowed, but never another tenant’s', () => {
    const responder = user(['INCIDENT_RESPONDER']);
    expect(can(responder, 'appPasswords.revoke', { tenantId: 't-1', ownerId: 'u-9' })).toBe(true);
    expect(codeOf(() => authorize(responder, 'appPasswords.revoke', { tenantId: 't-2', ownerId: 'u-9' }))).toBe('NOT_FOUND');
  });

  it('given an auditor, when they try to change anything, then it is forbidden before any target is looked at', () => {
    const auditor = user(['AUDITOR']);
    // Exporting the audit log reads it: an auditor's one grant that is not named `.read`. Their own
    // API tokens are their own credentials, which they make and revoke (with their role at most).
    // An access review may name them its reviewer, and their own app passwords may be under review.
    // Which mail they receive is theirs to choose; a report may be mailed to them on a schedule.
    const own = ['reports.schedule', 'auditLog.export', 'apiTokens.create', 'apiTokens.revoke', 'account.secure', 'account.preferences', 'accessReviews.decide', 'accessReviews.attest'];
    const changes = Object.keys(PERMISSIONS).filter((name) => !name.endsWith('.read') && !own.includes(name)) as (keyof typeof PERMISSIONS)[];
    expect(changes.map((permission) => codeOf(() => authorize(auditor, permission)))).toEqual(changes.map(() => 'FORBIDDEN'));
    expect(codeOf(() => authorize(auditor, 'apiTokens.revoke', { tenantId: 't-1', ownerId: 'someone-else' }))).toBe('NOT_FOUND');
  });

  it('given a user, when they list everyone’s users, then an own-only grant is not enough', () => {
    expect(scopeOf(user(['USER']), 'users.read')).toBe('OWN');
    expect(codeOf(() => authorizeTenantWide(user(['USER']), 'users.read'))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizeTenantWide(user(['AUDITOR']), 'users.read'))).toBe('allowed');
  });

  it('given several roles, when one of them grants the whole tenant, then the widest scope wins', () => {
    expect(scopeOf(user(['USER', 'INCIDENT_RESPONDER']), 'appPasswords.revoke')).toBe('TENANT');
  });

  it('given Keyward’s own processes, when they act, then only those named in the table may revoke, and only in their tenant', () => {
    const sweep: Principal = { kind: 'system', process: 'idle-revocation', tenantId: 't-1' };
    const stranger: Principal = { kind: 'system', process: 'something-else', tenantId: 't-1' };
    expect(can(sweep, 'appPasswords.revoke', { tenantId: 't-1', ownerId: 'u-3' })).toBe(true);
    expect(can(sweep, 'appPasswords.revoke', { tenantId: 't-2', ownerId: 'u-3' })).toBe(false);
    expect(can(stranger, 'appPasswords.revoke', { tenantId: 't-1' })).toBe(false);
    expect(can(sweep, 'users.manage', { tenantId: 't-1' })).toBe(false);
  });

  it('given a gateway, when it asks to verify, then it may, and may do nothing else', () => {
    const gateway: Principal = { kind: 'gateway', name: 'verify' };
    expect(grantsOf(gateway)).toEqual([{ permission: 'appPasswords.verify', scope: 'TENANT' }]);
  });

  it('given a gateway whose token proved its name, when it names the client of a sign-in, then it may; an unproven one may not', () => {
    const proven: Principal = { kind: 'gateway', name: 'mail', proven: true };
    expect(grantsOf(proven)).toEqual([
      { permission: 'appPasswords.verify', scope: 'TENANT' },
      { permission: 'appPasswords.identifyClient', scope: 'TENANT' },
    ]);
    expect(can({ kind: 'gateway', name: 'verify' }, 'appPasswords.identifyClient')).toBe(false);
  });

  it('lists what a user holds, for the console to shape itself', () => {
    expect(grantsOf(user(['USER']))).toEqual([
      { permission: 'users.read', scope: 'OWN' },
      { permission: 'account.secure', scope: 'OWN' },
      { permission: 'account.preferences', scope: 'OWN' },
      { permission: 'notices.read', scope: 'OWN' },
      { permission: 'appPasswords.read', scope: 'OWN' },
      { permission: 'appPasswords.generate', scope: 'OWN' },
      { permission: 'appPasswords.rename', scope: 'OWN' },
      { permission: 'appPasswords.revoke', scope: 'OWN' },
      { permission: 'policy.read', scope: 'TENANT' },
      { permission: 'apiTokens.create', scope: 'OWN' },
      { permission: 'apiTokens.read', scope: 'OWN' },
      { permission: 'apiTokens.revoke', scope: 'OWN' },
      { permission: 'accessReviews.read', scope: 'OWN' },
      { permission: 'accessReviews.decide', scope: 'OWN' },
      { permission: 'accessReviews.attest', scope: 'OWN' },
    ]);
  });

  it('given a sensitive permission, then a console session needs a recent authentication for it, and an API token never does', () => {
    const stale = { ...user(['GLOBAL_ADMIN']), isRecentlyAuthenticated: false };
    expect(needsStepUp(stale, 'appPasswords.generate')).toBe(true);
    expect(needsStepUp(stale, 'policy.change')).toBe(true);
    expect(needsStepUp(stale, 'auditLog.export')).toBe(true);
    expect(needsStepUp(stale, 'incidents.respond')).toBe(true);
    expect(needsStepUp(stale, 'apiTokens.create')).toBe(true);
    expect(needsStepUp(stale, 'users.read')).toBe(false);
    expect(needsStepUp({ ...stale, isRecentlyAuthenticated: true }, 'appPasswords.generate')).toBe(false);
    expect(needsStepUp({ ...stale, apiTokenId: 'tok' }, 'appPasswords.generate')).toBe(false);
  });

  it('given a user who must enrol a second factor, then they hold only reading their own user and securing their account', () => {
    expect(grantsOf({ ...user(['GLOBAL_ADMIN']), mustEnrol: true })).toEqual([
      { permission: 'users.read', scope: 'OWN' },
      { permission: 'account.secure', scope: 'OWN' },
    ]);
  });
});
