import { conflict, type CommandContext, type DomainEvent, type EventMetadata } from '@keyward/shared/domain';
import type { EventStore, ExpectedRevision, NewEvent, StreamRevision } from './event-store';
import { WrongExpectedRevisionError } from './errors';

export interface AggregateDecider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface LoadedAggregate<State> {
  readonly state: State;
  readonly revision: StreamRevision | 'no_stream';
}

/** Reads a stream and folds it with the decider's evolve. */
export async function loadAggregate<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Pick<AggregateDecider<unknown, Event, State>, 'evolve' | 'initialState'>,
): Promise<LoadedAggregate<State>> {
  const events = await store.readStream(streamId);
  const state = events.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event),
    decider.initialState(),
  );
  return { state, revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision };
}

export function metadataFor(context: CommandContext, extra: Partial<EventMetadata> = {}): EventMetadata {
  return {
    tenantId: context.tenantId,
    actor: context.actor,
    occurredAt: context.now.toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.correlationId,
    ...extra,
  };
}

export interface HandleCommandOptions {
  readonly newEventId: () => string;
  /** How often a concurrency conflict is retried with fresh state before it is reported. */
  readonly retries?: number;
}

export interface HandledCommand<Event, State> {
  readonly events: Event[];
  readonly state: State;
}

/**
 * Load, decide, append with the expected revision. A conflict means someone else changed the
 * stream in between: decide again on the new state, and report CONFLICT only if that keeps
 * happening. Nothing is lost either way: an append is all-or-nothing.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: AggregateDecider<Command, Event, State>,
  command: Command | ((state: State) => Command),
  context: CommandContext,
  options: HandleCommandOptions,
): Promise<HandledCommand<Event, State>> {
  const attempts = (options.retries ?? 3) + 1;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadAggregate(store, streamId, decider);
    const decided = decider.decide(typeof command === 'function' ? (command as (s: State) => Command)(state) : command, state);
    const newState = decided.reduce(decider.evolve, state);
    if (decided.length === 0) return { events: decided, state: newState };
    try {
      await store.appendToStream(streamId, toNewEvents(decided, context, options.newEventId), {
        expectedRevision: revision as ExpectedRevision,
      });
      return { events: decided, state: newState };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= attempts) throw conflict('Someone else changed this at the same time; try again.');
    }
  }
}

export function toNewEvents(
  events: readonly DomainEvent[],
  context: CommandContext,
  newEventId: () => string,
  extra: Partial<EventMetadata> = {},
): NewEvent[] {
  const metadata = metadataFor(context, extra);
  return events.map((event) => ({ id: newEventId(), type: event.type, data: event.data, metadata }));
}
