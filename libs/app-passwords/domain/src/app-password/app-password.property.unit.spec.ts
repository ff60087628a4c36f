import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import { APP_PASSWORD_SCOPES, type TenantPolicy } from '@keyward/identity/domain';
import { appPasswordDecider, statusAt, type AppPasswordCommand, type GenerateAppPassword } from './app-password';

const DAY_MS = 86_400_000;

/** Controls, line and paragraph separators, bidi and zero-width marks, lone surrogates, look-alike blanks. */
const ODD = ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u061c', '\u200b', '\u200d', '\u200f', '\u2028', '\u202e', '\u2066', '\u2069', '\ufeff', '\ud800', '\udc00', '🚀', 'é', ' '];
const plainText = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-#'), minLength: 1, maxLength: 30 });
/** A label or a reason as people (and attackers) type it: mostly plain, sometimes empty, odd or too long. */
const freeText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }), weight: 4 },
  fc.string({ unit: fc.constantFrom(...ODD, 'a', 'b'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '   ', '\t'),
  fc.string({ unit: 'grapheme-ascii', minLength: 95, maxLength: 520 }),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.constant(null), arbitrary);
const instant = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true });
const caseId = fc.constantFrom('case-1', 'case-2', 'case-3');
const mostly = (value: boolean) => fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, fc.constant(!value));

const policy: fc.Arbitrary<TenantPolicy> = fc.record({
  maxActivePerUser: fc.integer({ min: 1, max: 100 }),
  maxLifetimeDays: fc.integer({ min: 1, max: 3650 }),
  idleRevocationDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
  allowedScopes: fc.subarray([...APP_PASSWORD_SCOPES], { minLength: 1 }),
  isMfaRequired: fc.boolean(),
  revokesOnPasswordReset: fc.boolean(),
  revokesOnDisable: fc.boolean(),
});

const generate: fc.Arbitrary<GenerateAppPassword> = fc
  .record({
    appPasswordId: fc.oneof(fc.constant('abcdefghij'), fc.string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyz23456789'), minLength: 10, maxLength: 10 })),
    owner: fc.record({
      userId: fc.constantFrom('u-1', 'u-2'),
      tenantId: fc.constant('t-1'),
      isEnabled: mostly(true),
      hasMfa: mostly(true),
      activeCount: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 120 })),
    }),
    policy,
    label: freeText,
    scopes: optional(fc.array(fc.constantFrom('imap', 'pop', 'smtp', 'http', 'ftp', 'IMAP', ''), { maxLength: 5 })),
    expiresInDays: fc.oneof({ arbitrary: optional(fc.integer({ min: 1, max: 400 })), weight: 3 }, fc.integer({ min: -3, max: 4000 }), fc.double()),
    secretHash: fc.string(),
    now: instant,
  })
  .map((data) => ({ type: 'GenerateAppPassword' as const, data }));

const laterCommand: fc.Arbitrary<AppPasswordCommand> = fc.oneof(
  generate,
  fc.record({ label: freeText }).map((data) => ({ type: 'RenameAppPassword' as const, data })),
  fc.record({ reason: freeText, incidentRef: optional(freeText), caseId: optional(caseId) }).map((data) => ({ type: 'RevokeAppPassword' as const, data })),
  fc.record({ now: instant }).map((data) => ({ type: 'ExpireAppPassword' as const, data })),
  fc.record({ reason: freeText, incidentRef: optional(freeText), caseId, now: instant }).map((data) => ({ type: 'SuspendAppPassword' as const, data })),
  fc.record({ reason: freeText, caseId }).map((data) => ({ type: 'ReinstateAppPassword' as const, data })),
);
/** A generation that passes: an enabled owner with MFA and room, a plain label, what the policy allows. */
const acceptedGenerate: fc.Arbitrary<GenerateAppPassword> = fc
  .tuple(generate, plainText, fc.nat(), fc.boolean())
  .map(([{ data }, label, days, isDefault]) => ({
    type: 'GenerateAppPassword' as const,
    data: {
      ...data,
      owner: { ...data.owner, isEnabled: true, hasMfa: true, activeCount: 0 },
      label,
      scopes: null,
      expiresInDays: isDefault ? undefined : 1 + (days % data.policy.maxLifetimeDays),
    },
  }));
/** A generation first (mostly one that passes), then anything, in any order. */
const commands = fc
  .tuple(fc.oneof({ arbitrary: acceptedGenerate, weight: 3 }, generate), fc.array(laterCommand, { maxLength: 20 }))
  .map(([first, rest]) => [first, ...rest]);

const { decideChecked, replay } = checkedDecider(appPasswordDecider);

/** The free-text contract (free-text.ts), checked code point by code point rather than with its regex. */
function isCleanLine(text: string, max: number): boolean {
  const isForbidden = (c: number) =>
    (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff);
  return text === text.trim() && text.length >= 1 && text.length <= max && [...text].every((c) => !isForbidden(c.codePointAt(0) as number));
}

