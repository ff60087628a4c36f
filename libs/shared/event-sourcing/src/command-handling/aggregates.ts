import { conflict, type CommandContext, type DomainEvent, type EventMetadata } from '@keyward/shared/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StreamRevision,
} from '@keyward/shared/event-store';
import { DEFAULT_CONFLICT_RETRY, jitteredDelay, type ConflictRetry } from './conflict-retry';
import type { Decider, Fold, StreamCommand, StreamWrite } from './stream-command';

export interface HandledCommand<Event, State> {
  /** The events appended; none when the command changed nothing (revoking twice). */
  readonly events: Event[];
  /** The stream's state after them. */
  readonly state: State;
}

/**
 * The one way Keyward writes events: load a decision's streams, decide with pure functions,
 * append with the revisions read, and on a conflict decide again after a jittered wait. The store
 * itself is not reachable from here, so no code appends past a decision.
 */
export class Aggregates {
  constructor(
    private readonly store: EventStore,
    private readonly newId: () => string,
    private readonly retry: ConflictRetry = DEFAULT_CONFLICT_RETRY,
  ) {}

  /** A stream's current state, read from the store (never behind, unlike a read model). */
  async load<Event extends DomainEvent, State>(streamId: string, fold: Fold<Event, State>): Promise<State> {
    return (await this.read(streamId, fold)).state;
  }

  /** Load one stream, decide, append at the revision read; a conflict decides again on fresh state. */
  async handle<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command | ((state: State) => Command),
    context: CommandContext,
  ): Promise<HandledCommand<Event, State>> {
    let decided: Event[] = [];
    const { state } = await this.handleAcross(
      {
        load: (streams) => streams.load(streamId, decider),
        decide: (current) => {
          decided = decider.decide(typeof command === 'function' ? (command as (s: State) => Command)(current) : command, current);
          return [{ streamId, events: decided }];
        },
      },
      context,
    );
    return { events: decided, state: decided.reduce(decider.evolve, state) };
  }

  /** A command over several streams (see StreamCommand); resolves with the state it decided on and what it wrote. */
  async handleAcross<State>(command: StreamCommand<State>, context: CommandContext): Promise<{ state: State; writes: StreamWrite[] }> {
    for (let attempt = 1; ; attempt++) {
      const revisions = new Map<string, StreamRevision | 'no_stream'>();
      const state = await command.load({
        load: async (streamId, fold) => {
          const read = await this.read(streamId, fold);
          revisions.set(streamId, read.revision);
          return read.state;
        },
      });
      const writes = command.decide(state).filter((write) => write.events.length > 0);
      try {
        await this.appendAll(writes, revisions, context);
        return { state, writes };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= this.retry.maxAttempts) throw conflict('Someone else changed this at the same time; try again.');
        await new Promise((resolve) => setTimeout(resolve, jitteredDelay(this.retry, attempt)));
      }
    }
  }

  /** When a stream's first event happened (null for no stream): when the thing it records came to be. */
  async firstOccurredAt(streamId: string): Promise<Date | null> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    return first ? new Date(first.metadata.occurredAt) : null;
  }

  /** The type of a stream's newest event (null for no stream): a cheap look at how a process stands. */
  async lastEventType(streamId: string): Promise<string | null> {
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last?.type ?? null;
  }

  /**
   * Holds a stream for a long-running process (a revocation case working through its credentials):
   * read once, then each command is decided on the state in memory and appended at the revision
   * last seen. Only when someone else wrote to the stream meanwhile (a cancellation) is it read
   * again and the command decided on what is there now.
   */
  async hold<Command, Event extends DomainEvent, State>(streamId: string, decider: Decider<Command, Event, State>): Promise<HeldStream<Command, Event, State>> {
    const { state, revision } = await this.read(streamId, decider);
    const append = async (events: readonly Event[], expectedRevision: StreamRevision | 'no_stream', context: CommandContext) =>
      (await this.store.appendToStream(streamId, this.toNewEvents(events, context, {}), { expectedRevision })).nextExpectedRevision;
    return new HeldStream(decider, state, revision, append, () => this.read(streamId, decider), this.retry);
  }

  /**
   * Records facts that need no decision (a sign-in attempt, which only ever adds to its stream):
   * appended at whatever revision the stream has.
   */
  async record(streamId: string, events: readonly DomainEvent[], context: CommandContext, metadata: Partial<EventMetadata> = {}): Promise<void> {
    await this.store.appendToStream(streamId, this.toNewEvents(events, context, metadata), { expectedRevision: 'any' });
  }

  /** A stream's newest `count` events, newest first: for a decision on a stream too long to load whole (a usage stream). */
  tail(streamId: string, count: number): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId, { direction: 'backwards', maxCount: count });
  }

  /**
   * Appends what a decision on a stream's tail found, at the revision the tail ended at: a
   * WrongExpectedRevisionError says someone appended since, and the caller reads and decides again.
   */
  async recordAt(streamId: string, events: readonly DomainEvent[], expectedRevision: StreamRevision, context: CommandContext, metadata: Partial<EventMetadata> = {}): Promise<void> {
    await this.store.appendToStream(streamId, this.toNewEvents(events, context, metadata), { expectedRevision });
  }

  private async read<Event extends DomainEvent, State>(streamId: string, fold: Fold<Event, State>) {
    const events = await this.store.readStream(streamId);
    const state = events.reduce((current, event) => fold.evolve(current, { type: event.type, data: event.data } as Event), fold.initialState());
    const revision: StreamRevision | 'no_stream' = events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
    return { state, revision };
  }

  private async appendAll(writes: readonly StreamWrite[], revisions: Map<string, StreamRevision | 'no_stream'>, context: CommandContext): Promise<void> {
    for (const [index, write] of writes.entries()) {
      const expectedRevision: ExpectedRevision | undefined = write.expectedRevision ?? revisions.get(write.streamId);
      if (expectedRevision === undefined) throw new Error(`${write.streamId} was neither read nor declared new`);
      try {
        await this.store.appendToStream(write.streamId, this.toNewEvents(write.events, context, write.metadata ?? {}), { expectedRevision });
      } catch (error) {
        // The first write already stands: deciding again would decide on top of it.
        if (index > 0 && error instanceof WrongExpectedRevisionError) throw conflict('Someone else changed this at the same time; try again.');
        throw error;
      }
    }
  }

  private toNewEvents(events: readonly DomainEvent[], context: CommandContext, extra: Partial<EventMetadata>): NewEvent[] {
    const metadata = metadataFor(context, extra);
    return events.map((event) => ({ id: this.newId(), type: event.type, data: event.data, metadata }));
  }
}

