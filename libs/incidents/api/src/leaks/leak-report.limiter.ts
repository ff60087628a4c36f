import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Reports one address may send per window: a scanner's findings fit in a few (1,000 each). */
export const REPORTS_PER_WINDOW = 10;
export const REPORT_WINDOW_SECONDS = 60;

/**
 * The per-address limit on `POST /leaks` (rate-limiter-flexible, in memory: per node). Every
 * report counts, accepted or refused, so probing with bad input costs the same.
 */
@Injectable()
export class LeakReportLimiter {
  private readonly limiter = new RateLimiterMemory({ points: REPORTS_PER_WINDOW, duration: REPORT_WINDOW_SECONDS });

  /** Counts a report from `address`; resolves with the seconds to wait when it is over the limit, else 0. */
  async take(address: string): Promise<number> {
    try {
      await this.limiter.consume(address);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}
