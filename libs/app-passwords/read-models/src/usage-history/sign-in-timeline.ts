import type { EventStore, RecordedEvent } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { appPasswordUsageStreamId, type AppPasswordUsageEvent } from '@keyward/app-passwords/domain';
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
    for (const event of chunk) {
      const entry = toEntry(event as RecordedEvent & AppPasswordUsageEvent);
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

function toEntry(event: RecordedEvent & AppPasswordUsageEvent): TimelineEntry {
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
      client: event.data.client,
    },
  };
}
