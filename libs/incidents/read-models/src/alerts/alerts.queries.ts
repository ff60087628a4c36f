import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, normalisedInstant, statement, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { authorizeTenantWide, can, type UserPrincipal } from '@keyward/identity/domain';
import { addressRange } from '@keyward/app-passwords/domain';
import type { AlertFacts, AlertKind, AlertSeverity } from '@keyward/incidents/domain';
import type { Page } from '../revocation-cases/revocation-cases.queries';

/** An alert as the list shows it: the facts it was raised with, how it stands now, and who acknowledged it. */
export interface AlertView extends Omit<AlertFacts, 'alertId' | 'raisedBy'> {
  id: string;
  raisedAt: string;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Which alerts to list; every condition given must hold. */
export interface AlertFilter {
  kind?: AlertKind | null;
  severity?: AlertSeverity | null;
  acknowledged?: boolean | null;
  /** The address that raised it, or a CIDR block it is in. */
  sourceIp?: string | null;
  appPasswordId?: string | null;
  userId?: string | null;
  /** ISO-8601: seen at or after (its last sighting). */
  since?: string | null;
}

interface AlertRow {
  alert_id: string;
  tenant_id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  subject: string;
  first_seen_at: string;
  last_seen_at: string;
  count: number;
  app_password_id: string | null;
  user_id: string | null;
  user_principal_name: string | null;
  source_ip: string | null;
  source_network: string | null;
  accounts: number | null;
  credential_status: string | null;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

function toView(row: AlertRow): AlertView {
  return {
    id: row.alert_id,
    tenantId: row.tenant_id,
    kind: row.kind,
    severity: row.severity,
    subject: row.subject,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    count: row.count,
    appPasswordId: row.app_password_id,
    userId: row.user_id,
    userPrincipalName: row.user_principal_name,
    sourceIp: row.source_ip,
    sourceNetwork: row.source_network,
    accounts: row.accounts,
    credentialStatus: row.credential_status,
    raisedAt: row.raised_at,
    acknowledged: row.acknowledged_at !== null,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** One alert of the principal's tenant; another tenant's is null (NOT_FOUND). */
export class GetAlertQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly alertId: string,
  ) {}
}

/** The tenant's alerts, the most recently seen first. */
export class GetAlertsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: AlertFilter,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

@QueryHandler(GetAlertQuery)
export class GetAlertHandler implements IQueryHandler<GetAlertQuery, AlertView | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, alertId }: GetAlertQuery): Promise<AlertView | null> {
    authorizeTenantWide(principal, 'incidents.read');
    const row = statement(this.db, 'SELECT * FROM alerts WHERE alert_id = ?').get(alertId) as AlertRow | undefined;
    return row && can(principal, 'incidents.read', { tenantId: row.tenant_id }) ? toView(row) : null;
  }
}

@QueryHandler(GetAlertsQuery)
export class GetAlertsHandler implements IQueryHandler<GetAlertsQuery, Page<AlertView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, filter, first, after }: GetAlertsQuery): Promise<Page<AlertView>> {
    authorizeTenantWide(principal, 'incidents.read');
    const where = filtered(new WhereClause('tenant_id = @tenantId', { tenantId: principal.tenantId }), filter);
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM alerts WHERE ${where}`).get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always('(last_seen_at, alert_id) < (@afterSeen, @afterId)', { afterSeen: keys[0], afterId: keys[1] });
    }
    const rows = this.db.prepare(`SELECT * FROM alerts WHERE ${where} ORDER BY last_seen_at DESC, alert_id DESC LIMIT @limit`).all({ ...where.params, limit: first + 1 }) as AlertRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toView(row), cursor: encodeCursor([row.last_seen_at, row.alert_id]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

function filtered(where: WhereClause, filter: AlertFilter): WhereClause {
  where
    .when(filter.kind, 'kind = @kind', 'kind')
    .when(filter.severity, 'severity = @severity', 'severity')
    .when(filter.appPasswordId, 'app_password_id = @appPasswordId', 'appPasswordId')
    .when(filter.userId, 'user_id = @userId', 'userId')
    .when(since(filter.since), 'last_seen_at >= @since', 'since');
  if (filter.acknowledged === true) where.always('acknowledged_at IS NOT NULL');
  if (filter.acknowledged === false) where.always('acknowledged_at IS NULL');
  if (filter.sourceIp) {
    const range = addressRange(filter.sourceIp);
    if (!range) throw badInput('sourceIp must be an IP address or a CIDR block, such as 203.0.113.0/24.');
    where.always('source_key BETWEEN @sourceFrom AND @sourceTo', { sourceFrom: range.from, sourceTo: range.to });
  }
  return where;
}

function since(value: string | null | undefined): string | null {
  if (!value) return null;
  const instant = normalisedInstant(value);
  if (!instant) throw badInput('since must be an ISO-8601 date-time.');
  return instant;
}
