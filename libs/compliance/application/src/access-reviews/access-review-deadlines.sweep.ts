import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { dueAccessReviews } from '@keyward/compliance/read-models';
import { AccessReviews } from './access-reviews.use-case';

/**
 * Every KEYWARD_REVIEW_SWEEP_SECONDS (5), completes the open reviews whose due date has come, as
 * `system:access-review`. Candidates come from the read model; the review's stream decides, so
 * several nodes sweeping at once complete each review once.
 */
@Injectable()
export class AccessReviewDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessReviews');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

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

  /** One pass; resolves with how many reviews it completed. Never two at once. */
  sweepOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    const now = this.clock.now();
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
}
