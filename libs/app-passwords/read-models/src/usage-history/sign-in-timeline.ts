import type { EventStore, RecordedEvent } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { appPasswordUsageStreamId, type AppPasswordUsageEvent, type AppPasswordUsageStreamEvent } from '@keyward/app-passwords/domain';
import type { DayCounts } from './usage-history.projection';

/** One sign-in attempt: a use, or a rejection with its reason. */
export interface SignInAttempt {
  occurredAt: string;
  outcome: 'USED' | 'REJECTED';
  /** Why it was rejected (`WRONG_SECRET`, `REVOKED`, `UNKNOWN_CREDENTIAL`…); null for a use. */
  reason: string | null;
  appPasswordId: string | null;
  userId: string | null;
  protocol: string | null;
  sourceIp: string | null;
  client: string | null;
}

/** Where an attempt sits in a timeline: newest first by time, then stream, then revision. */
export interface TimelineKey {
  readonly occurredAt: string;
  readonly stream: string;
  readonly revision: number;
}

export interface TimelineEntry {
  readonly key: TimelineKey;
  readonly attempt: SignInAttempt;
}

/** Whether `a` comes after `b` in a newest-first timeline (is older). */
export function isOlder(a: TimelineKey, b: TimelineKey): boolean {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt;
  if (a.stream !== b.stream) return a.stream < b.stream;
  return a.revision < b.revision;
}

export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return isOlder(a.key, b.key) ? 1 : isOlder(b.key, a.key) ? -1 : 0;
}

const CHUNK = 100;

/**
 * The newest `count` attempts of one credential older than `before` (all, without it), read from
 * its usage stream in the store, newest first. `usage_monthly` says where to start reading: the
 * last revision of the stream on the cursor's day or earlier, so a deep page does not read the
 * stream from its end. A usage stream is appended as attempts happen, so its revisions follow time.
 */
export async function credentialAttempts(
  store: EventStore,
  db: ReadModelDatabase,
  appPasswordId: string,
  before: TimelineKey | null,
  count: number,
  onlyUses: boolean,
): Promise<TimelineEntry[]> {
  const stream = appPasswordUsageStreamId(appPasswordId);
  let from = before ? startRevision(db, appPasswordId, stream, before) : null;
  if (from !== null && from < 0n) return [];
  const found: TimelineEntry[] = [];
  for (;;) {
    const chunk = await store.readStream(stream, { direction: 'backwards', fromRevision: from ?? undefined, maxCount: CHUNK });
    const names = clientNames(db, stream, chunk);
    for (const event of chunk as (RecordedEvent & AppPasswordUsageStreamEvent)[]) {
      if (event.type === 'AppPasswordClientIdentified') continue;
      const entry = toEntry(event, names.get(Number(event.revision)) ?? null);
      if ((before && !isOlder(entry.key, before)) || (onlyUses && entry.attempt.outcome !== 'USED')) continue;
      found.push(entry);
      if (found.length >= count) return found;
    }
    const last = chunk[chunk.length - 1];
    if (chunk.length < CHUNK || !last || last.revision === 0n) return found;
    from = last.revision - 1n;
  }
}

function startRevision(db: ReadModelDatabase, appPasswordId: string, stream: string, before: TimelineKey): bigint {
  if (before.stream === stream) return BigInt(before.revision) - 1n;
  const day = before.occurredAt.slice(0, 10);
  const months = statement(db, 'SELECT month, days FROM usage_monthly WHERE app_password_id = ? AND month <= ? ORDER BY month DESC')
    .all(appPasswordId, day.slice(0, 7)) as { month: string; days: string }[];
  let last = -1;
  for (const { month, days } of months) {
    (JSON.parse(days) as DayCounts[]).forEach(([, , revision], index) => {
      if (`${month}-${String(index + 1).padStart(2, '0')}` <= day) last = Math.max(last, revision);
    });
    if (last >= 0) break;
  }
  return BigInt(last);
}

/** The client names reported after the uses in `chunk` (a mail client's `EHLO`), by revision. */
function clientNames(db: ReadModelDatabase, stream: string, chunk: readonly RecordedEvent[]): Map<number, string> {
  if (chunk.length === 0) return new Map();
  const rows = statement(db, 'SELECT revision, client FROM usage_client_names WHERE stream = ? AND revision BETWEEN ? AND ?')
    .all(stream, Number(chunk[chunk.length - 1].revision), Number(chunk[0].revision)) as { revision: number; client: string }[];
  return new Map(rows.map(({ revision, client }) => [revision, client]));
}

function toEntry(event: RecordedEvent & AppPasswordUsageEvent, reportedClient: string | null): TimelineEntry {
  const isUse = event.type === 'AppPasswordUsed';
  return {
    key: { occurredAt: event.metadata.occurredAt, stream: event.streamId, revision: Number(event.revision) },
    attempt: {
      occurredAt: event.metadata.occurredAt,
      outcome: isUse ? 'USED' : 'REJECTED',
      reason: event.type === 'AppPasswordRejected' ? event.data.reason : null,
      appPasswordId: event.data.appPasswordId,
      userId: event.data.userId,
      protocol: event.data.protocol,
      sourceIp: event.data.sourceIp,
      client: event.data.client ?? reportedClient,
    },
  };
}
