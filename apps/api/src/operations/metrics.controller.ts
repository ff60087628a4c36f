import { Controller, Get, Inject, Injectable, NotFoundException, Res, UnauthorizedException, type OnModuleInit, Headers } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Gauge } from 'prom-client';
import { Public } from '@keyward/identity/api';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { bearerOf, KEYWARD_CONFIG, METRICS_REGISTRY, READ_MODEL_DB, readModelsSettled, SubscriberHost, type KeywardConfig } from '@keyward/shared/server';
import { VerifyAppPassword } from '@keyward/app-passwords/application';

/** How long a scrape waits for the subscribers to catch up before it reports the wait as the lag. */
const CATCH_UP_CAP_MS = 5_000;

/**
 * The gauges that read this node's state when Prometheus scrapes: dead letters and subscribers
 * retrying, how long the read models and reactors take to hold what was appended before the
 * scrape (their lag), revocation cases running, throttled accounts and addresses, and the argon2
 * queue. Counters and histograms (verifications, latencies) live in `@keyward/shared/server`.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  constructor(
    private readonly subscribers: SubscriberHost,
    private readonly verification: VerifyAppPassword,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    // A second app in the same process (tests) re-registers: the newest instance answers.
    for (const name of ['keyward_dead_letters', 'keyward_subscribers_retrying', 'keyward_catch_up_seconds', 'keyward_revocation_cases_running', 'keyward_verify_throttled', 'keyward_hashing_queue']) {
      METRICS_REGISTRY.removeSingleMetric(name);
    }
    const { subscribers, verification, db } = this;
    new Gauge({
      name: 'keyward_dead_letters',
      help: "Events a projection or reactor of this node gave up on (GET /health, the console's banner).",
      registers: [METRICS_REGISTRY],
      collect() {
        this.set(subscribers.health().deadLetters);
      },
    });
    new Gauge({
      name: 'keyward_subscribers_retrying',
      help: 'Projections and reactors of this node retrying a failing event now.',
      registers: [METRICS_REGISTRY],
      collect() {
        this.set(subscribers.health().retrying.length);
      },
    });
    new Gauge({
      name: 'keyward_catch_up_seconds',
      help: `How long this node's read models (projections) and reactors took to hold every event appended before the scrape; ${CATCH_UP_CAP_MS / 1000} s at most.`,
      labelNames: ['kind'] as const,
      registers: [METRICS_REGISTRY],
      async collect() {
        const timed = async (settled: Promise<void>) => {
          const started = performance.now();
          await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, CATCH_UP_CAP_MS).unref())]);
          return (performance.now() - started) / 1000;
        };
        const [projections, reactions] = await Promise.all([timed(readModelsSettled(subscribers)), timed(subscribers.reactionsSettled())]);
        this.set({ kind: 'projections' }, projections);
        this.set({ kind: 'reactions' }, reactions);
      },
    });
    new Gauge({
      name: 'keyward_revocation_cases_running',
      help: 'Revocation and suspension cases running, in every tenant.',
      registers: [METRICS_REGISTRY],
      collect() {
        this.set((db.prepare("SELECT count(*) AS n FROM revocation_cases WHERE status = 'RUNNING'").get() as { n: number }).n);
      },
    });
    new Gauge({
      name: 'keyward_verify_throttled',
      help: 'Account names waiting before their next verification, and addresses blocked, on this node.',
      labelNames: ['kind'] as const,
      registers: [METRICS_REGISTRY],
      collect() {
        const { accounts, addresses } = verification.throttle.throttled();
        this.set({ kind: 'accounts' }, accounts);
        this.set({ kind: 'addresses' }, addresses);
      },
    });
    new Gauge({
      name: 'keyward_hashing_queue',
      help: 'argon2 checks running, and waiting by lane (known credentials, dummy work for names that matched nothing).',
      labelNames: ['state'] as const,
      registers: [METRICS_REGISTRY],
      collect() {
        const { running, known, unknown } = verification.hashing.load;
        this.set({ state: 'running' }, running);
        this.set({ state: 'waiting_known' }, known);
        this.set({ state: 'waiting_unknown' }, unknown);
      },
    });
  }
}

/** `GET /metrics`: Prometheus' text format, when KEYWARD_METRICS=true; with KEYWARD_METRICS_TOKEN, only for that bearer. */
@Controller('metrics')
@Public('Prometheus scrapes it; it names no tenant, user or event. KEYWARD_METRICS_TOKEN restricts it to one bearer.')
export class MetricsController {
  constructor(@Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig) {}

  @Get()
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const { isEnabled, token } = this.config.metrics;
    if (!isEnabled) throw new NotFoundException('Metrics are off: set KEYWARD_METRICS=true.');
    if (token !== null && !isBearer(authorization, token)) throw new UnauthorizedException('Send Authorization: Bearer with KEYWARD_METRICS_TOKEN.');
    response.setHeader('Content-Type', METRICS_REGISTRY.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.send(await METRICS_REGISTRY.metrics());
  }
}

function isBearer(authorization: string | undefined, token: string): boolean {
  const sent = bearerOf(authorization) ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
