import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import { scopeOf, type UserPrincipal } from '@keyward/identity/domain';
import { nextStartOf, successorReviewId, type AccessDecision } from '@keyward/compliance/domain';

export interface AccessReviewView {
  id: string;
  tenantId: string;
  name: string;
  status: 'OPEN' | 'COMPLETED';
  startedBy: string;
  startedAt: string;
  dueAt: string;
  revokeUndecided: boolean;
  reviewerIds: string[];
  /** The filter as given, as JSON. */
  filter: string;
  total: number;
  kept: number;
  revoked: number;
  undecided: number;
  completedAt: string | null;
  /** Days between a repeating review's start and its successor's; null when it runs once. */
  recurEveryDays: number | null;
  /** When its successor starts; null when it runs once, its series was stopped, or the successor started. */
  nextStartsAt: string | null;
  previousReviewId: string | null;
  /** The review that followed it in its series, once started. */
  nextReviewId: string | null;
}

export interface AccessReviewItemView {
  id: string;
  reviewId: string;
  appPasswordId: string;
  userId: string;
  userPrincipalName: string;
  label: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  usesLast30Days: number;
  recommendation: AccessDecision;
  decision: AccessDecision | null;
  justification: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  attestedAt: string | null;
  attestationNote: string | null;
}

export interface Page<T> {
  items: { item: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

interface ReviewRow {
  review_id: string;
  tenant_id: string;
  name: string;
  status: 'OPEN' | 'COMPLETED';
  started_by: string;
  started_at: string;
  due_at: string;
  revoke_undecided: number;
  reviewer_ids: string;
  filter: string;
  total: number;
  kept: number;
  revoked: number;
  completed_at: string | null;
  recur_every_days: number | null;
  series_id: string | null;
  previous_review_id: string | null;
  recurrence_stopped: number;
  has_successor: number;
}

type ItemRow = Record<string, string | number | null>;

function toReview(row: ReviewRow, now: Date): AccessReviewView {
  const nextStartsAt = nextStartOf({ startedAt: row.started_at, recurEveryDays: row.recur_every_days, isStopped: row.recurrence_stopped === 1 }, row.has_successor === 1, now);
  return {
    id: row.review_id,
    tenantId: row.tenant_id,
    name: row.name,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    dueAt: row.due_at,
    revokeUndecided: row.revoke_undecided === 1,
    reviewerIds: JSON.parse(row.reviewer_ids),
    filter: row.filter,
    total: row.total,
    kept: row.kept,
    revoked: row.revoked,
    undecided: row.total - row.kept - row.revoked,
    completedAt: row.completed_at,
    recurEveryDays: row.recur_every_days,
    nextStartsAt: nextStartsAt?.toISOString() ?? null,
    previousReviewId: row.previous_review_id,
    nextReviewId: row.has_successor === 1 ? successorReviewId(row.review_id) : null,
  };
}

function toItem(row: ItemRow): AccessReviewItemView {
  return {
    id: row['item_id'] as string,
    reviewId: row['review_id'] as string,
    appPasswordId: row['app_password_id'] as string,
    userId: row['user_id'] as string,
    userPrincipalName: row['user_principal_name'] as string,
    label: row['label'] as string,
    scopes: JSON.parse(row['scopes'] as string),
    createdAt: row['created_at'] as string,
    lastUsedAt: row['last_used_at'] as string | null,
    usesLast30Days: row['uses_last_30_days'] as number,
    recommendation: row['recommendation'] as AccessDecision,
    decision: row['decision'] as AccessDecision | null,
    justification: row['justification'] as string | null,
    decidedBy: row['decided_by'] as string | null,
    decidedAt: row['decided_at'] as string | null,
    attestedAt: row['attested_at'] as string | null,
    attestationNote: row['attestation_note'] as string | null,
  };
}

/**
 * Which reviews a principal reads: the whole tenant's (`accessReviews.read` over the tenant), or
 * those it reviews or holds an item in.
 */
function readable(db: ReadModelDatabase, principal: UserPrincipal, row: ReviewRow): boolean {
  if (row.tenant_id !== principal.tenantId) return false;
  const scope = scopeOf(principal, 'accessReviews.read');
  if (scope === 'TENANT') return true;
  if (scope === null) return false;
  return (JSON.parse(row.reviewer_ids) as string[]).includes(principal.userId) || statement(db, 'SELECT 1 FROM access_review_items WHERE user_id = ? AND review_id = ?').get(principal.userId, row.review_id) !== undefined;
}

/** One review, if the principal may read it; another tenant's, or one out of reach, is null (NOT_FOUND). */
export class GetAccessReviewQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly reviewId: string,
  ) {}
}

