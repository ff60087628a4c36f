import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import {
  caseControlDecider,
  pendingTargets,
  revocationCaseDecider,
  type CaseControl,
  type CaseStatus,
  type RequestCancellation,
  type RevocationCase,
  type RevocationCaseCommand,
} from './revocation-case';
import type { CaseCancellationRequested, CaseOutcome, RevocationCaseEvent } from './revocation-case.events';

const OUTCOMES: CaseOutcome[] = ['REVOKED', 'SUSPENDED', 'ALREADY_REVOKED', 'FAILED'];
const ODD = ['\u0000', '\n', '\r', '\u001b', '\u0085', '\u200b', '\u202e', '\u2066', '\ufeff', '\ud800', 'é', ' '];
const plainText = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-#'), minLength: 1, maxLength: 30 });
const freeText = fc.oneof(
  { arbitrary: plainText, weight: 4 },
  fc.string({ unit: fc.constantFrom(...ODD, 'a'), maxLength: 10 }),
  fc.constantFrom('', '   '),
  fc.string({ unit: 'grapheme-ascii', minLength: 195, maxLength: 510 }),
);
const instant = fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true });
const credentialIds = fc.uniqueArray(fc.constantFrom('ap-1', 'ap-2', 'ap-3', 'ap-4', 'ap-5', 'ap-6', 'ap-7', 'ap-8', 'ap-9', 'ap-10', 'ap-11', 'ap-12'), { maxLength: 12 });

const request = fc
  .record({
    action: fc.constantFrom('REVOKE' as const, 'SUSPEND' as const),
    isDryRun: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.constant(true)),
    reason: freeText,
    incidentRef: freeText,
    now: instant,
    ids: credentialIds,
    recentlyUsed: fc.nat(12),
    usersAffected: fc.nat(12),
    expected: fc.oneof({ arbitrary: fc.constant('as previewed' as const), weight: 4 }, fc.constant(undefined), fc.constant(null), fc.integer({ min: -1, max: 13 }), fc.constant(1.5)),
  })
  .map(({ ids, recentlyUsed, usersAffected, expected, ...data }) => ({
    type: 'RequestRevocationCase' as const,
    data: { ...data, caseId: 'case-1', tenantId: 't-1', requestedBy: 'user:responder', filter: { usedFromAddress: '203.0.113.0/24' }, match: { ids, recentlyUsed, usersAffected }, expectedMatched: expected === 'as previewed' ? ids.length : expected },
  }));

/**
 * The runner records outcomes for the case's own credentials, mostly pending ones: which ones is
 * decided when the step runs, from the state.
 */
type RecordTargetOutcomes = { type: 'RecordTargetOutcomes'; picks: { index: number; outcome: CaseOutcome }[] };
type Plan = RevocationCaseCommand | RecordTargetOutcomes;
const recordTargetOutcomes = fc
  .array(fc.record({ index: fc.nat(), outcome: fc.constantFrom(...OUTCOMES) }), { minLength: 1, maxLength: 6 })
  .map((picks): RecordTargetOutcomes => ({ type: 'RecordTargetOutcomes', picks }));
const laterPlan: fc.Arbitrary<Plan> = fc.oneof(
  request,
  { arbitrary: recordTargetOutcomes, weight: 5 },
  { arbitrary: fc.constant({ type: 'CompleteCase' as const, data: {} }), weight: 2 },
  fc.constant({ type: 'CancelCase' as const, data: { cancelledBy: 'user:responder' } }),
  fc.record({ reason: freeText, requestedBy: fc.constant('user:responder') }).map((data) => ({ type: 'RequestReinstatement' as const, data })),
  fc.record({ reason: plainText, requestedBy: fc.constant('user:responder') }).map((data) => ({ type: 'RequestReinstatement' as const, data })),
  fc.nat(12).map((reinstated) => ({ type: 'CompleteReinstatement' as const, data: { reinstated } })),
);
/** A request that passes: a plain reason and reference, the count previewed, something to act on. */
const acceptedRequest = fc
  .tuple(request, plainText, plainText, credentialIds.filter((ids) => ids.length > 0 && ids.length <= 6))
  .map(([{ data }, reason, incidentRef, ids]) => ({ type: 'RequestRevocationCase' as const, data: { ...data, reason, incidentRef, match: { ...data.match, ids }, expectedMatched: ids.length } }));
/** A request first (mostly one that passes), then anything, in any order. */
const plans = fc
  .tuple(fc.oneof({ arbitrary: acceptedRequest, weight: 3 }, request), fc.array(laterPlan, { maxLength: 25 }))
  .map(([first, rest]): Plan[] => [first, ...rest]);