describe('app passwords, over random sequences of commands', () => {
  it('for any sequence of commands, decide returns events or refuses with a DomainError, never anything else, leaves the state and command it was given unchanged, and answers the same twice', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        replay(sequence);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, one app password is generated at most, every event names it, and it is revoked at most once', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const events = eventsOf(replay(sequence));
        const generated = events.filter((event) => event.type === 'AppPasswordGenerated');
        expect(generated.length).toBeLessThanOrEqual(1);
        if (generated.length === 0) return expect(events).toEqual([]);
        expect(events[0]).toBe(generated[0]);
        for (const event of events) expect(event.data.appPasswordId).toBe(generated[0].data.appPasswordId);
        expect(events.filter((event) => event.type === 'AppPasswordRevoked').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a revoked credential stays revoked, an expired one can only be revoked, and a case is named exactly while it is suspended', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { before, after } of replay(sequence)) {
          if (before.status === 'REVOKED') expect(after.status).toBe('REVOKED');
          if (before.status === 'EXPIRED') expect(['EXPIRED', 'REVOKED']).toContain(after.status);
          if (after.status !== 'none') expect(after.suspendedByCase ?? null).toEqual(after.status === 'SUSPENDED' ? expect.any(String) : null);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, every label, reason and incident reference in an event is trimmed, on one line, free of control, bidi and zero-width characters, and within its limit', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const event of eventsOf(replay(sequence))) {
          if (event.type === 'AppPasswordGenerated' || event.type === 'AppPasswordRenamed') expect(isCleanLine(event.data.label, 100)).toBe(true);
          if (event.type === 'AppPasswordRevoked' || event.type === 'AppPasswordSuspended' || event.type === 'AppPasswordReinstated') expect(isCleanLine(event.data.reason, 500)).toBe(true);
          if ((event.type === 'AppPasswordRevoked' || event.type === 'AppPasswordSuspended') && event.data.incidentRef !== null) expect(isCleanLine(event.data.incidentRef, 200)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any generation that succeeds, the owner may hold one more credential, its scopes are allowed by the policy in canonical order, and it expires within the policy lifetime', () => {
    fc.assert(
      fc.property(generate, ({ data }) => {
        const outcome = decideChecked({ type: 'GenerateAppPassword', data }, appPasswordDecider.initialState());
        if (outcome instanceof DomainError) return;
        const [event] = outcome;
        if (event.type !== 'AppPasswordGenerated') throw new Error(`expected AppPasswordGenerated, got ${event.type}`);
        expect(data.owner.isEnabled).toBe(true);
        expect(data.owner.hasMfa || !data.policy.isMfaRequired).toBe(true);
        expect(data.owner.activeCount).toBeLessThan(data.policy.maxActivePerUser);
        expect(event.data.scopes.length).toBeGreaterThan(0);
        expect(event.data.scopes).toEqual(APP_PASSWORD_SCOPES.filter((scope) => event.data.scopes.includes(scope)));
        for (const scope of event.data.scopes) expect(data.policy.allowedScopes).toContain(scope);
        const lifetime = (Date.parse(event.data.expiresAt as string) - data.now.getTime()) / DAY_MS;
        expect(Number.isInteger(lifetime) && lifetime >= 1 && lifetime <= data.policy.maxLifetimeDays).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a credential is suspended only while active, reinstated only by the case that suspended it, and expired only once its expiry has passed', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { command, before, outcome } of replay(sequence)) {
          if (outcome instanceof DomainError || before.status === 'none') continue;
          for (const event of outcome) {
            if (event.type === 'AppPasswordSuspended' && command.type === 'SuspendAppPassword') expect(statusAt(before, command.data.now)).toBe('ACTIVE');
            if (event.type === 'AppPasswordReinstated') expect([before.status, before.suspendedByCase]).toEqual(['SUSPENDED', event.data.caseId]);
            if (event.type === 'AppPasswordExpired' && command.type === 'ExpireAppPassword') {
              expect(before.status).toBe('ACTIVE');
              expect(Date.parse(before.expiresAt as string)).toBeLessThanOrEqual(command.data.now.getTime());
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any credential a sequence of commands left behind, revoking it twice writes one revocation, and a credential revoked already gets none', () => {
    fc.assert(
      fc.property(commands, plainText, plainText, (sequence, first, second) => {
        const steps = replay(sequence);
        const state = steps[steps.length - 1].after;
        fc.pre(state.status !== 'none');
        const revoke = (reason: string): AppPasswordCommand => ({ type: 'RevokeAppPassword', data: { reason } });
        const once = decideChecked(revoke(first), state);
        if (once instanceof DomainError) throw new Error(`a plain reason was refused: ${once.message}`);
        expect(once.length).toBe(state.status === 'REVOKED' ? 0 : 1);
        const twice = decideChecked(revoke(second), once.reduce(appPasswordDecider.evolve, state));
        expect(twice).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  // Found by this test: new Date(NaN), or a date within a lifetime of the end of representable
  // time (+275760-09-13), made generation throw RangeError ("Invalid time value") from toISOString
  // instead of refusing with a DomainError. Only a broken clock gets there. (Not through
  // decideChecked: an invalid Date never deep-equals its copy.)
  it('for a clock reading that is no valid date, or one so late that the expiry cannot be written, generation refuses with a DomainError', () => {
    const endOfTime = 8_640_000_000_000_000;
    fc.assert(
      fc.property(acceptedGenerate, fc.oneof(fc.constant(new Date(Number.NaN)), fc.date({ min: new Date(endOfTime - DAY_MS + 1) })), ({ data }, now) => {
        expect(() => appPasswordDecider.decide({ type: 'GenerateAppPassword', data: { ...data, now } }, appPasswordDecider.initialState())).toThrow(DomainError);
      }),
      { numRuns: 50 },
    );
  });
});