/** The reviews a principal may read, newest first. */
export class GetAccessReviewsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** Which items of a review: all, only those still undecided, or only the reader's own (an owner). */
export type ItemSelection = 'ALL' | 'UNDECIDED' | 'MINE';

/** A review's items in the order they were fixed. The review has been authorized by whoever read it. */
export class GetAccessReviewItemsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly review: AccessReviewView,
    readonly selection: ItemSelection,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** One item by id, for whoever may read its review. */
export class GetAccessReviewItemQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly itemId: string,
  ) {}
}

@QueryHandler(GetAccessReviewQuery)
export class GetAccessReviewHandler implements IQueryHandler<GetAccessReviewQuery, AccessReviewView | null> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, reviewId }: GetAccessReviewQuery): Promise<AccessReviewView | null> {
    const row = statement(this.db, 'SELECT * FROM access_reviews WHERE review_id = ?').get(reviewId) as ReviewRow | undefined;
    return row && readable(this.db, principal, row) ? toReview(row, this.clock.now()) : null;
  }
}

@QueryHandler(GetAccessReviewsQuery)
export class GetAccessReviewsHandler implements IQueryHandler<GetAccessReviewsQuery, Page<AccessReviewView>> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, first, after }: GetAccessReviewsQuery): Promise<Page<AccessReviewView>> {
    const everyone = scopeOf(principal, 'accessReviews.read') === 'TENANT';
    // One's own: the reviews one reviews, and those holding one of one's app passwords.
    const mine = `(review_id IN (SELECT review_id FROM access_review_reviewers WHERE user_id = @me) OR review_id IN (SELECT review_id FROM access_review_items WHERE user_id = @me))`;
    const where = `tenant_id = @tenantId${everyone ? '' : ` AND ${mine}`}`;
    const params: Record<string, unknown> = { tenantId: principal.tenantId, me: principal.userId, limit: first + 1 };
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM access_reviews WHERE ${where}`).get(params) as { n: number }).n;
    let page = '';
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      page = ' AND (started_at, review_id) < (@afterKey, @afterId)';
      Object.assign(params, { afterKey: keys[0], afterId: keys[1] });
    }
    const rows = this.db.prepare(`SELECT * FROM access_reviews WHERE ${where}${page} ORDER BY started_at DESC, review_id DESC LIMIT @limit`).all(params) as ReviewRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toReview(row, this.clock.now()), cursor: encodeCursor([row.started_at, row.review_id]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetAccessReviewItemsQuery)
export class GetAccessReviewItemsHandler implements IQueryHandler<GetAccessReviewItemsQuery, Page<AccessReviewItemView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, review, selection, first, after }: GetAccessReviewItemsQuery): Promise<Page<AccessReviewItemView>> {
    let afterSeq = -1;
    if (after) {
      const keys = decodeCursor(after, ['number']);
      if (!keys) throw badInput('The cursor is not valid.');
      afterSeq = keys[0] as number;
    }
    // A reader who only reaches the review as an owner sees only their own items.
    const reviewsIt = scopeOf(principal, 'accessReviews.read') === 'TENANT' || review.reviewerIds.includes(principal.userId);
    const onlyMine = selection === 'MINE' || !reviewsIt;
    const where = `review_id = @reviewId${selection === 'UNDECIDED' ? ' AND decision IS NULL' : ''}${onlyMine ? ' AND user_id = @me' : ''}`;
    const params = { reviewId: review.id, me: principal.userId };
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM access_review_items WHERE ${where}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM access_review_items WHERE ${where} AND seq > @afterSeq ORDER BY seq LIMIT @limit`).all({ ...params, afterSeq, limit: first + 1 }) as ItemRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toItem(row), cursor: encodeCursor([row['seq'] as number]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetAccessReviewItemQuery)
export class GetAccessReviewItemHandler implements IQueryHandler<GetAccessReviewItemQuery, AccessReviewItemView | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, itemId }: GetAccessReviewItemQuery): Promise<AccessReviewItemView | null> {
    const row = statement(this.db, 'SELECT * FROM access_review_items WHERE item_id = ?').get(itemId) as ItemRow | undefined;
    if (!row) return null;
    const review = statement(this.db, 'SELECT * FROM access_reviews WHERE review_id = ?').get(row['review_id']) as ReviewRow;
    return readable(this.db, principal, review) ? toItem(row) : null;
  }
}

