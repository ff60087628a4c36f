import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import { ROLES } from '../role';
import { apiTokenDecider, apiTokenStatusAt, MAX_API_TOKEN_DAYS, type ApiTokenCommand, type ExistingApiToken } from './api-token';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const at = fc.integer({ min: 0, max: 400 * 24 }).map((hours) => new Date(START + hours * HOUR));
const create = fc
  .record({
    apiTokenId: fc.constant('Ab3dEf6hIj9k'),
    creator: fc.record({ userId: fc.constant('u-1'), tenantId: fc.constant('t-1'), roles: fc.subarray([...ROLES]), isEnabled: fc.boolean() }),
    name: fc.oneof({ arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), weight: 3 }, fc.string({ unit: 'binary', maxLength: 120 })),
    role: fc.constantFrom(...ROLES),
    expiresInDays: fc.option(fc.oneof(fc.integer({ min: 1, max: MAX_API_TOKEN_DAYS }), fc.integer(), fc.double()), { nil: null }),
    tokenHash: fc.constant('c2hhMjU2'),
    now: at,
  })
  .map((data) => ({ type: 'CreateApiToken' as const, data }));
const command: fc.Arbitrary<ApiTokenCommand> = fc.oneof(create, fc.constant({ type: 'RevokeApiToken' as const }), at.map((now) => ({ type: 'RecordApiTokenUse' as const, data: { now } })));
const commands = fc.tuple(create, fc.array(command, { maxLength: 20 })).map(([first, rest]) => [first, ...rest]);
const { replay } = checkedDecider(apiTokenDecider);

describe('API tokens, over random sequences of commands', () => {
  it('for any sequence, decide returns events or a DomainError only, changes nothing it was given, and answers the same twice', () => {
    fc.assert(fc.property(commands, (sequence) => void replay(sequence)), { numRuns: 300 });
  });

  it("for any sequence, a token is created at most once, with one of its enabled creator's roles and an expiry 1 to 365 days on, and once revoked it stays revoked", () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const steps = replay(sequence);
        const created = eventsOf(steps).filter((event) => event.type === 'ApiTokenCreated');
        expect(created.length).toBeLessThanOrEqual(1);
        for (const { command: step, outcome, before, after } of steps) {
          if (step.type === 'CreateApiToken' && !(outcome instanceof DomainError) && outcome.length > 0) {
            expect(step.data.creator.isEnabled).toBe(true);
            expect(step.data.creator.roles).toContain(step.data.role);
            const days = (Date.parse((after as ExistingApiToken).expiresAt) - step.data.now.getTime()) / (24 * HOUR);
            expect(days).toBeGreaterThanOrEqual(1);
            expect(days).toBeLessThanOrEqual(MAX_API_TOKEN_DAYS);
          }
          if (before.status === 'REVOKED') expect(after.status).toBe('REVOKED');
          if (step.type === 'RecordApiTokenUse' && !(outcome instanceof DomainError) && outcome.length > 0) {
            expect(apiTokenStatusAt(before as ExistingApiToken, step.data.now)).toBe('ACTIVE');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
