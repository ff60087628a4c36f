import { consoleMfaStanding, DEFAULT_TENANT_POLICY, validatedPolicy } from './tenant-policy';

const createdAt = new Date('2026-03-01T00:00:00Z');
const days = (n: number) => new Date(createdAt.getTime() + n * 86_400_000);

describe("the console's second factor under the tenant policy", () => {
  it('gives a global admin without a factor 14 days of grace from creation, then only enrolment', () => {
    // given a global admin created on 1 March, with no second factor, under the default policy
    const admin = { roles: ['GLOBAL_ADMIN'] as const, hasSecondFactor: false, createdAt };
    // when they sign in on day 13, and on day 14
    // then the first is within grace and the second needs enrolment, both with the same deadline
    expect(consoleMfaStanding(admin, DEFAULT_TENANT_POLICY, days(13))).toEqual({ status: 'grace', deadline: days(14) });
    expect(consoleMfaStanding(admin, DEFAULT_TENANT_POLICY, days(14))).toEqual({ status: 'enrolment-required', deadline: days(14) });
  });

  it('requires nothing of a plain user by default, and is satisfied by a factor', () => {
    expect(consoleMfaStanding({ roles: ['USER'], hasSecondFactor: false, createdAt }, DEFAULT_TENANT_POLICY, days(100)).status).toBe('not-required');
    expect(consoleMfaStanding({ roles: ['AUDITOR'], hasSecondFactor: true, createdAt }, DEFAULT_TENANT_POLICY, days(100)).status).toBe('satisfied');
  });

  it("follows the tenant's roles and grace period", () => {
    const policy = { ...DEFAULT_TENANT_POLICY, consoleMfaRoles: ['USER'] as const, mfaGraceDays: 0 };
    expect(consoleMfaStanding({ roles: ['USER'], hasSecondFactor: false, createdAt }, policy, createdAt).status).toBe('enrolment-required');
    expect(consoleMfaStanding({ roles: ['GLOBAL_ADMIN'], hasSecondFactor: false, createdAt }, policy, createdAt).status).toBe('not-required');
  });

  it('refuses a grace period outside 0 to 90 days and an unknown role', () => {
    expect(() => validatedPolicy({ ...DEFAULT_TENANT_POLICY, mfaGraceDays: 91 })).toThrow(/mfaGraceDays must be a whole number from 0 to 90/);
    expect(() => validatedPolicy({ ...DEFAULT_TENANT_POLICY, consoleMfaRoles: ['ROOT' as never] })).toThrow(/consoleMfaRoles/);
  });
});
