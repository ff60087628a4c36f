import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, KEYWARD_CONFIG, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { systemPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { GetIdleAppPasswordsQuery, GetTenantsWithActiveAppPasswordsQuery } from '@keyward/app-passwords/read-models';
import { RevokeAppPasswords } from '../revoke-app-passwords/revoke-app-passwords.use-case';

const DAY_MS = 86_400_000;
/** Revocations per tenant and sweep; the next sweep goes on where this one stopped. */
const PER_SWEEP = 500;
const PROCESS = 'idle-revocation';

/**
 * Every KEYWARD_IDLE_SWEEP_SECONDS, revokes (as `system:idle-revocation`) the active app passwords
 * left unused longer than their tenant's policy allows. Candidates come from the read model; the
 * revoke use case confirms each from its stream, and revoking is idempotent, so several nodes
 * sweeping at once write each revocation once.
 */
@Injectable()
export class RevokeIdleAppPasswords implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdleRevocation');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly revocations: RevokeAppPasswords,
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
    for (const tenantId of tenantIds) revoked += await this.sweepTenant(tenantId);
    if (revoked > 0) this.logger.log({ msg: 'revoked idle app passwords', count: revoked });
    return revoked;
  }

  private async sweepTenant(tenantId: string): Promise<number> {
    const tenant = await this.directory.tenant(tenantId);
    if (tenant.status !== 'active' || tenant.policy.idleRevocationDays === null) return 0;
    const days = tenant.policy.idleRevocationDays;
    const now = this.clock.now();
    const unusedSince = new Date(now.getTime() - days * DAY_MS).toISOString();
    const ids: string[] = await this.queries.execute(new GetIdleAppPasswordsQuery(tenantId, unusedSince, PER_SWEEP));
    const context = { actor: `system:${PROCESS}` as const, tenantId, now, correlationId: `idle-sweep-${now.toISOString()}` };
    const revocation = { reason: `Unused for ${days} days (tenant policy: idle revocation)`, incidentRef: null };
    const outcomes = await this.revocations.revoke(systemPrincipal(PROCESS, tenantId), ids, revocation, context);
    return outcomes.filter((outcome) => outcome.outcome === 'REVOKED').length;
  }
}
