import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import { tenantDecider, type TenantCommand } from './tenant';
import { APP_PASSWORD_SCOPES, POLICY_LIMITS, validatedPolicy, type TenantPolicy } from './tenant-policy';

const mixedCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const domain = fc.oneof(
  { arbitrary: fc.oneof(fc.domain(), fc.constantFrom('contoso.example', 'fabrikam.example')).chain(mixedCase), weight: 4 },
  fc.constantFrom('', 'localhost', 'contoso', '-contoso.example', 'contoso.example.', 'con toso.example', 'contoso.example\n', 'xn--bcher-kva.example', `${'a'.repeat(64)}.example`, 'é.example'),
  fc.string({ maxLength: 20 }),
);
/** A whole number within its bounds mostly; sometimes just outside them, fractional, NaN or infinite. */
const setting = (name: keyof typeof POLICY_LIMITS) =>
  fc.oneof(
    { arbitrary: fc.integer(POLICY_LIMITS[name]), weight: 4 },
    fc.constantFrom(POLICY_LIMITS[name].min - 1, POLICY_LIMITS[name].max + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0),
    fc.double(),
  );
const policy = fc.record({
  maxActivePerUser: setting('maxActivePerUser'),
  maxLifetimeDays: setting('maxLifetimeDays'),
  idleRevocationDays: fc.option(setting('idleRevocationDays'), { nil: null }),
  allowedScopes: fc.oneof(
    { arbitrary: fc.array(fc.constantFrom(...APP_PASSWORD_SCOPES), { minLength: 1, maxLength: 6 }), weight: 4 },
    fc.array(fc.constantFrom(...APP_PASSWORD_SCOPES, 'ftp', 'IMAP', ''), { maxLength: 4 }),
  ),
  isMfaRequired: fc.boolean(),
  revokesOnPasswordReset: fc.boolean(),
  revokesOnDisable: fc.boolean(),
}) as fc.Arbitrary<TenantPolicy>;

const create = fc
  .record({ tenantId: fc.constantFrom('t-1', 't-2'), name: fc.string({ maxLength: 30 }), domains: fc.array(domain, { maxLength: 4 }) })
  .map((data) => ({ type: 'CreateTenant' as const, data }));
const change = policy.map((p) => ({ type: 'ChangeTenantPolicy' as const, data: { policy: p } }));
/** A creation first, then policy changes (and more creations) in any order. */
const commands = fc.tuple(create, fc.array(fc.oneof(create, { arbitrary: change, weight: 4 }), { maxLength: 15 })).map(([first, rest]): TenantCommand[] => [first, ...rest]);

const { decideChecked, replay } = checkedDecider(tenantDecider);

describe('tenants, over random sequences of commands', () => {
  it('for any sequence of commands, decide returns events or refuses with a DomainError, never anything else, leaves the state and command it was given unchanged, and answers the same twice', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        replay(sequence);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, the policy in force is always within its bounds, with at least one scope, in canonical order, once each', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { after } of replay(sequence)) {
          if (after.status === 'none') continue;
          const { maxActivePerUser, maxLifetimeDays, idleRevocationDays, allowedScopes } = after.policy;
          const within = (value: number, { min, max }: { min: number; max: number }) => Number.isInteger(value) && value >= min && value <= max;
          expect(within(maxActivePerUser, POLICY_LIMITS.maxActivePerUser)).toBe(true);
          expect(within(maxLifetimeDays, POLICY_LIMITS.maxLifetimeDays)).toBe(true);
          expect(idleRevocationDays === null || within(idleRevocationDays, POLICY_LIMITS.idleRevocationDays)).toBe(true);
          expect(allowedScopes.length).toBeGreaterThan(0);
          expect(allowedScopes).toEqual(APP_PASSWORD_SCOPES.filter((scope) => allowedScopes.includes(scope)));
          expect(validatedPolicy(after.policy)).toEqual(after.policy);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a tenant is created once, with at least one valid lower-case domain, and its id, name and domains never change; every event names it', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const steps = replay(sequence);
        const events = eventsOf(steps);
        const created = events.filter((event) => event.type === 'TenantCreated');
        expect(created.length).toBeLessThanOrEqual(1);
        if (created.length === 0) return expect(events).toEqual([]);
        const { data } = created[0];
        expect(data.domains.length).toBeGreaterThan(0);
        for (const name of data.domains) expect(name).toMatch(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/);
        for (const event of events) expect(event.data.tenantId).toBe(data.tenantId);
        for (const { before, after } of steps) {
          if (before.status === 'active' && after.status === 'active') expect([after.tenantId, after.name, after.domains]).toEqual([before.tenantId, before.name, before.domains]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, saving the policy in force again (its scopes in any order, repeated) records nothing, and every change recorded differs from the policy before it', () => {
    fc.assert(
      fc.property(commands, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (sequence, picks) => {
        const steps = replay(sequence);
        for (const { before, outcome } of steps) {
          if (before.status !== 'active' || outcome instanceof DomainError) continue;
          for (const event of outcome) if (event.type === 'TenantPolicyChanged') expect(event.data.policy).not.toEqual(before.policy);
        }
        const last = steps[steps.length - 1].after;
        if (last.status !== 'active') return;
        const scopes = picks.map((pick) => last.policy.allowedScopes[pick % last.policy.allowedScopes.length]);
        const resaved = decideChecked({ type: 'ChangeTenantPolicy', data: { policy: { ...last.policy, allowedScopes: [...new Set([...scopes, ...last.policy.allowedScopes])].reverse() } } }, last);
        expect(resaved).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
