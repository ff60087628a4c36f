import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { USAGE_STREAM_PREFIXES, type EventStore, type RecordedEvent } from '@keyward/shared/event-store';
import { decodeCursor, encodeCursor, normalisedInstant, type ReadModelDatabase } from '@keyward/shared/read-models';
import { EVENT_STORE, READ_MODEL_DB } from '@keyward/shared/server';
import { authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';
import { SIGN_IN_EVENT_TYPES } from '@keyward/app-passwords/domain';
import { AuditIndex, type AuditFilter } from './audit-index';
import { withoutSecrets } from './without-secrets';

export interface AuditEventItem {
  id: string;
  type: string;
  occurredAt: string;
  actor: string;
  streamId: string;
  correlationId: string;
  /** The client address of the request that caused it, where one did (a console or API call, a sign-in). */
  sourceIp: string | null;
  data: unknown;
}

export interface AuditEventFilter {
  types?: string[] | null;
  streamId?: string | null;
  actor?: string | null;
  occurredAfter?: string | null;
  occurredBefore?: string | null;
}

export class GetAuditEventsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: AuditEventFilter,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

export interface AuditEventPage {
  items: { item: AuditEventItem; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

const SIGN_INS = new Set(SIGN_IN_EVENT_TYPES);

/**
 * The tenant's events in store order, read from the store itself. Three ways in, by what the
 * filter can match: lifecycle events only (their index answers, counts included); one usage
 * stream (read from the store, by revision); or anything (the tenant's runs of the store, read
 * page by page). Hashes never leave: each event's data is stripped of them.
 */
@QueryHandler(GetAuditEventsQuery)
export class GetAuditEventsHandler implements IQueryHandler<GetAuditEventsQuery, AuditEventPage> {
  private readonly index: AuditIndex;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.index = new AuditIndex(db, store);
  }

  async execute({ principal, filter, first, after }: GetAuditEventsQuery): Promise<AuditEventPage> {
    authorizeTenantWide(principal, 'auditTrail.read');
    const parsed: AuditFilter = {
      tenantId: principal.tenantId,
      types: filter.types?.length ? filter.types : null,
      streamId: filter.streamId || null,
      actor: filter.actor || null,
      occurredAfter: instant(filter.occurredAfter),
      occurredBefore: instant(filter.occurredBefore),
    };
    const from = after === null ? 0 : cursorNumber(after) + 1;
    const page = canMatchSignIns(parsed)
      ? parsed.streamId
        ? await this.index.inStream(parsed, from, first + 1)
        : await this.index.inLog(parsed, from, first + 1)
      : await this.index.lifecycle(parsed, from, first + 1);
    return {
      items: page.events.slice(0, first).map(({ key, event }) => ({ item: toItem(event), cursor: encodeCursor([key]) })),
      hasNextPage: page.events.length > first,
      totalCount: page.totalCount,
    };
  }
}

/** Whether a sign-in could match: if not, the lifecycle index answers on its own. */
function canMatchSignIns(filter: AuditFilter): boolean {
  if (filter.types && filter.types.every((type) => !SIGN_INS.has(type))) return false;
  if (filter.streamId && !USAGE_STREAM_PREFIXES.some((prefix) => filter.streamId?.startsWith(prefix))) return false;
  return !filter.actor || filter.actor.startsWith('gateway:');
}

function toItem(event: RecordedEvent): AuditEventItem {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    actor: event.metadata.actor,
    streamId: event.streamId,
    correlationId: event.metadata.correlationId,
    sourceIp: event.metadata.sourceIp ?? null,
    data: withoutSecrets(event.data),
  };
}

function cursorNumber(cursor: string): number {
  const keys = decodeCursor(cursor, ['number']);
  if (!keys || !Number.isSafeInteger(keys[0]) || (keys[0] as number) < 0) throw badInput('The cursor is not valid.');
  return keys[0] as number;
}

function instant(value: string | null | undefined): string | null {
  if (!value) return null;
  const normalised = normalisedInstant(value);
  if (!normalised) throw badInput('Dates must be ISO-8601 date-times.');
  return normalised;
}
