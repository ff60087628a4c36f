import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AppendResult,
  BatchHandler,
  EventFilter,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevision,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { BackgroundCheckpoints } from './background-checkpoints';
import { PollingSubscription } from './polling-subscription';

/**
 * An event as read, as an array in EVENT_COLUMNS' order (raw rows are cheaper to build than
 * objects when thousands are read at once): the position as text (it is opaque to callers
 * anyway) and the revision as a plain number (no stream in one SQLite file reaches 2^53 events),
 * so that reading makes no BigInt per column; the revision becomes one when the event is built.
 */
type EventRow = [position: string, eventId: string, streamId: string, revision: number, type: string, data: string, metadata: string];

/** Streams one whole-stream query reads (see readWholeStream). */
const STREAMS_PER_READ = 500;

/** The columns every read selects (`pos`: an alias must not hide the column ORDER BY sorts on). */
const EVENT_COLUMNS = 'CAST(position AS TEXT) AS pos, event_id, stream_id, revision, type, data, metadata';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT    NOT NULL UNIQUE,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface SqliteEventStoreOptions {
  /** How often a subscription looks for events appended by another process, in ms. */
  readonly pollIntervalMs?: number;
  /** Checkpoint the WAL in a worker thread (BackgroundCheckpoints), not on the committing event loop. */
  readonly checkpointInBackground?: boolean;
}