function commandFor(plan: Plan, state: RevocationCase): RevocationCaseCommand {
  if (plan.type !== 'RecordTargetOutcomes') return plan;
  const targets = state.status === 'none' ? [] : state.targets;
  const pending = state.status === 'none' ? [] : pendingTargets(state);
  const pick = (index: number) => (pending.length > 0 && index % 4 !== 0 ? pending[index % pending.length] : targets[index % targets.length]);
  const outcomes = plan.picks.map(({ index, outcome }) => ({ appPasswordId: targets.length > 0 ? pick(index) : `ap-${index}`, outcome, userId: 'u-1' }));
  return { type: 'RecordOutcomes', data: { outcomes } };
}

// No freezing for a case: evolve grows the targets and outcomes in place, by design, so the state
// is compared with a copy instead, and the steps hold copies (a folded state is changed in place
// by the next fold).
const { decideChecked: decideCase, replay } = checkedDecider(revocationCaseDecider, { freeze: false, commandFor });
const { decideChecked: decideControl } = checkedDecider(caseControlDecider);

const isCleanLine = (text: string, max: number) =>
  text === text.trim() && text.length >= 1 && text.length <= max && ![...text].some((c) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|^[\ud800-\udfff]$/.test(c));

describe('revocation cases, over random sequences of commands', () => {
  it('for any sequence of commands, decide returns events or refuses with a DomainError, never anything else, leaves the state and command it was given unchanged, and answers the same twice', () => {
    fc.assert(
      fc.property(plans, (sequence) => {
        replay(sequence);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a completed or cancelled case never runs again, a dry run never runs, and a case ends at most once', () => {
    fc.assert(
      fc.property(plans, (sequence) => {
        const steps = replay(sequence);
        for (const { before, after } of steps) {
          if (before.status === 'none' || after.status === 'none') continue;
          if (before.status !== 'RUNNING') expect(after.status).toBe(before.status);
        }
        const endings = eventsOf(steps).filter((event) => event.type === 'RevocationCaseCompleted' || event.type === 'RevocationCaseCancelled');
        expect(endings.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, the targets are the matched credentials in order and never change, a case records no more outcomes than targets, and a recorded outcome is never replaced', () => {
    fc.assert(
      fc.property(plans, (sequence) => {
        for (const { command, before, after } of replay(sequence)) {
          if (after.status === 'none') continue;
          if (before.status === 'none' && command.type === 'RequestRevocationCase') expect(after.targets).toEqual(after.status === 'DRY_RUN' ? [] : command.data.match.ids);
          if (before.status !== 'none') expect(after.targets).toEqual(before.targets);
          expect(after.outcomes.size).toBeLessThanOrEqual(after.targets.length);
          for (const id of after.outcomes.keys()) expect(after.targets).toContain(id);
          if (before.status !== 'none') for (const [id, outcome] of before.outcomes) expect(after.outcomes.get(id)).toBe(outcome);
          if (after.status === 'DRY_RUN') expect(after.outcomes.size).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, a case completes exactly when it runs and every target has an outcome, with counts that add up to its targets', () => {
    fc.assert(
      fc.property(plans, (sequence) => {
        for (const { command, before, outcome } of replay(sequence)) {
          if (command.type !== 'CompleteCase' || before.status === 'none' || outcome instanceof DomainError) continue;
          const isDue = before.status === 'RUNNING' && before.targets.every((id) => before.outcomes.has(id));
          expect(outcome.length).toBe(isDue ? 1 : 0);
          for (const event of outcome) {
            if (event.type !== 'RevocationCaseCompleted') throw new Error(`CompleteCase wrote ${event.type}`);
            expect(event.data.revoked + event.data.alreadyRevoked + event.data.failed).toBe(before.targets.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, only a suspension case that has stopped running is reinstated, once, and only after it was asked for', () => {
    fc.assert(
      fc.property(plans, (sequence) => {
        const steps = replay(sequence);
        for (const { before, outcome } of steps) {
          if (outcome instanceof DomainError || before.status === 'none') continue;
          for (const event of outcome) {
            if (event.type === 'CaseReinstatementRequested') {
              expect([before.action, before.reinstatement]).toEqual(['SUSPEND', 'none']);
              expect(['COMPLETED', 'CANCELLED']).toContain(before.status);
              expect(isCleanLine(event.data.reason, 500)).toBe(true);
            }
            if (event.type === 'CaseReinstated') expect(before.reinstatement).toBe('requested');
          }
        }
        expect(eventsOf(steps).filter((event) => event.type === 'CaseReinstated').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('for any request that is accepted, a real run has a clean reason and incident reference and matches what was previewed; its sample is the first ten', () => {
    fc.assert(
      fc.property(request, (command) => {
        const outcome = decideCase(command, revocationCaseDecider.initialState());
        if (outcome instanceof DomainError) return;
        const [requested, ...fixed] = outcome;
        if (requested.type !== 'RevocationCaseRequested') throw new Error(`expected RevocationCaseRequested, got ${requested.type}`);
        const { match, expectedMatched, isDryRun } = command.data;
        if (!isDryRun) {
          expect(isCleanLine(requested.data.reason, 500) && isCleanLine(requested.data.incidentRef, 200)).toBe(true);
          expect(match.ids.length).toBeGreaterThan(0);
        }
        if (expectedMatched !== null && expectedMatched !== undefined) expect(expectedMatched).toBe(match.ids.length);
        expect(requested.data.matched).toBe(match.ids.length);
        expect(requested.data.sample).toEqual(match.ids.slice(0, 10));
        expect(fixed.flatMap((event) => (event.type === 'RevocationTargetsFixed' ? event.data.appPasswordIds : []))).toEqual(isDryRun ? [] : match.ids);
      }),
      { numRuns: 200 },
    );
  });

  // Found by this test: RecordOutcomes kept outcomes for credentials that are not among the case's
  // targets, and CompleteCase compares counts, so such an outcome let the case complete while a
  // target never had its turn. (Today's runner only records pending targets.)
  it('for any outcomes recorded for credentials outside the case, the case still completes only once every one of its own targets has an outcome', () => {
    fc.assert(
      fc.property(request, fc.uniqueArray(fc.constantFrom('ap-90', 'ap-91', 'ap-92'), { minLength: 1 }), (command, strangers) => {
        fc.pre(!command.data.isDryRun);
        const requested = decideCase(command, revocationCaseDecider.initialState());
        fc.pre(!(requested instanceof DomainError));
        let state = (requested as RevocationCaseEvent[]).reduce(revocationCaseDecider.evolve, revocationCaseDecider.initialState());
        const [, ...ownButFirst] = command.data.match.ids;
        const outcomes = [...ownButFirst, ...strangers].map((appPasswordId) => ({ appPasswordId, outcome: 'REVOKED' as const, userId: 'u-1' }));
        const recorded = decideCase({ type: 'RecordOutcomes', data: { outcomes } }, state);
        if (recorded instanceof DomainError) return;
        state = recorded.reduce(revocationCaseDecider.evolve, state);
        expect(decideCase({ type: 'CompleteCase', data: {} }, state)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a case's cancellation requests, over random sequences", () => {
  const cancellation = fc
    .record({ caseId: fc.constant('case-1'), requestedBy: fc.constantFrom('user:a', 'user:b', 'system:runner'), caseStatus: fc.constantFrom<CaseStatus>('DRY_RUN', 'RUNNING', 'COMPLETED', 'CANCELLED') })
    .map((data): RequestCancellation => ({ type: 'RequestCancellation', data }));

  it('for any sequence of requests, a completed case or a dry run is refused with CONFLICT and nothing else is thrown; the first request for a running case is the only one recorded, and its author never changes', () => {
    fc.assert(
      fc.property(fc.array(cancellation, { maxLength: 12 }), (sequence) => {
        let state: CaseControl = caseControlDecider.initialState();
        const recorded: CaseCancellationRequested[] = [];
        for (const command of sequence) {
          const outcome = decideControl(command, state);
          const { caseStatus } = command.data;
          if (caseStatus === 'DRY_RUN' || caseStatus === 'COMPLETED') {
            expect(outcome).toEqual(expect.objectContaining({ code: 'CONFLICT' }));
            continue;
          }
          if (outcome instanceof DomainError) throw new Error(`refused a ${caseStatus} case: ${outcome.message}`);
          expect(outcome.length).toBe(caseStatus === 'RUNNING' && state.cancellationRequestedBy === null ? 1 : 0);
          const next = outcome.reduce(caseControlDecider.evolve, state);
          if (state.cancellationRequestedBy !== null) expect(next.cancellationRequestedBy).toBe(state.cancellationRequestedBy);
          recorded.push(...outcome);
          state = next;
        }
        expect(recorded.length).toBeLessThanOrEqual(1);
        expect(state.cancellationRequestedBy).toBe(recorded[0]?.data.requestedBy ?? null);
      }),
      { numRuns: 200 },
    );
  });
});
