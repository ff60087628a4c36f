import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, DomainEvent, EventMetadata } from '@keyward/shared/domain';
import {
  handleCommand,
  loadAggregate,
  toNewEvents,
  type AggregateDecider,
  type EventStore,
  type HandledCommand,
  type LoadedAggregate,
  type NewEvent,
} from '@keyward/shared/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from './tokens';

/** The event store as command handlers use it: load a decider's state, run a command, new event ids. */
@Injectable()
export class Aggregates {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  load<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<AggregateDecider<unknown, Event, State>, 'evolve' | 'initialState'>,
  ): Promise<LoadedAggregate<State>> {
    return loadAggregate(this.store, streamId, decider);
  }

  /** Load, decide, append with the expected revision; a conflict is retried with fresh state. */
  handle<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: AggregateDecider<Command, Event, State>,
    command: Command | ((state: State) => Command),
    context: CommandContext,
    retries?: number,
  ): Promise<HandledCommand<Event, State>> {
    return handleCommand(this.store, streamId, decider, command, context, { newEventId: () => this.ids.newId(), retries });
  }

  /** Domain events with ids and the metadata of `context`, ready to append. */
  newEvents(events: readonly DomainEvent[], context: CommandContext, extra: Partial<EventMetadata> = {}): NewEvent[] {
    return toNewEvents(events, context, () => this.ids.newId(), extra);
  }
}
