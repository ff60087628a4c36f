import type { EventMetadata } from '@keyward/shared/domain';
import type { AppPasswordScope } from '@keyward/identity/domain';
import type { AppPasswordClientIdentified, AppPasswordUsageStreamEvent } from '../app-password/app-password.events';

/** How long after a sign-in its session may still name its client: an SMTP session is minutes at most. */
export const CLIENT_IDENTIFICATION_WINDOW_MS = 10 * 60_000;

/** An event of a usage stream as read from the store, newest first. */
export type UsageRecord = AppPasswordUsageStreamEvent & { readonly revision: bigint; readonly metadata: Pick<EventMetadata, 'actor' | 'occurredAt'> };

/** The newest events of one of the user's usage streams. */
export interface UsageTail {
  readonly appPasswordId: string;
  readonly events: readonly UsageRecord[];
}

/** What a gateway saw in a session after its sign-in: who, from where, over what, and the name the client gave. */
export interface ClientReport {
  readonly userId: string;
  readonly protocol: AppPasswordScope;
  readonly sourceIp: string;
  /** The gateway that reports; only its own sign-ins are named. */
  readonly actor: EventMetadata['actor'];
  readonly client: string;
  readonly now: Date;
}

export interface ClientIdentification {
  readonly appPasswordId: string;
  /** The revision the usage stream had when it was read: the append is made there or not at all. */
  readonly expectedRevision: bigint;
  readonly event: AppPasswordClientIdentified;
}

/**
 * Which sign-in a report names: the user's newest use that the same gateway recorded over the same
 * protocol from the same address, within the window, if it has no client name yet. Null when there
 * is none (the report came late, or from a session this gateway did not check) or when it is named
 * already (a session's second message): an older use is never guessed at.
 */
export function identifyClient(report: ClientReport, tails: readonly UsageTail[]): ClientIdentification | null {
  const since = new Date(report.now.getTime() - CLIENT_IDENTIFICATION_WINDOW_MS).toISOString();
  let best: { tail: UsageTail; use: UsageRecord; isNamed: boolean } | null = null;
  for (const tail of tails) {
    const named = new Set<number>();
    for (const event of tail.events) {
      if (event.type === 'AppPasswordClientIdentified') {
        named.add(event.data.useRevision);
        continue;
      }
      if (event.metadata.occurredAt < since) break;
      const isCandidate =
        event.type === 'AppPasswordUsed' &&
        event.data.userId === report.userId &&
        event.data.protocol === report.protocol &&
        event.data.sourceIp === report.sourceIp &&
        event.metadata.actor === report.actor;
      if (!isCandidate) continue;
      const isNamed = event.data.client !== null || named.has(Number(event.revision));
      if (!best || event.metadata.occurredAt > best.use.metadata.occurredAt) best = { tail, use: event, isNamed };
      break;
    }
  }
  if (!best || best.isNamed) return null;
  const { tail, use } = best;
  return {
    appPasswordId: tail.appPasswordId,
    expectedRevision: tail.events[0].revision,
    event: {
      type: 'AppPasswordClientIdentified',
      data: {
        appPasswordId: tail.appPasswordId,
        userId: report.userId,
        useRevision: Number(use.revision),
        usedAt: use.metadata.occurredAt,
        protocol: report.protocol,
        sourceIp: report.sourceIp,
        client: report.client,
      },
    },
  };
}
