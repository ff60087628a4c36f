import type { EventMetadata } from '@keyward/shared/domain';

/**
 * A stream's revision: the zero-based index of its last event. A bigint, because EventStoreDB
 * revisions are unsigned 64-bit numbers and may exceed Number.MAX_SAFE_INTEGER.
 */
export type StreamRevision = bigint;

/** What the writer believes about the stream it appends to. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | StreamRevision;

/**
 * A place in the global log. Opaque: callers store and hand it back, never parse or compare it
 * (the SQLite adapter uses a row number, EventStoreDB a commit/prepare pair).
 */
export type Position = string & { readonly __position: unique symbol };

/** An event about to be appended. `id` makes the append idempotent. */
export interface NewEvent<Data = unknown> {
  readonly id: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as the store recorded it. */
export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  readonly streamId: string;
  readonly revision: StreamRevision;
  readonly position: Position;
}

export interface AppendResult {
  /** The stream's revision after the append: pass it as the next expected revision. */
  readonly nextExpectedRevision: StreamRevision;
  /** Where the last appended event sits in the global log. */
  readonly position: Position;
}

/** Selects events from the global log: any of the stream prefixes, and any of the types. */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

/** Whether an event is one the filter selects (system streams, `$…`, never are). */
export function matchesFilter(filter: EventFilter | undefined, event: { streamId: string; type: string }): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    !event.streamId.startsWith('$') &&
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix))) &&
    (types.length === 0 || types.includes(event.type))
  );
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Defaults to the start of the log. */
  readonly after?: Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to 0 forwards, and to the last event backwards. */
  readonly fromRevision?: StreamRevision;
  readonly maxCount?: number;
  /** Oldest first (the default), or newest first. */
  readonly direction?: 'forwards' | 'backwards';
}

export interface SubscribeOptions {
  /** Exclusive: deliver events after this checkpoint. Defaults to the start of the log. */
  readonly after?: Position;
  readonly filter?: EventFilter;
  /** The most events handed to the handler at once. */
  readonly batchSize?: number;
  /**
   * Live events may be held back this many ms so that a burst reaches the handler as one batch
   * (one read-model transaction instead of one per event). Default 0.
   */
  readonly coalesceMs?: number;
  /**
   * The embedded store: the hold-back after a busy round (a revocation case, an import: at least
   * 500 events handled before the subscription caught up), so that the next batches are larger and
   * cost fewer commits. Someone waiting for the subscription to settle cuts any hold-back short.
   * Default `coalesceMs`.
   */
  readonly busyCoalesceMs?: number;
}

/** Receives events in log order; the next batch waits until the returned promise settles. */
export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void> | void;

export interface Subscription {
  /** Settles once every event that existed when the subscription started has been handled. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects if the handler failed. */
  readonly done: Promise<void>;
  /**
   * Resolves once every event appended before the call has been handled (or the subscription
   * ended): what a writer awaits to read its own writes from a read model.
   */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** The one port every event-store adapter implements; the contract suite checks each of them. */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** The stream's events in order; an empty list for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from the checkpoint, then live delivery of new events. */
  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription;
  close(): Promise<void>;
}
