import type { DomainEvent, EventMetadata } from '@keyward/shared/domain';

/** What folds a stream's events into state: the `evolve` half of a decider. */
export interface Fold<Event extends DomainEvent, State> {
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The pure core of an aggregate: decide on a command, evolve state with the events decided. */
export interface Decider<Command, Event extends DomainEvent, State> extends Fold<Event, State> {
  decide(command: Command, state: State): Event[];
}

/** Reads streams for a decision. Every stream read this way is written, if at all, at the revision read. */
export interface StreamReader {
  load<Event extends DomainEvent, State>(streamId: string, fold: Fold<Event, State>): Promise<State>;
}

/** Events a decision appends to one stream. */
export interface StreamWrite {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  /**
   * Needed only for a stream the command did not read: `no_stream` for a new aggregate. A stream
   * that was read is appended to at the revision read (optimistic concurrency).
   */
  readonly expectedRevision?: 'no_stream';
  /** Metadata beyond the command context's (a sign-in's address, protocol and client). */
  readonly metadata?: Partial<EventMetadata>;
}

/**
 * A command whose decision spans one or several streams. `load` reads what the decision needs;
 * `decide` is pure. The first write with events is the guard: a revision conflict there means
 * someone else decided in between, and the whole command is loaded and decided again. Later
 * writes must be ones no one else can make (a new aggregate's first events): EventStoreDB has no
 * multi-stream transaction, so a conflict after the first append is reported, not retried.
 */
export interface StreamCommand<State> {
  load(streams: StreamReader): Promise<State>;
  decide(state: State): StreamWrite[];
}