/** Open reviews whose due date has come, for the process that completes them. */
export function dueAccessReviews(db: ReadModelDatabase, now: Date): { reviewId: string; tenantId: string }[] {
  return statement(db, "SELECT review_id AS reviewId, tenant_id AS tenantId FROM access_reviews WHERE status = 'OPEN' AND due_at <= ? ORDER BY due_at").all(now.toISOString()) as {
    reviewId: string;
    tenantId: string;
  }[];
}

/**
 * Repeating reviews whose period has passed with no successor and no stop, for the process that
 * starts successors. The review's stream decides again: this only narrows what it reads.
 */
export function repeatingReviewsDue(db: ReadModelDatabase, now: Date): { reviewId: string; tenantId: string; startedAt: string; recurEveryDays: number }[] {
  return statement(
    db,
    `SELECT review_id AS reviewId, tenant_id AS tenantId, started_at AS startedAt, recur_every_days AS recurEveryDays FROM access_reviews
     WHERE recur_every_days IS NOT NULL AND recurrence_stopped = 0 AND has_successor = 0 AND julianday(started_at) + recur_every_days <= julianday(?)
     ORDER BY started_at`,
  ).all(now.toISOString()) as { reviewId: string; tenantId: string; startedAt: string; recurEveryDays: number }[];
}

/** Every item of a review in order, a page at a time (the CSV download), so no statement stays open while a client reads slowly. */
export function* accessReviewItems(db: ReadModelDatabase, reviewId: string, pageSize = 1000): Generator<AccessReviewItemView[]> {
  for (let afterSeq = -1; ; ) {
    const rows = statement(db, 'SELECT * FROM access_review_items WHERE review_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(reviewId, afterSeq, pageSize) as ItemRow[];
    if (rows.length === 0) return;
    yield rows.map(toItem);
    afterSeq = rows[rows.length - 1]['seq'] as number;
  }
}

/** An open review due soon, with each reviewer who still has items to decide (not their own). */
export interface ReviewDueSoon {
  reviewId: string;
  tenantId: string;
  name: string;
  dueAt: string;
  revokeUndecided: boolean;
  reviewers: { userId: string; undecided: number }[];
}

/** Open reviews due after `now` and no later than `until`. */
export function reviewsDueSoon(db: ReadModelDatabase, now: Date, until: Date): ReviewDueSoon[] {
  const reviews = statement(db, "SELECT * FROM access_reviews WHERE status = 'OPEN' AND due_at > ? AND due_at <= ? ORDER BY due_at").all(now.toISOString(), until.toISOString()) as ReviewRow[];
  return reviews.map((row) => ({
    reviewId: row.review_id,
    tenantId: row.tenant_id,
    name: row.name,
    dueAt: row.due_at,
    revokeUndecided: row.revoke_undecided === 1,
    reviewers: (JSON.parse(row.reviewer_ids) as string[])
      .map((userId) => ({
        userId,
        undecided: (statement(db, 'SELECT count(*) AS n FROM access_review_items WHERE review_id = ? AND decision IS NULL AND user_id != ?').get(row.review_id, userId) as { n: number }).n,
      }))
      .filter((reviewer) => reviewer.undecided > 0),
  }));
}
