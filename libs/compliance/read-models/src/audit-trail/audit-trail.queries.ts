import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, normalisedInstant, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';

export interface AuditEventItem {
  id: string;
  type: string;
  occurredAt: string;
  actor: string;
  streamId: string;
  correlationId: string;
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

interface Row {
  seq: number;
  event_id: string;
  type: string;
  occurred_at: string;
  actor: string;
  stream_id: string;
  correlation_id: string;
  data: string;
}

@QueryHandler(GetAuditEventsQuery)
export class GetAuditEventsHandler implements IQueryHandler<GetAuditEventsQuery, AuditEventPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, filter, first, after }: GetAuditEventsQuery): Promise<AuditEventPage> {
    authorizeTenantWide(principal, 'auditTrail.read');
    const where = new WhereClause('tenant_id = @tenantId', { tenantId: principal.tenantId })
      .when(filter.streamId, 'stream_id = @streamId', 'streamId')
      .when(filter.actor, 'actor = @actor', 'actor')
      .when(instant(filter.occurredAfter), 'occurred_at >= @occurredAfter', 'occurredAfter')
      .when(instant(filter.occurredBefore), 'occurred_at < @occurredBefore', 'occurredBefore');
    if (filter.types?.length) {
      const names = filter.types.map((_, i) => `@type${i}`);
      where.always(`type IN (${names.join(', ')})`, Object.fromEntries(filter.types.map((type, i) => [`type${i}`, type])));
    }
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM audit_trail WHERE ${where}`).get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['number']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always('seq > @afterSeq', { afterSeq: keys[0] });
    }
    const rows = this.db
      .prepare(`SELECT * FROM audit_trail WHERE ${where} ORDER BY seq LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as Row[];
    return {
      items: rows.slice(0, first).map((row) => ({
        item: {
          id: row.event_id,
          type: row.type,
          occurredAt: row.occurred_at,
          actor: row.actor,
          streamId: row.stream_id,
          correlationId: row.correlation_id,
          data: JSON.parse(row.data),
        },
        cursor: encodeCursor([row.seq]),
      })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

function instant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const normalised = normalisedInstant(value);
  if (!normalised) throw badInput('Dates must be ISO-8601 date-times.');
  return normalised;
}
