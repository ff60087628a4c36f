import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Aggregates, CLOCK, KEYWARD_CONFIG, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import { appPasswordDecider, appPasswordStreamId, statusAt } from '@keyward/app-passwords/domain';
import { GetIdleAppPasswordsQuery, GetTenantsWithActiveAppPasswordsQuery } from '@keyward/app-passwords/read-models';

const DAY_MS = 86_400_000;
/** Revocations per tenant and sweep; the next sweep goes on where this one stopped. */
const PER_SWEEP = 500;

/**
 * Every KEYWARD_IDLE_SWEEP_SECONDS, revokes (as `system:idle-revocation`) the active app passwords
 * left unused longer than their tenant's policy allows. Candidates come from the read model;
 * each is confirmed active from its stream before it is revoked, and revoking is idempotent, so
 * several nodes sweeping at once write each revocation once.
 */
@Injectable()
export class RevokeIdleAppPasswords implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdleRevocation');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.idleSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep over every tenant; returns how many app passwords it revoked. Never two at once. */
  sweepOnce(): Promise<number> {
    this.running ??= this.sweep()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'idle sweep failed', error: String(error) });
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    let revoked = 0;
    const tenantIds: string[] = await this.queries.execute(new GetTenantsWithActiveAppPasswordsQuery());
    for (const tenantId of tenantIds) {
      const tenant = await this.directory.tenant(tenantId);
      if (tenant.status !== 'active' || tenant.policy.idleRevocationDays === null) continue;
      const days = tenant.policy.idleRevocationDays;
      const now = this.clock.now();
      const ids: string[] = await this.queries.execute(new GetIdleAppPasswordsQuery(tenantId, new Date(now.getTime() - days * DAY_MS).toISOString(), PER_SWEEP));
      const context = { actor: 'system:idle-revocation' as const, tenantId, now, correlationId: `idle-sweep-${now.toISOString()}` };
      for (const id of ids) {
        const { state } = await this.aggregates.load(appPasswordStreamId(id), appPasswordDecider);
        if (state.status === 'none' || statusAt(state, now) !== 'ACTIVE') continue;
        const revocation = { type: 'RevokeAppPassword' as const, data: { reason: `Unused for ${days} days (tenant policy: idle revocation)`, incidentRef: null } };
        const { events } = await this.aggregates.handle(appPasswordStreamId(id), appPasswordDecider, revocation, context);
        revoked += events.length;
      }
    }
    if (revoked > 0) this.logger.log({ msg: 'revoked idle app passwords', count: revoked });
    return revoked;
  }
}
