import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
import { requireRole, tenantDecider, tenantStreamId, type Caller, type Tenant, type TenantPolicy } from '@keyward/identity/domain';

/** Replaces the caller's tenant policy. Global admins only; the event records who did it. */
export class ChangeTenantPolicyCommand {
  constructor(
    readonly policy: TenantPolicy,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeTenantPolicyCommand)
export class ChangeTenantPolicyHandler implements ICommandHandler<ChangeTenantPolicyCommand, TenantPolicy> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ policy, caller, context }: ChangeTenantPolicyCommand): Promise<TenantPolicy> {
    requireRole(caller, 'GLOBAL_ADMIN');
    const { state } = await this.aggregates.handle(tenantStreamId(caller.tenantId), tenantDecider, { type: 'ChangeTenantPolicy', data: { policy } }, context);
    return (state as Extract<Tenant, { status: 'active' }>).policy;
  }
}
