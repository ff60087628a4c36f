import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { authorize, tenantDecider, tenantStreamId, type ActiveTenant, type TenantPolicy, type UserPrincipal } from '@keyward/identity/domain';

/** Replaces the principal's tenant policy. Global admins only; the event records who did it. */
export class ChangeTenantPolicyCommand {
  constructor(
    readonly policy: TenantPolicy,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeTenantPolicyCommand)
export class ChangeTenantPolicyHandler implements ICommandHandler<ChangeTenantPolicyCommand, TenantPolicy> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ policy, principal, context }: ChangeTenantPolicyCommand): Promise<TenantPolicy> {
    authorize(principal, 'policy.change', { tenantId: principal.tenantId });
    const command = { type: 'ChangeTenantPolicy' as const, data: { policy } };
    const { state } = await this.aggregates.handle(tenantStreamId(principal.tenantId), tenantDecider, command, context);
    return (state as ActiveTenant).policy;
  }
}