/**
 * The embedded adapter: one SQLite file in WAL mode.
 *
 * `synchronous = FULL`: in WAL mode every commit is fsynced to the WAL before the append is
 * acknowledged, so an acknowledged event survives `kill -9` and also a power cut or kernel
 * panic. (`NORMAL` survives a killed process but may lose the last commits on power loss; an
 * audit trail should not.) The cost is measured in tools/bench and docs/benchmarks.md.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  /** Prepared read-all statements by their SQL: each filter shape is prepared once. */
  private readonly readAllStatements = new Map<string, Database.Statement>();
  private readonly statements;
  private readonly appendTransaction;
  private pending: PendingAppend[] = [];
  private queuedReads = new Map<string, { resolve: (events: RecordedEvent[]) => void; reject: (error: unknown) => void }[]>();
  private readonly checkpoints?: BackgroundCheckpoints;

  constructor(
    readonly file: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    if (options.checkpointInBackground) this.checkpoints = BackgroundCheckpoints.start(this.db);
    this.appended.setMaxListeners(0);
    this.statements = {
      streamRevision: this.db
        .prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?')
        .safeIntegers(true),
      head: this.db.prepare('SELECT max(position) AS position FROM events').safeIntegers(true),
      eventById: this.db
        .prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?')
        .safeIntegers(true),
      insert: this.db
        .prepare(
          `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .safeIntegers(true),
      readStream: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ?
           ORDER BY revision LIMIT ?`,
        )
        .raw(true),
      readStreams: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id IN (SELECT value FROM json_each(?))
           ORDER BY stream_id, revision`,
        )
        .raw(true),
      readStreamBackwards: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ?
           ORDER BY revision DESC LIMIT ?`,
        )
        .raw(true),
    };
    this.appendTransaction = this.db.transaction(
      (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) =>
        this.appendNow(streamId, events, expected),
    );
  }

  /**
   * Appends made in the same turn of the event loop are committed together (group commit): each
   * in its own savepoint, so one's conflict does not undo another's, and all in one transaction,
   * so they share one fsync. Every append is acknowledged only after that commit.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expected: options.expectedRevision ?? 'any', resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitPending());
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.fromRevision === undefined && options.maxCount === undefined && options.direction !== 'backwards') return this.readWholeStream(streamId);
    const isBackwards = options.direction === 'backwards';
    const statement = isBackwards ? this.statements.readStreamBackwards : this.statements.readStream;
    const rows = statement.all(
      streamId,
      options.fromRevision ?? (isBackwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n),
      BigInt(options.maxCount ?? Number.MAX_SAFE_INTEGER),
    ) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.after, options.maxCount ?? 1000, options.filter);
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    return new PollingSubscription({
      after: options.after,
      batchSize: options.batchSize ?? 500,
      read: (after, count, upTo) => this.readAfter(after, count, options.filter, upTo),
      head: () => this.head(),
      onAppended: (listener) => {
        this.appended.on('appended', listener);
        return () => this.appended.off('appended', listener);
      },
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      coalesceMs: options.coalesceMs ?? 0,
      busyCoalesceMs: options.busyCoalesceMs,
      handler,
    });
  }

  async close(): Promise<void> {
    this.appended.emit('closing');
    await this.checkpoints?.stop();
    this.db.close();
  }

  private commitPending(): void {
    const batch = this.pending;
    this.pending = [];
    const outcomes: ({ result: AppendResult } | { error: unknown })[] = [];
    try {
      this.db
        .transaction(() => {
          for (const append of batch) {
            try {
              // A transaction inside a transaction is a savepoint in better-sqlite3. A single event
              // needs none: every check comes before its one insert, and a failed statement leaves nothing.
              const result =
                append.events.length > 1
                  ? this.appendTransaction(append.streamId, append.events, append.expected)
                  : this.appendNow(append.streamId, append.events, append.expected);
              outcomes.push({ result });
            } catch (error) {
              outcomes.push({ error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, index) => {
      const outcome = outcomes[index];
      if ('result' in outcome) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    this.appended.emit('appended');
  }

  private appendNow(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const current = this.currentRevision(streamId);
    const replay = this.findEarlierAppend(streamId, events);
    if (replay) return replay;
    assertExpected(streamId, expected, current);
    let revision = current === 'no_stream' ? -1n : current;
    let position = 0n;
    for (const event of events) {
      revision += 1n;
      const info = this.statements.insert.run(
        event.id,
        streamId,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position: toPosition(position) };
  }

  private currentRevision(streamId: string): StreamRevision | 'no_stream' {
    const row = this.statements.streamRevision.get(streamId) as { revision: bigint | null };
    return row.revision ?? 'no_stream';
  }

  /** An append whose event ids are all stored already, in order, in this stream: a retry. */
  private findEarlierAppend(streamId: string, events: readonly NewEvent[]): AppendResult | null {
    if (events.length === 0) return null;
    const found = events.map(
      (event) =>
        this.statements.eventById.get(event.id) as
          | { stream_id: string; revision: bigint; position: bigint }
          | undefined,
    );
    if (found.every((row) => row === undefined)) return null;
    const isRetry = found.every(
      (row, index) =>
        row !== undefined &&
        row.stream_id === streamId &&
        row.revision === (found[0] as { revision: bigint }).revision + BigInt(index),
    );
    if (!isRetry) {
      const index = found.findIndex((row) => row !== undefined);
      throw new DuplicateEventIdError(streamId, events[index].id);
    }
    const last = found[found.length - 1] as { revision: bigint; position: bigint };
    return { nextExpectedRevision: last.revision, position: toPosition(last.position) };
  }

  /** The newest position in the store, or undefined when it is empty. */
  private head(): Position | undefined {
    const row = this.statements.head.get() as { position: bigint | null };
    return row.position === null ? undefined : toPosition(row.position);
  }

  /**
   * Whole-stream reads asked for in the same turn of the event loop (a revocation case's step
   * loads a thousand credentials at once) are answered together, a few hundred streams per query:
   * about a quarter of the cost of a query per stream.
   */
  private readWholeStream(streamId: string): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      const waiting = this.queuedReads.get(streamId);
      if (waiting) waiting.push({ resolve, reject });
      else this.queuedReads.set(streamId, [{ resolve, reject }]);
      if (this.queuedReads.size === 1 && !waiting) queueMicrotask(() => this.readQueued());
    });
  }

  private readQueued(): void {
    const queued = this.queuedReads;
    this.queuedReads = new Map();
    const streams = new Map<string, RecordedEvent[]>([...queued.keys()].map((streamId) => [streamId, []]));
    try {
      const ids = [...streams.keys()];
      // One stream alone (a verification) takes the plain indexed read.
      const read = (slice: string[]) =>
        (slice.length === 1 ? this.statements.readStream.all(slice[0], 0n, BigInt(Number.MAX_SAFE_INTEGER)) : this.statements.readStreams.all(JSON.stringify(slice))) as EventRow[];
      for (let start = 0; start < ids.length; start += STREAMS_PER_READ) {
        for (const row of read(ids.slice(start, start + STREAMS_PER_READ))) streams.get(row[2])?.push(toRecordedEvent(row));
      }
    } catch (error) {
      for (const waiters of queued.values()) for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const [streamId, waiters] of queued) {
      const events = streams.get(streamId) ?? [];
      for (const [index, waiter] of waiters.entries()) waiter.resolve(index === 0 ? events : [...events]);
    }
  }

  private readAfter(
    after: Position | undefined,
    maxCount: number,
    filter: EventFilter | undefined,
    upTo?: Position,
  ): RecordedEvent[] {
    const where = ['position > ?'];
    const params: unknown[] = [after === undefined ? 0n : fromPosition(after)];
    if (upTo !== undefined) {
      where.push('position <= ?');
      params.push(fromPosition(upTo));
    }
    if (filter?.streamPrefixes?.length) {
      where.push(`(${filter.streamPrefixes.map(() => 'stream_id >= ? AND stream_id < ?').join(' OR ')})`);
      for (const prefix of filter.streamPrefixes) params.push(prefix, prefixUpperBound(prefix));
    }
    if (filter?.eventTypes?.length) {
      where.push(`type IN (${filter.eventTypes.map(() => '?').join(', ')})`);
      params.push(...filter.eventTypes);
    }
    params.push(BigInt(maxCount));
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`;
    let statement = this.readAllStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).raw(true);
      this.readAllStatements.set(sql, statement);
    }
    return (statement.all(...params) as EventRow[]).map(toRecordedEvent);
  }
}

function assertExpected(
  streamId: string,
  expected: ExpectedRevision,
  current: StreamRevision | 'no_stream',
): void {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && current === 'no_stream') ||
    (expected === 'stream_exists' && current !== 'no_stream') ||
    (typeof expected === 'bigint' && expected === current);
  if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current);
}

/** The smallest string greater than every string that starts with `prefix`. */
function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}

function toPosition(value: bigint): Position {
  return value.toString() as Position;
}

function fromPosition(position: Position): bigint {
  if (!/^\d{1,20}$/.test(position)) throw new Error(`Not a position of this store: ${position}`);
  return BigInt(position);
}

function toRecordedEvent([position, id, streamId, revision, type, data, metadata]: EventRow): RecordedEvent {
  return {
    id,
    type,
    streamId,
    revision: BigInt(revision),
    position: position as Position,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
  };
}
