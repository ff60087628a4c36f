import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { badInput, isDomainError, notFound, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import { actorOf, authorize, authorizeFound, authorizeTenantWide, scopeOf, systemPrincipal, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { GetUsersQuery, type Page, type UserListItem } from '@keyward/identity/read-models';
import { RevokeAppPasswords, throwIfAnyFailed } from '@keyward/app-passwords/application';
import { GetReviewCandidatesQuery, MAX_LISTED, recordedFilter, type AppPasswordFilter, type ReviewCandidateRow } from '@keyward/app-passwords/read-models';
import {
  ACCESS_REVIEW_PROCESS,
  accessReviewDecider,
  accessReviewStreamId,
  requireReviewName,
  reviewOfItem,
  type AccessDecision,
  type AccessReview,
  type AccessReviewCommand,
  revokedItems,
  successorPlanOf,
  successorReviewId,
  type ReviewItemState,
  type SuccessorPlan,
} from '@keyward/compliance/domain';

export interface AccessReviewRequest {
  readonly name: string;
  readonly filter: AppPasswordFilter;
  readonly dueAt: Date;
  readonly revokeUndecided: boolean;
  /** Default: the tenant's enabled global admins. */
  readonly reviewerIds: readonly string[] | null;
  /** A repeating review: its successor starts this many days after it does; null: it runs once. */
  readonly recurEveryDays: number | null;
}

/** What the sweep did about one repeating review whose period has passed. */
export type SuccessorOutcome = 'STARTED' | 'NOT_DUE' | 'NO_ITEMS' | 'OWNER_CANNOT_START';

/**
 * Starts access reviews, records reviewers' decisions and owners' attestations, and completes
 * reviews on their due date. A REVOKE takes effect at once, through the core's one revoke use case
 * (RevokeAppPasswords), with the reviewer as its actor and the review's name and the justification
 * as its reason.
 */
@Injectable()
export class AccessReviews {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly queries: QueryBus,
    private readonly directory: Directory,
    private readonly revocations: RevokeAppPasswords,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** Fixes the scope (the active app passwords the filter matches now) and opens the review; resolves with its id. */
  async start(principal: UserPrincipal, request: AccessReviewRequest, context: CommandContext): Promise<string> {
    authorizeTenantWide(principal, 'accessReviews.start');
    requireReviewName(request.name);
    if (Number.isNaN(request.dueAt.getTime())) throw badInput('dueAt must be an ISO-8601 date-time.');
    const reviewerIds = request.reviewerIds === null ? await this.globalAdmins(principal) : await this.reviewers(principal, request.reviewerIds);
    const candidates: ReviewCandidateRow[] = await this.queries.execute(new GetReviewCandidatesQuery(principal, request.filter));
    const filter = recordedFilter(request.filter);
    // A recorded filter counts a long list rather than repeating it: a successor could not draw it again.
    if (request.recurEveryDays !== null && Object.values(filter).some((value) => !Array.isArray(value) && typeof value === 'object' && value !== null)) {
      throw badInput('A repeating review lists at most 20 ids or user ids in its filter, so that each repetition draws the same scope again.');
    }
    const reviewId = this.ids.newId();
    const command: AccessReviewCommand = {
      type: 'StartAccessReview',
      data: {
        reviewId,
        tenantId: principal.tenantId,
        name: request.name,
        startedBy: actorOf(principal),
        now: context.now,
        dueAt: request.dueAt,
        revokeUndecided: request.revokeUndecided,
        reviewerIds,
        filter,
        candidates,
        recurEveryDays: request.recurEveryDays,
        seriesOwnerId: request.recurEveryDays === null ? null : principal.userId,
      },
    };
    await this.aggregates.handle(accessReviewStreamId(reviewId), accessReviewDecider, command, context);
    return reviewId;
  }

  /**
   * Stops a repeating review's series: the stop is recorded on the series' latest review (found by
   * following successor ids from this one), and again on any successor that started meanwhile.
   * Stopping a stopped series changes nothing.
   */
  async stopRecurrence(principal: UserPrincipal, reviewId: string, context: CommandContext): Promise<void> {
    authorizeTenantWide(principal, 'accessReviews.start');
    const authorized = (state: AccessReview): AccessReviewCommand => {
      // Another tenant's review answers as a missing one.
      if (state.status === 'none' || state.tenantId !== principal.tenantId) throw notFound('No such access review.');
      return { type: 'StopAccessReviewRecurrence', data: { stoppedBy: actorOf(principal) } };
    };
    for (let latest = await this.latestOfSeries(reviewId); ; latest = successorReviewId(latest)) {
      await this.aggregates.handle(accessReviewStreamId(latest), accessReviewDecider, authorized, context);
      // A successor that started between finding the latest and stopping it is stopped too.
      if ((await this.aggregates.lastEventType(accessReviewStreamId(successorReviewId(latest)))) === null) return;
    }
  }

  /**
   * Starts the successor a repeating review calls for at `now`, as `system:access-review`, drawn
   * with the rights of the user who started the series. Its id derives from the review's, so
   * nodes sweeping at once start it once (the others' appends find the stream there: CONFLICT).
   * A filter that matches nothing now starts nothing: the series tries again next period.
   */
  async startSuccessor(reviewId: string, tenantId: string, now: Date): Promise<SuccessorOutcome> {
    const previous = await this.aggregates.load(accessReviewStreamId(reviewId), accessReviewDecider);
    const plan = previous.status === 'none' || previous.tenantId !== tenantId ? null : successorPlanOf(previous, now);
    if (!plan) return 'NOT_DUE';
    const owner = await this.seriesOwner(plan.seriesOwnerId, tenantId);
    if (!owner) return 'OWNER_CANNOT_START';
    const candidates: ReviewCandidateRow[] = await this.queries.execute(new GetReviewCandidatesQuery(owner, plan.filter as AppPasswordFilter));
    if (candidates.length === 0) return 'NO_ITEMS';
    const reviewerIds = await this.reviewersStill(owner, plan.reviewerIds);
    const context: CommandContext = { actor: `system:${ACCESS_REVIEW_PROCESS}`, tenantId, now, correlationId: `access-review-${plan.series.seriesId}` };
    try {
      await this.aggregates.handle(accessReviewStreamId(plan.reviewId), accessReviewDecider, successorCommand({ ...plan, reviewerIds }, tenantId, now, candidates), context);
    } catch (error) {
      if (isDomainError(error) && error.code === 'CONFLICT') return 'NOT_DUE';
      throw error;
    }
    // A stop recorded on the predecessor after it was read here: the successor stops too.
    const after = await this.aggregates.load(accessReviewStreamId(reviewId), accessReviewDecider);
    if (after.status !== 'none' && after.recurrence?.isStopped) {
      await this.aggregates.handle(accessReviewStreamId(plan.reviewId), accessReviewDecider, { type: 'StopAccessReviewRecurrence', data: { stoppedBy: context.actor } }, context);
    }
    return 'STARTED';
  }

  /**
   * A reviewer's decision on items of one review (one, or a bulk keep), recorded in one append: all
   * of them, or none when one cannot be decided. A REVOKE revokes before this returns.
   */
  async decide(principal: UserPrincipal, itemIds: readonly string[], decision: AccessDecision, justification: string, context: CommandContext): Promise<void> {
    authorize(principal, 'accessReviews.decide');
    const reviewIds = new Set(itemIds.map(reviewOfItem));
    const [reviewId] = reviewIds;
    if (itemIds.length === 0 || reviewId === null || reviewId === undefined) throw notFoundItem();
    if (reviewIds.size > 1) throw badInput('The items must all belong to one review.');
    let reviewName = '';
    const authorized = (state: AccessReview): AccessReviewCommand => {
      // Another tenant's review answers as a missing one.
      if (state.status === 'none' || state.tenantId !== principal.tenantId) throw notFoundItem();
      reviewName = state.name;
      return { type: 'DecideAccessReviewItems', data: { itemIds, decision, justification, decidedBy: actorOf(principal), reviewerId: principal.userId } };
    };
    const { events } = await this.aggregates.handle(accessReviewStreamId(reviewId), accessReviewDecider, authorized, context);
    const revoked = events.flatMap((event) => (event.type === 'AccessReviewItemDecided' && event.data.decision === 'REVOKE' ? [event.data] : []));
    if (revoked.length > 0) await this.revoke(principal.tenantId, reviewName, revoked, context);
  }

  /** The owner says their app password under review is still needed. */
  async attest(principal: UserPrincipal, itemId: string, note: string | null, context: CommandContext): Promise<void> {
    authorize(principal, 'accessReviews.attest');
    const reviewId = reviewOfItem(itemId);
    if (reviewId === null) throw notFoundItem();
    const authorized = (state: AccessReview): AccessReviewCommand => {
      if (state.status === 'none' || state.tenantId !== principal.tenantId) throw notFoundItem();
      return { type: 'AttestAccessReviewItem', data: { itemId, ownerId: principal.userId, note } };
    };
    await this.aggregates.handle(accessReviewStreamId(reviewId), accessReviewDecider, authorized, context);
  }

  /**
   * Completes a review whose due date has come: each undecided item is decided REVOKE by
   * `system:access-review` when the review says so, and every credential decided REVOKE is
   * revoked (again: revoking is idempotent, so a revocation that failed at decision time is made
   * now). Safe to run on several nodes at once: the review completes once.
   */
  async complete(reviewId: string, tenantId: string, now: Date): Promise<boolean> {
    const context: CommandContext = { actor: `system:${ACCESS_REVIEW_PROCESS}`, tenantId, now, correlationId: `access-review-${reviewId}` };
    const { events, state } = await this.aggregates.handle(accessReviewStreamId(reviewId), accessReviewDecider, { type: 'CompleteAccessReview', data: { now } }, context);
    if (events.length === 0 || state.status === 'none') return false;
    await this.revoke(tenantId, state.name, revokedItems(state), context);
    return true;
  }

  /** Revokes through the one revoke use case, as the review's process, each change recorded with its decider as actor. */
  private async revoke(tenantId: string, reviewName: string, decided: readonly Pick<ReviewItemState, 'appPasswordId' | 'justification' | 'decidedBy'>[], context: CommandContext): Promise<void> {
    const principal = systemPrincipal(ACCESS_REVIEW_PROCESS, tenantId);
    // One call per decider and justification: each revocation names who decided it and why.
    const groups = new Map<string, string[]>();
    for (const { appPasswordId, justification, decidedBy } of decided) {
      const key = JSON.stringify([decidedBy, justification]);
      groups.set(key, [...(groups.get(key) ?? []), appPasswordId]);
    }
    for (const [key, appPasswordIds] of groups) {
      const [decidedBy, justification] = JSON.parse(key) as [CommandContext['actor'], string];
      const reason = `Access review "${reviewName}": ${justification}`.slice(0, 500);
      const outcomes = await this.revocations.revoke(principal, appPasswordIds, { reason, incidentRef: null }, { ...context, actor: decidedBy });
      throwIfAnyFailed(outcomes);
    }
  }

  /** The newest review of a series, from any of its reviews: each successor's id derives from its predecessor's. */
  private async latestOfSeries(reviewId: string): Promise<string> {
    let latest = reviewId;
    while ((await this.aggregates.lastEventType(accessReviewStreamId(successorReviewId(latest)))) !== null) latest = successorReviewId(latest);
    return latest;
  }

  /** The series' owner as a principal, while they are enabled in the tenant and may still start reviews; else null. */
  private async seriesOwner(userId: string, tenantId: string): Promise<UserPrincipal | null> {
    const user = await this.directory.user(userId);
    if (user.status !== 'enabled' || user.tenantId !== tenantId) return null;
    const principal: UserPrincipal = { kind: 'user', userId: user.userId, tenantId: user.tenantId, userPrincipalName: user.userPrincipalName, roles: user.roles };
    return scopeOf(principal, 'accessReviews.start') === 'TENANT' ? principal : null;
  }

  /** The tenant's enabled global admins: a review's reviewers unless it names others. */
  private async globalAdmins(principal: UserPrincipal): Promise<string[]> {
    const page: Page<UserListItem> = await this.queries.execute(new GetUsersQuery(principal, { role: 'GLOBAL_ADMIN', isEnabled: true }, MAX_LISTED, null));
    return page.items.map(({ item }) => item.id);
  }

  /**
   * A successor's reviewers: its predecessor's who can still sign in, or, when none can, the
   * tenant's enabled global admins (as for a review that names none), so that someone can decide.
   */
  private async reviewersStill(owner: UserPrincipal, reviewerIds: readonly string[]): Promise<string[]> {
    const enabled: string[] = [];
    for (const userId of reviewerIds) if ((await this.directory.user(userId)).status === 'enabled') enabled.push(userId);
    return enabled.length > 0 ? enabled : this.globalAdmins(owner);
  }

  /** Named reviewers: each an enabled user of the tenant. */
  private async reviewers(principal: UserPrincipal, reviewerIds: readonly string[]): Promise<string[]> {
    if (reviewerIds.length > 100) throw badInput('A review names at most 100 reviewers.');
    const unique = [...new Set(reviewerIds)];
    for (const userId of unique) {
      const user = await this.directory.user(userId);
      authorizeFound(principal, 'users.read', user.status === 'none' ? null : { tenantId: user.tenantId, ownerId: user.userId }, `No such user: ${userId}.`);
      if (user.status !== 'enabled') throw badInput(`The reviewer ${user.status === 'none' ? userId : user.userPrincipalName} is disabled: name someone who can sign in.`);
    }
    return unique;
  }
}

const notFoundItem = () => notFound('No such access review item.');

function successorCommand(plan: SuccessorPlan, tenantId: string, now: Date, candidates: ReviewCandidateRow[]): AccessReviewCommand {
  const { reviewId, name, filter, reviewerIds, revokeUndecided, recurEveryDays, series, seriesOwnerId, dueAt } = plan;
  return {
    type: 'StartAccessReview',
    data: { reviewId, tenantId, name, startedBy: `system:${ACCESS_REVIEW_PROCESS}`, now, dueAt, revokeUndecided, reviewerIds, filter, candidates, recurEveryDays, seriesOwnerId, series },
  };
}
