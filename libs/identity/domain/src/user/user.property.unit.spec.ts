import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import { ROLES } from '../role';
import { userDecider, userIdFor, type UserCommand } from './user';

/** Controls, line and paragraph separators, bidi and zero-width marks, lone surrogates. */
const ODD = ['\u0000', '\t', '\n', '\r', '\u001b', '\u0085', '\u00a0', '\u200b', '\u200f', '\u2028', '\u202e', '\u2066', '\ufeff', '\ud800', '\udc00', '"', '|', '@', ' ', 'é'];
const freeText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }), weight: 4 },
  fc.string({ unit: fc.constantFrom(...ODD, 'a', 'b'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '   '),
  fc.string({ unit: 'grapheme-ascii', minLength: 250, maxLength: 270 }),
);
const mixedCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
/** Mostly alice or bob at the tenant's domain (in any case), sometimes another domain or no principal name at all. */
const userPrincipalName = fc.oneof(
  { arbitrary: fc.constantFrom('alice@contoso.example', 'bob@contoso.example', 'alice@sub.contoso.example').chain(mixedCase), weight: 4 },
  fc.constantFrom('eve@fabrikam.example', 'alice', '@contoso.example', 'a b@contoso.example', 'a\r\nb@contoso.example', `${'x'.repeat(65)}@contoso.example`),
  fc.tuple(freeText, fc.constantFrom('@contoso.example', '@CONTOSO.example', '')).map(([local, domain]) => local + domain),
);

const create = fc
  .record({
    tenantId: fc.constant('t-1'),
    tenantDomains: fc.constantFrom(['contoso.example'], ['contoso.example', 'sub.contoso.example'], []),
    userPrincipalName,
    displayName: freeText,
    roles: fc.oneof({ arbitrary: fc.subarray([...ROLES], { minLength: 1 }), weight: 3 }, fc.array(fc.constantFrom(...ROLES, 'ROOT', 'user', ''), { maxLength: 4 })),
    mfaRegistered: fc.boolean(),
    passwordHash: fc.option(fc.string(), { nil: null }),
  })
  .map((data) => ({ type: 'CreateUser' as const, data }));
const profile = fc.record({
  externalId: fc.option(freeText, { nil: null }),
  givenName: fc.option(freeText, { nil: null }),
  familyName: fc.option(freeText, { nil: null }),
  email: fc.option(fc.oneof(fc.constantFrom('alice@contoso.example', 'not a mail', '@'), freeText), { nil: null }),
});
const directoryState = fc.record({ displayName: freeText, profile, active: fc.boolean(), revokesAppPasswords: fc.boolean() });
const roles = fc.oneof({ arbitrary: fc.subarray([...ROLES], { minLength: 1 }), weight: 3 }, fc.array(fc.constantFrom(...ROLES, 'ROOT', 'user', ''), { maxLength: 4 }));
const provision = fc
  .tuple(create, directoryState, fc.constantFrom('directory' as const, 'sign-in' as const))
  .map(([{ data }, state, source]) => ({
    type: 'ProvisionUser' as const,
    data: { tenantId: data.tenantId, tenantDomains: data.tenantDomains, userPrincipalName: data.userPrincipalName, roles: data.roles, ...state, source },
  }));
const command: fc.Arbitrary<UserCommand> = fc.oneof(
  create,
  provision,
  directoryState.map((data) => ({ type: 'UpdateDirectoryUser' as const, data })),
  roles.map((requested) => ({ type: 'ChangeUserRoles' as const, data: { roles: requested } })),
  fc.oneof(fc.constant(undefined), fc.record({ revokesAppPasswords: fc.boolean(), deprovisioned: fc.option(fc.boolean(), { nil: undefined }) })).map((data) => ({ type: 'DisableUser' as const, data })),
  fc.constant({ type: 'EnableUser' as const }),
  fc.record({ passwordHash: fc.string(), revokesAppPasswords: fc.boolean() }).map((data) => ({ type: 'ResetUserPassword' as const, data })),
);
/** A creation that passes: a tenant domain, a plain display name, known roles. */
const acceptedCreate = fc
  .tuple(create, fc.constantFrom('alice@contoso.example', 'Bob@Contoso.Example'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), fc.subarray([...ROLES], { minLength: 1 }))
  .map(([{ data }, upn, name, roles]) => ({ type: 'CreateUser' as const, data: { ...data, tenantDomains: ['contoso.example'], userPrincipalName: upn, displayName: `${name}x`, roles } }));
/** A creation first (mostly one that passes), then anything, in any order. */
const commands = fc
  .tuple(fc.oneof({ arbitrary: acceptedCreate, weight: 3 }, create, provision), fc.array(command, { maxLength: 20 }))
  .map(([first, rest]) => [first, ...rest]);

const { replay } = checkedDecider(userDecider);

const isCleanLine = (text: string, max: number) =>
  text === text.trim() && text.length >= 1 && text.length <= max && ![...text].some((c) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|^[\ud800-\udfff]$/.test(c));

describe('users, over random sequences of commands', () => {
  it('for any sequence of commands, decide returns events or refuses with a DomainError, never anything else, leaves the state and command it was given unchanged, and answers the same twice', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        replay(sequence);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a user is enabled or disabled as the last such event says, a directory-deleted user is disabled and comes back only enabled, and a disabled user is disabled again only to be deprovisioned', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { before, outcome, after } of replay(sequence)) {
          if (outcome instanceof DomainError || before.status === 'none') continue;
          const last = outcome.filter((event) => event.type === 'UserEnabled' || event.type === 'UserDisabled').at(-1);
          expect(after.status).toBe(last ? (last.type === 'UserEnabled' ? 'enabled' : 'disabled') : before.status);
          if (after.status !== 'none' && after.deprovisioned) expect(after.status).toBe('disabled');
          const first = outcome.find((event) => event.type === 'UserEnabled' || event.type === 'UserDisabled');
          if (first?.type === 'UserEnabled') expect(before.status === 'disabled').toBe(true);
          if (first?.type === 'UserDisabled' && before.status === 'disabled') {
            expect([before.deprovisioned, (first.data as { deprovisioned?: boolean }).deprovisioned]).toEqual([false, true]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any sequence of commands, one user is created at most, with a lower-case principal name of a tenant domain, the id derived from it, a clean display name and known, distinct roles; every later event names that id', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const steps = replay(sequence);
        const events = eventsOf(steps);
        const created = events.filter((event) => event.type === 'UserCreated');
        expect(created.length).toBeLessThanOrEqual(1);
        if (created.length === 0) return expect(events).toEqual([]);
        const { data } = created[0];
        expect(events[0]).toBe(created[0]);
        expect(data.userPrincipalName).toBe(data.userPrincipalName.toLowerCase());
        expect(data.userPrincipalName).toMatch(/^[a-z0-9._+'-]{1,64}@(contoso\.example|sub\.contoso\.example)$/);
        expect(data.userId).toBe(userIdFor(data.userPrincipalName));
        expect(isCleanLine(data.displayName, 256)).toBe(true);
        expect(data.roles.length).toBeGreaterThan(0);
        expect(new Set(data.roles).size).toBe(data.roles.length);
        for (const role of data.roles) expect(ROLES).toContain(role);
        for (const event of events) expect(event.data.userId).toBe(data.userId);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, the principal name and tenant never change once the user exists; roles and name change only by their own events, and stay known, distinct and clean', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { before, outcome, after } of replay(sequence)) {
          if (before.status === 'none' || after.status === 'none') continue;
          const types = outcome instanceof DomainError ? [] : outcome.map((event) => event.type);
          expect([after.userId, after.userPrincipalName, after.tenantId]).toEqual([before.userId, before.userPrincipalName, before.tenantId]);
          if (!types.includes('UserRolesChanged')) expect(after.roles).toEqual(before.roles);
          if (!types.includes('UserProfileChanged')) expect([after.displayName, after.profile]).toEqual([before.displayName, before.profile]);
          expect(isCleanLine(after.displayName, 256)).toBe(true);
          expect(after.roles.length).toBeGreaterThan(0);
          expect(new Set(after.roles).size).toBe(after.roles.length);
          for (const value of Object.values(after.profile)) if (value !== null) expect(isCleanLine(value, 256)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