/** A stream held by one process (see Aggregates.hold): its state is always what the process last read or wrote. */
export class HeldStream<Command, Event extends DomainEvent, State> {
  constructor(
    private readonly decider: Decider<Command, Event, State>,
    private current: State,
    private revision: StreamRevision | 'no_stream',
    private readonly append: (events: readonly Event[], expectedRevision: StreamRevision | 'no_stream', context: CommandContext) => Promise<StreamRevision>,
    private readonly reread: () => Promise<{ state: State; revision: StreamRevision | 'no_stream' }>,
    private readonly retry: ConflictRetry,
  ) {}

  get state(): State {
    return this.current;
  }

  /** Decides on the held state and appends; on a conflict, rereads the stream and decides again. */
  async handle(command: Command | ((state: State) => Command), context: CommandContext): Promise<Event[]> {
    for (let attempt = 1; ; attempt++) {
      const events = this.decider.decide(typeof command === 'function' ? (command as (s: State) => Command)(this.current) : command, this.current);
      if (events.length === 0) return events;
      try {
        this.revision = await this.append(events, this.revision, context);
        this.current = events.reduce(this.decider.evolve, this.current);
        return events;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= this.retry.maxAttempts) throw conflict('Someone else changed this at the same time; try again.');
        await this.refresh();
      }
    }
  }

  /** Reads the stream again: what others wrote since becomes part of the held state. */
  async refresh(): Promise<void> {
    const { state, revision } = await this.reread();
    this.current = state;
    this.revision = revision;
  }
}

/** The metadata every event of a command carries. */
export function metadataFor(context: CommandContext, extra: Partial<EventMetadata> = {}): EventMetadata {
  return {
    tenantId: context.tenantId,
    actor: context.actor,
    occurredAt: context.now.toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.correlationId,
    ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
    ...extra,
  };
}
