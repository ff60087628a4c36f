import { ApiError, type ConnectionPage } from '@keyward/console/shared/data-access';
import type { AccessDecision, AccessReview, AccessReviewItem, ItemSelection, StartReviewInput } from '../access-reviews.api';

/** The viewer of the doubled API: a reviewer of the review (`u-me`, as SessionDouble says). */
export const VIEWER_ID = 'u-me';

/** A review with every field: open, due 2026-12-15, reviewed by the viewer and rita, counts from the items unless given. */
export function reviewOf(fields: Partial<AccessReview> = {}): AccessReview {
  return {
    id: 'rev-1',
    name: 'App passwords, second half of 2026',
    status: 'OPEN',
    startedAt: '2026-12-01T09:00:00.000Z',
    startedBy: 'user:u-admin',
    dueAt: '2026-12-15T00:00:00.000Z',
    completedAt: null,
    revokeUndecided: false,
    reviewerIds: [VIEWER_ID, 'u-rita'],
    filter: '{}',
    total: 0,
    kept: 0,
    revoked: 0,
    undecided: 0,
    recurEveryDays: null,
    nextStartsAt: null,
    previousReviewId: null,
    nextReviewId: null,
    ...fields,
  };
}

/** An undecided item of alice's, created 2026-11-01, last used 2026-11-30. */
export function reviewItemOf(appPasswordId: string, fields: Partial<AccessReviewItem> = {}): AccessReviewItem {
  return {
    id: `rev-1:${appPasswordId}`,
    reviewId: 'rev-1',
    appPasswordId,
    userId: 'u-alice',
    userPrincipalName: 'alice@contoso.example',
    label: `Mail ${appPasswordId}`,
    scopes: ['imap', 'smtp'],
    createdAt: '2026-11-01T08:00:00.000Z',
    lastUsedAt: '2026-11-30T08:00:00.000Z',
    usesLast30Days: 12,
    recommendation: 'KEEP',
    decision: null,
    justification: null,
    decidedBy: null,
    decidedAt: null,
    attestedAt: null,
    attestationNote: null,
    ...fields,
  };
}

/**
 * A test double for the access-review API: no server runs in a component test. It keeps one
 * review and its items (`rows`), pages them with offsets as cursors, and decides and attests as the
 * server does: never the viewer's own item (FORBIDDEN), never in a completed review or after a
 * revocation (CONFLICT), never without a justification (BAD_USER_INPUT). Every call is recorded.
 */
export class AccessReviewsApiDouble {
  review: AccessReview | null = reviewOf();
  reviews: AccessReview[] = [];
  rows: AccessReviewItem[] = [reviewItemOf('k1'), reviewItemOf('k2'), reviewItemOf('k3', { userId: VIEWER_ID, userPrincipalName: 'me@contoso.example', label: 'My phone' })];
  readonly sent: unknown[] = [];
  readonly listed: { selection: ItemSelection; first: number; after: string | null }[] = [];

  async list(first: number, after: string | null): Promise<ConnectionPage<AccessReview>> {
    const start = after ? Number(after) : 0;
    const page = this.reviews.slice(start, start + first);
    return { totalCount: this.reviews.length, pageInfo: { hasNextPage: start + first < this.reviews.length, endCursor: String(start + page.length) }, edges: page.map((node) => ({ node: this.counted(node) })) };
  }

  async one(id: string): Promise<AccessReview | null> {
    return this.review && this.review.id === id ? this.counted(this.review) : null;
  }

  async items(_reviewId: string, selection: ItemSelection, first: number, after: string | null): Promise<ConnectionPage<AccessReviewItem>> {
    this.listed.push({ selection, first, after });
    const matching = this.rows.filter((item) => selection === 'ALL' || (selection === 'UNDECIDED' ? item.decision === null : item.userId === VIEWER_ID));
    const start = after ? Number(after) : 0;
    const page = matching.slice(start, start + first);
    return { totalCount: matching.length, pageInfo: { hasNextPage: start + first < matching.length, endCursor: String(start + page.length) }, edges: page.map((node) => ({ node })) };
  }

