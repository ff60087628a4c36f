import { Inject, Injectable, Logger } from '@nestjs/common';
import { isDomainError, type Actor, type CommandContext } from '@keyward/shared/domain';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { Aggregates, type HeldStream, type Reaction } from '@keyward/shared/event-sourcing';
import { CLOCK, KEYWARD_CONFIG, Reactor, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { systemPrincipal } from '@keyward/identity/domain';
import { RevokeAppPasswords, throwIfAnyFailed, type RevocationOutcome } from '@keyward/app-passwords/application';
import {
  caseControlDecider,
  caseControlStreamId,
  pendingTargets,
  revocationCaseDecider,
  revocationCaseStreamId,
  suspendedTargets,
  type CaseReinstatementRequested,
  type OpenCase,
  type RecordedOutcome,
  type RevocationCase,
  type RevocationCaseCommand,
  type RevocationCaseEvent,
  type RevocationCaseRequested,
} from '@keyward/incidents/domain';

type HeldCase = HeldStream<RevocationCaseCommand, RevocationCaseEvent, RevocationCase>;

/**
 * Works through a revocation case: revokes (or suspends) its credentials a step (KEYWARD_CASE_STEP, 1,000) at a time, then
 * records their outcomes on the case, then completes it. Each revocation event carries the case's
 * id, reason and incident reference, and names the responder who asked as its actor.
 *
 * After `kill -9` the subscriber hands the request over again and the runner goes on from the
 * outcomes recorded: a credential revoked but not yet recorded is found revoked by this very case
 * (REVOKED, not written twice), and none is missed. A cancellation goes to the case's control
 * stream, read between steps: the step in flight is finished and recorded, then the case is
 * cancelled.
 */
@Injectable()
@Reactor()
export class RevocationCaseRunner implements Reaction {
  readonly name = 'revocation-case-runner';
  readonly filter = { streamPrefixes: ['revocationCase-'], eventTypes: ['RevocationCaseRequested', 'CaseReinstatementRequested'] };
  private readonly logger = new Logger('RevocationCases');

  constructor(
    private readonly aggregates: Aggregates,
    private readonly revocations: RevokeAppPasswords,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    const typed = event as RecordedEvent & (RevocationCaseRequested | CaseReinstatementRequested);
    if (typed.type === 'RevocationCaseRequested' && typed.data.isDryRun) return;
    const held = await this.aggregates.hold(revocationCaseStreamId(typed.data.caseId), revocationCaseDecider);
    if (held.state.status === 'none') return;
    if (typed.type === 'RevocationCaseRequested') await this.work(held, event);
    else await this.reinstate(held, typed);
  }

  private async work(held: HeldCase, event: RecordedEvent): Promise<void> {
    const state = held.state as OpenCase;
    if (state.status !== 'RUNNING') return;
    const started = Date.now();
    const principal = systemPrincipal('revocation-case', state.tenantId);
    const revocation = { reason: state.reason, incidentRef: state.incidentRef, caseId: state.caseId };
    let pending = (await this.cancellationRequestedBy(state)) === null ? pendingTargets(state) : [];
    if (state.outcomes.size > 0) this.logger.log({ msg: 'resuming a revocation case', caseId: state.caseId, pending: pending.length });
    // A step's outcomes are appended while the next step's revocations are: they share commits.
    let recording: Promise<unknown> = Promise.resolve();
    while (pending.length > 0) {
      const step = pending.slice(0, this.config.caseStep);
      pending = pending.slice(this.config.caseStep);
      const context = this.contextFor(state, event);
      const outcomes =
        state.action === 'REVOKE'
          ? await this.revocations.revoke(principal, step, revocation, context)
          : await this.revocations.suspend(principal, step, revocation, context);
      await recording;
      // Every write of a step failing for no reason of the domain's: the store is away. Throw, so
      // the subscriber retries later and the case goes on from the outcomes recorded.
      if (outcomes.every((outcome) => outcome.outcome === 'FAILED' && !isDomainError(outcome.error))) throwIfAnyFailed(outcomes);
      recording = held.handle({ type: 'RecordOutcomes', data: { outcomes: outcomes.map(recorded) } }, context);
      if ((await this.cancellationRequestedBy(state)) !== null) break;
    }
    await recording;
    const [completed] = await held.handle({ type: 'CompleteCase', data: {} }, this.contextFor(state, event));
    if (completed?.type === 'RevocationCaseCompleted') {
      const { revoked, alreadyRevoked, failed } = completed.data;
      this.logger.log({ msg: 'revocation case completed', caseId: state.caseId, revoked, alreadyRevoked, failed, ms: Date.now() - started });
      return;
    }
    const cancelledBy = await this.cancellationRequestedBy(state);
    if (cancelledBy === null) return;
    await held.handle({ type: 'CancelCase', data: { cancelledBy } }, this.contextFor(state, event));
    this.logger.log({ msg: 'revocation case cancelled', caseId: state.caseId, done: (held.state as OpenCase).outcomes.size, of: state.targets.length });
  }

  private async reinstate(held: HeldCase, event: RecordedEvent & CaseReinstatementRequested): Promise<void> {
    const state = held.state as OpenCase;
    if (state.reinstatement !== 'requested') return;
    const context = { ...this.contextFor(state, event), actor: event.data.requestedBy as Actor };
    const outcomes = await this.revocations.reinstate(systemPrincipal('revocation-case', state.tenantId), suspendedTargets(state), { reason: event.data.reason, caseId: state.caseId }, context);
    throwIfAnyFailed(outcomes);
    // Active now means reinstated by this case: nothing else lifts the case's suspension.
    const reinstated = outcomes.filter((outcome) => 'state' in outcome && outcome.state.status === 'ACTIVE').length;
    await held.handle({ type: 'CompleteReinstatement', data: { reinstated } }, context);
    this.logger.log({ msg: 'suspension case reinstated', caseId: state.caseId, reinstated });
  }

  /** Who asked the case to stop, if anyone did (its control stream, read between steps). */
  private async cancellationRequestedBy(state: OpenCase): Promise<string | null> {
    return (await this.aggregates.load(caseControlStreamId(state.caseId), caseControlDecider)).cancellationRequestedBy;
  }

  /** The changes are the responder's: they name the requester as actor and the case as correlation. */
  private contextFor(state: OpenCase, event: RecordedEvent): CommandContext {
    return { actor: state.requestedBy as Actor, tenantId: state.tenantId, now: this.clock.now(), correlationId: state.caseId, causationId: event.id };
  }
}

function recorded(outcome: RevocationOutcome): RecordedOutcome {
  switch (outcome.outcome) {
    case 'REVOKED':
    case 'SUSPENDED':
      return { appPasswordId: outcome.appPasswordId, outcome: outcome.outcome, userId: outcome.state.userId };
    case 'REINSTATED':
    case 'UNCHANGED':
      return { appPasswordId: outcome.appPasswordId, outcome: 'ALREADY_REVOKED', userId: outcome.state.userId };
    case 'NOT_FOUND':
      return { appPasswordId: outcome.appPasswordId, outcome: 'FAILED', userId: null, detail: 'No such app password.' };
    case 'FAILED':
      return {
        appPasswordId: outcome.appPasswordId,
        outcome: 'FAILED',
        userId: null,
        detail: isDomainError(outcome.error) ? outcome.error.message : 'The event store did not take the change; run a new case for this credential.',
      };
  }
}
