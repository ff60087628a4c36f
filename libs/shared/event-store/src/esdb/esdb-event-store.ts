import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type Position as EsdbPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '@keyward/shared/domain';
import {
  matchesFilter,
  type AppendResult,
  type BatchHandler,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { EsdbSubscription } from './esdb-subscription';
import { withTransientRetry } from './transient-retry';

const CLOSE_LIMIT_MS = 1000;

/** Retention for high-volume streams (usage records); lifecycle streams are never given any. */
export interface EsdbRetention {
  readonly streamPrefixes: readonly string[];
  readonly maxAgeSeconds?: number;
  readonly maxCount?: number;
}

/**
 * The EventStoreDB / KurrentDB adapter, on `@eventstore/db-client`. Positions are
 * `commit/prepare` strings, opaque to callers; revisions stay bigint end to end.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;

  constructor(
    connectionString: string,
    private readonly retention?: EsdbRetention,
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    try {
      // A retried append is safe: the same event ids make it idempotent on the server.
      const result = await withTransientRetry(() =>
        this.client.appendToStream(
          streamId,
          events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data as never, metadata: event.metadata as never })),
          { expectedRevision: toEsdbExpected(expected) },
        ),
      );
      if (result.nextExpectedRevision === BigInt(events.length - 1)) await this.applyRetention(streamId);
      return { nextExpectedRevision: result.nextExpectedRevision, position: fromEsdbPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(streamId, expected, typeof actual === 'bigint' ? actual : 'no_stream');
      }
      throw error;
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return withTransientRetry(() => this.readStreamOnce(streamId, options));
  }

  private async readStreamOnce(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const isBackwards = options.direction === 'backwards';
      const stream = this.client.readStream(streamId, {
        direction: isBackwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (isBackwards ? END : START),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of stream) events.push(toRecordedEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? 1000;
    const matches = matcher(options.filter);
    const events: RecordedEvent[] = [];
    let cursor = options.after;
    for (;;) {
      const page = await withTransientRetry(() => this.readAllAfter(cursor));
      events.push(...page.filter(matches));
      if (events.length >= wanted || page.length === 0) return events.slice(0, wanted);
      cursor = page[page.length - 1].position;
    }
  }

  /** One page of $all strictly after `after` ($all reads include their start, so it is dropped). */
  private async readAllAfter(after: Position | undefined): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: after ? toEsdbPosition(after) : START, maxCount: 501 });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (event.position !== after) page.push(event);
    }
    return page;
  }

  /** A stream's first append gives it the configured $maxAge / $maxCount, if it is a high-volume one. */
  private async applyRetention(streamId: string): Promise<void> {
    const retention = this.retention;
    if (!retention || !retention.streamPrefixes.some((prefix) => streamId.startsWith(prefix))) return;
    if (retention.maxAgeSeconds === undefined && retention.maxCount === undefined) return;
    await withTransientRetry(() =>
      this.client.setStreamMetadata(streamId, {
        ...(retention.maxAgeSeconds !== undefined ? { maxAge: retention.maxAgeSeconds } : {}),
        ...(retention.maxCount !== undefined ? { maxCount: retention.maxCount } : {}),
      }),
    );
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const matches = matcher(options.filter);
    const prefixes = options.filter?.streamPrefixes;
    return new EsdbSubscription({
      open: (after, onCheckpoint) =>
        this.client.subscribeToAll({
          fromPosition: after ? toEsdbPosition(after) : START,
          filter: prefixes?.length
            ? streamNameFilter({ prefixes: [...prefixes], checkpointReached: (_s, position) => onCheckpoint(fromEsdbPosition(position)) })
            : excludeSystemEvents({ checkpointReached: (_s, position) => onCheckpoint(fromEsdbPosition(position)) }),
        }),
      after: options.after,
      toEvent: (resolved) => {
        const event = toRecordedEvent(resolved);
        return matches(event) ? event : null;
      },
      head: () => this.head(),
      isAtOrAfter,
      batchSize: options.batchSize ?? 500,
      coalesceMs: options.coalesceMs ?? 0,
      handler,
    });
  }

  /**
   * Closes the client. Its dispose() waits for every stream it opened to finish, and a cancelled
   * subscription's gRPC stream may never report it: shutdown is bounded instead of hanging.
   */
  async close(): Promise<void> {
    await Promise.race([this.client.dispose(), new Promise((resolve) => setTimeout(resolve, CLOSE_LIMIT_MS).unref())]);
  }

  /** The position of the last event in $all (system events included), or undefined when empty. */
  private head(): Promise<Position | undefined> {
    return withTransientRetry(() => this.headOnce());
  }

  private async headOnce(): Promise<Position | undefined> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      return resolved.event ? fromEsdbPosition(resolved.event.position) : undefined;
    }
    return undefined;
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

function positionString(position: EsdbPosition): string {
  return `${position.commit}/${position.prepare}`;
}

function fromEsdbPosition(position: EsdbPosition | undefined): Position {
  return (position ? positionString(position) : '0/0') as Position;
}

function toEsdbPosition(position: Position): EsdbPosition {
  const match = /^(\d{1,20})\/(\d{1,20})$/.exec(position);
  if (!match) throw new Error(`Not a position of this store: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

function isAtOrAfter(position: Position, target: Position): boolean {
  const a = toEsdbPosition(position);
  const b = toEsdbPosition(target);
  return a.commit > b.commit || (a.commit === b.commit && a.prepare >= b.prepare);
}

function matcher(filter: EventFilter | undefined): (event: RecordedEvent) => boolean {
  return (event) => matchesFilter(filter, event);
}

function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('A resolved event without its event (a link to a deleted event?)');
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: fromEsdbPosition(event.position),
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
