import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { ChangeTenantPolicyCommand, Directory } from '@keyward/identity/application';
import type { Caller, TenantPolicy } from '@keyward/identity/domain';
import { CurrentCaller, CurrentCommandContext } from '../session/current-caller';
import { TenantPolicyInput, TenantPolicyModel } from './tenant-policy.model';

@Resolver(() => TenantPolicyModel)
export class TenantPolicyResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: Directory,
  ) {}

  @Query(() => TenantPolicyModel, { description: "The caller's tenant policy; every signed-in user may read it." })
  async tenantPolicy(@CurrentCaller() caller: Caller): Promise<TenantPolicy> {
    return (await this.directory.callerTenant(caller)).policy;
  }

  @Mutation(() => TenantPolicyModel, { description: 'Replaces the tenant policy (global admins). Unchanged settings record nothing.' })
  changeTenantPolicy(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: TenantPolicyInput,
  ): Promise<TenantPolicy> {
    return this.commands.execute(new ChangeTenantPolicyCommand(input, caller, context));
  }
}