  async start(input: StartReviewInput): Promise<AccessReview> {
    this.sent.push({ call: 'start', input });
    if (!input.name.trim()) throw new ApiError('BAD_USER_INPUT', 'A review name of 1 to 200 characters on one line is required.');
    if (input.recurEveryDays !== null && (input.recurEveryDays < 7 || input.recurEveryDays > 366)) throw new ApiError('BAD_USER_INPUT', 'recurEveryDays must be a whole number of days from 7 to 366.');
    this.review = reviewOf({ id: 'rev-new', name: input.name, dueAt: input.dueAt, revokeUndecided: input.revokeUndecided, recurEveryDays: input.recurEveryDays });
    return this.review;
  }

  /** Stops as the server does: a review that runs once is CONFLICT; a stopped one stays stopped. */
  async stopRecurrence(reviewId: string): Promise<AccessReview> {
    this.sent.push({ call: 'stopRecurrence', reviewId });
    if (!this.review || this.review.id !== reviewId) throw new ApiError('NOT_FOUND', 'No such access review.');
    if (this.review.recurEveryDays === null) throw new ApiError('CONFLICT', 'This review does not repeat: there is nothing to stop.');
    this.review = { ...this.review, nextStartsAt: null };
    return this.counted(this.review);
  }

  async decide(itemId: string, decision: AccessDecision, justification: string): Promise<AccessReviewItem> {
    this.sent.push({ call: 'decide', itemId, decision, justification });
    return this.decided(itemId, decision, justification);
  }

  async decideMany(itemIds: string[], decision: AccessDecision, justification: string): Promise<AccessReviewItem[]> {
    this.sent.push({ call: 'decideMany', itemIds, decision, justification });
    return itemIds.map((itemId) => this.decided(itemId, decision, justification));
  }

  async attest(itemId: string, note: string | null): Promise<AccessReviewItem> {
    this.sent.push({ call: 'attest', itemId, note });
    const item = this.rows.find((candidate) => candidate.id === itemId);
    if (!item || item.userId !== VIEWER_ID) throw new ApiError('NOT_FOUND', 'No such access review item.');
    return this.replace({ ...item, attestedAt: '2026-12-02T10:00:00.000Z', attestationNote: note });
  }

  async actorNames(actors: string[]): Promise<Map<string, string>> {
    return new Map(actors.map((actor) => [actor, actor === `user:${VIEWER_ID}` ? 'me@contoso.example' : actor]));
  }

  private decided(itemId: string, decision: AccessDecision, justification: string): AccessReviewItem {
    const item = this.rows.find((candidate) => candidate.id === itemId);
    if (!item) throw new ApiError('NOT_FOUND', 'No such access review item.');
    if (this.review?.status === 'COMPLETED') throw new ApiError('CONFLICT', 'The review is completed: its decisions are final.');
    if (item.userId === VIEWER_ID) throw new ApiError('FORBIDDEN', 'Nobody decides on their own app password: another reviewer must.');
    if (!justification.trim()) throw new ApiError('BAD_USER_INPUT', 'A justification of 1 to 1,000 characters on one line is required: say why the credential is still needed, or why it goes.');
    if (item.decision === 'REVOKE') throw new ApiError('CONFLICT', 'This credential was revoked by an earlier decision; that is final.');
    return this.replace({ ...item, decision, justification: justification.trim(), decidedBy: `user:${VIEWER_ID}`, decidedAt: '2026-12-02T10:00:00.000Z' });
  }

  private replace(item: AccessReviewItem): AccessReviewItem {
    this.rows = this.rows.map((candidate) => (candidate.id === item.id ? item : candidate));
    return item;
  }

  /** The review with its counts from the items, as the server keeps them. */
  private counted(review: AccessReview): AccessReview {
    if (review !== this.review) return review;
    const kept = this.rows.filter((item) => item.decision === 'KEEP').length;
    const revoked = this.rows.filter((item) => item.decision === 'REVOKE').length;
    return { ...review, total: this.rows.length, kept, revoked, undecided: this.rows.length - kept - revoked };
  }
}
