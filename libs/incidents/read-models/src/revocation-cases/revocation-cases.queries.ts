import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { authorizeTenantWide, can, type UserPrincipal } from '@keyward/identity/domain';
import type { CaseAction, CaseOutcome } from '@keyward/incidents/domain';

export interface RevocationCaseView {
  id: string;
  tenantId: string;
  action: CaseAction;
  status: 'DRY_RUN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  reason: string;
  incidentRef: string;
  requestedBy: string;
  requestedAt: string;
  /** The filter as the responder gave it, as JSON. */
  filter: string;
  sample: string[];
  matched: number;
  revoked: number;
  alreadyRevoked: number;
  failed: number;
  recentlyUsed: number;
  usersAffected: number;
  finishedAt: string | null;
  cancelledBy: string | null;
  reinstatement: { status: 'REQUESTED' | 'DONE'; reason: string; reinstated: number | null; reinstatedAt: string | null } | null;
}

export interface CaseOutcomeView {
  appPasswordId: string;
  outcome: CaseOutcome;
  userId: string | null;
  detail: string | null;
  recordedAt: string;
}

export interface Page<T> {
  items: { item: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

interface CaseRow {
  case_id: string;
  tenant_id: string;
  action: CaseAction;
  status: RevocationCaseView['status'];
  reason: string;
  incident_ref: string;
  requested_by: string;
  requested_at: string;
  filter: string;
  sample: string;
  matched: number;
  recently_used: number;
  users_affected: number;
  revoked: number;
  already_revoked: number;
  failed: number;
  finished_at: string | null;
  cancelled_by: string | null;
  reinstatement: 'REQUESTED' | 'DONE' | null;
  reinstate_reason: string | null;
  reinstated: number | null;
  reinstated_at: string | null;
}

interface OutcomeRow {
  seq: number;
  app_password_id: string;
  outcome: CaseOutcome;
  user_id: string | null;
  detail: string | null;
  recorded_at: string;
}

function toView(row: CaseRow): RevocationCaseView {
  return {
    id: row.case_id,
    tenantId: row.tenant_id,
    action: row.action,
    status: row.status,
    reason: row.reason,
    incidentRef: row.incident_ref,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    filter: row.filter,
    sample: JSON.parse(row.sample),
    matched: row.matched,
    revoked: row.revoked,
    alreadyRevoked: row.already_revoked,
    failed: row.failed,
    recentlyUsed: row.recently_used,
    usersAffected: row.users_affected,
    finishedAt: row.finished_at,
    cancelledBy: row.cancelled_by,
    reinstatement: row.reinstatement
      ? { status: row.reinstatement, reason: row.reinstate_reason ?? '', reinstated: row.reinstated, reinstatedAt: row.reinstated_at }
      : null,
  };
}

function toOutcome(row: OutcomeRow): CaseOutcomeView {
  return { appPasswordId: row.app_password_id, outcome: row.outcome, userId: row.user_id, detail: row.detail, recordedAt: row.recorded_at };
}

/** One case, if the principal may read the cases of its tenant; another tenant's is null (NOT_FOUND). */
export class GetRevocationCaseQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly caseId: string,
  ) {}
}

/** The tenant's cases, newest first. */
export class GetRevocationCasesQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** A case's outcomes in the order they were recorded, optionally only one kind (the failures, say). */
export class GetCaseOutcomesQuery {
  constructor(
    readonly caseId: string,
    readonly outcome: CaseOutcome | null,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

@QueryHandler(GetRevocationCaseQuery)
export class GetRevocationCaseHandler implements IQueryHandler<GetRevocationCaseQuery, RevocationCaseView | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, caseId }: GetRevocationCaseQuery): Promise<RevocationCaseView | null> {
    authorizeTenantWide(principal, 'incidents.read');
    const row = statement(this.db, 'SELECT * FROM revocation_cases WHERE case_id = ?').get(caseId) as CaseRow | undefined;
    return row && can(principal, 'incidents.read', { tenantId: row.tenant_id }) ? toView(row) : null;
  }
}

@QueryHandler(GetRevocationCasesQuery)
export class GetRevocationCasesHandler implements IQueryHandler<GetRevocationCasesQuery, Page<RevocationCaseView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, first, after }: GetRevocationCasesQuery): Promise<Page<RevocationCaseView>> {
    authorizeTenantWide(principal, 'incidents.read');
    const totalCount = (statement(this.db, 'SELECT count(*) AS n FROM revocation_cases WHERE tenant_id = ?').get(principal.tenantId) as { n: number }).n;
    let rows: CaseRow[];
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      rows = statement(
        this.db,
        'SELECT * FROM revocation_cases WHERE tenant_id = ? AND (requested_at, case_id) < (?, ?) ORDER BY requested_at DESC, case_id DESC LIMIT ?',
      ).all(principal.tenantId, keys[0], keys[1], first + 1) as CaseRow[];
    } else {
      rows = statement(this.db, 'SELECT * FROM revocation_cases WHERE tenant_id = ? ORDER BY requested_at DESC, case_id DESC LIMIT ?').all(principal.tenantId, first + 1) as CaseRow[];
    }
    return {
      items: rows.slice(0, first).map((row) => ({ item: toView(row), cursor: encodeCursor([row.requested_at, row.case_id]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetCaseOutcomesQuery)
export class GetCaseOutcomesHandler implements IQueryHandler<GetCaseOutcomesQuery, Page<CaseOutcomeView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  /** The case has been authorized by whoever read it (GetRevocationCaseQuery). */
  async execute({ caseId, outcome, first, after }: GetCaseOutcomesQuery): Promise<Page<CaseOutcomeView>> {
    let afterSeq = 0;
    if (after) {
      const keys = decodeCursor(after, ['number']);
      if (!keys) throw badInput('The cursor is not valid.');
      afterSeq = keys[0] as number;
    }
    const kind = outcome ?? null;
    const totalCount = (
      statement(this.db, 'SELECT count(*) AS n FROM revocation_outcomes WHERE case_id = ? AND (? IS NULL OR outcome = ?)').get(caseId, kind, kind) as { n: number }
    ).n;
    const rows = statement(
      this.db,
      'SELECT * FROM revocation_outcomes WHERE case_id = ? AND (? IS NULL OR outcome = ?) AND seq > ? ORDER BY seq LIMIT ?',
    ).all(caseId, kind, kind, afterSeq, first + 1) as OutcomeRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toOutcome(row), cursor: encodeCursor([row.seq]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

/**
 * Every outcome of a case in order, a page at a time (the CSV download): no statement stays open
 * while the caller waits for a slow client, so the connection stays free for everyone else.
 */
export function* caseOutcomes(db: ReadModelDatabase, caseId: string, pageSize = 1000): Generator<CaseOutcomeView[]> {
  for (let afterSeq = 0; ; ) {
    const rows = statement(db, 'SELECT * FROM revocation_outcomes WHERE case_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(caseId, afterSeq, pageSize) as OutcomeRow[];
    if (rows.length === 0) return;
    yield rows.map(toOutcome);
    afterSeq = rows[rows.length - 1].seq;
  }
}
