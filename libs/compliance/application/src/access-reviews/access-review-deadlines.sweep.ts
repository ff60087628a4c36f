import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { periodsSince } from '@keyward/compliance/domain';
import { dueAccessReviews, repeatingReviewsDue } from '@keyward/compliance/read-models';
import { AccessReviews } from './access-reviews.use-case';

/** What one pass did: reviews completed, and successors of repeating reviews started. */
export interface SweepResult {
  completed: number;
  started: number;
}

/**
 * Every KEYWARD_REVIEW_SWEEP_SECONDS (5), completes the open reviews whose due date has come, and
 * starts the successors of repeating reviews whose period has passed, as `system:access-review`.
 * Candidates come from the read model; each review's stream decides, so several nodes sweeping at
 * once complete each review once and start each successor once.
 */
@Injectable()
export class AccessReviewDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessReviews');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;
  /**
   * The period each repeating review was last tried in without a successor (its filter matched
   * nothing, or its owner may no longer start reviews): tried again next period, not every pass.
   * Memory only: a restart tries once more, which records nothing either.
   */
  private readonly triedPeriods = new Map<string, number>();

  constructor(
    private readonly reviews: AccessReviews,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.reviewSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; resolves with how many reviews it completed and successors it started. Never two at once. */
  sweepOnce(): Promise<SweepResult> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    return { completed: await this.completeDue(now), started: await this.startSuccessors(now) };
  }

  private async completeDue(now: Date): Promise<number> {
    let completed = 0;
    for (const { reviewId, tenantId } of dueAccessReviews(this.db, now)) {
      try {
        if (await this.reviews.complete(reviewId, tenantId, now)) completed++;
      } catch (error) {
        // The next pass tries again: the review stays OPEN in the read model until it completes.
        this.logger.warn({ msg: 'completing an access review failed', reviewId, error: String(error) });
      }
    }
    if (completed > 0) this.logger.log({ msg: 'completed access reviews', count: completed });
    return completed;
  }

  private async startSuccessors(now: Date): Promise<number> {
    let started = 0;
    for (const { reviewId, tenantId, startedAt, recurEveryDays } of repeatingReviewsDue(this.db, now)) {
      const period = periodsSince(startedAt, recurEveryDays, now);
      if (this.triedPeriods.get(reviewId) === period) continue;
      try {
        const outcome = await this.reviews.startSuccessor(reviewId, tenantId, now);
        if (outcome === 'STARTED') started++;
        if (outcome === 'NO_ITEMS' || outcome === 'OWNER_CANNOT_START') this.triedPeriods.set(reviewId, period);
        if (outcome === 'OWNER_CANNOT_START') this.logger.warn({ msg: 'a repeating access review was not repeated: whoever started its series is disabled or may no longer start reviews', reviewId });
        if (outcome === 'NO_ITEMS') this.logger.log({ msg: 'a repeating access review skips this period: its filter matches no active app password', reviewId });
      } catch (error) {
        // The next pass tries again: nothing was recorded.
        this.logger.warn({ msg: 'starting the next access review of a series failed', reviewId, error: String(error) });
      }
    }
    if (started > 0) this.logger.log({ msg: 'started repeating access reviews', count: started });
    return started;
  }
}
