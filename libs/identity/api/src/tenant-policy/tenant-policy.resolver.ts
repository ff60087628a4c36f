import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { ChangeTenantPolicyCommand, Directory } from '@keyward/identity/application';
import type { TenantPolicy, UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { TenantPolicyInput, TenantPolicyModel } from './tenant-policy.model';

@Resolver(() => TenantPolicyModel)
export class TenantPolicyResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: Directory,
  ) {}

  @Query(() => TenantPolicyModel, { description: "The principal's tenant policy; every signed-in user may read it." })
  @Requires('policy.read')
  async tenantPolicy(@CurrentPrincipal() principal: UserPrincipal): Promise<TenantPolicy> {
    return (await this.directory.tenantOf(principal)).policy;
  }

  @Mutation(() => TenantPolicyModel, { description: 'Replaces the tenant policy (global admins). Unchanged settings record nothing.' })
  @Requires('policy.change')
  changeTenantPolicy(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: TenantPolicyInput,
  ): Promise<TenantPolicy> {
    return this.commands.execute(new ChangeTenantPolicyCommand(input, principal, context));
  }
}
