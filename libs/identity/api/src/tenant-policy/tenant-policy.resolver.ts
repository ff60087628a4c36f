import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { ChangeTenantPolicyCommand, Directory } from '@keyward/identity/application';
import { consoleMfaRolesOf, isPasswordSignInAllowed, maxApiTokenDaysOf, mfaGraceDaysOf, type TenantPolicy, type UserPrincipal } from '@keyward/identity/domain';
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
  async tenantPolicy(@CurrentPrincipal() principal: UserPrincipal): Promise<TenantPolicyModel> {
    return modelOf((await this.directory.tenantOf(principal)).policy);
  }

  @Mutation(() => TenantPolicyModel, { description: 'Replaces the tenant policy (global admins). Unchanged settings record nothing.' })
  @Requires('policy.change')
  async changeTenantPolicy(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: TenantPolicyInput,
  ): Promise<TenantPolicyModel> {
    const { maxApiTokenDays, isPasswordSignInAllowed, consoleMfaRoles, mfaGraceDays, ...rest } = input;
    const policy: TenantPolicy = {
      ...rest,
      ...(consoleMfaRoles == null ? {} : { consoleMfaRoles }),
      ...(mfaGraceDays == null ? {} : { mfaGraceDays }),
      ...(maxApiTokenDays == null ? {} : { maxApiTokenDays }),
      ...(isPasswordSignInAllowed == null ? {} : { isPasswordSignInAllowed }),
    };
    return modelOf(await this.commands.execute(new ChangeTenantPolicyCommand(policy, principal, context)));
  }
}

function modelOf(policy: TenantPolicy): TenantPolicyModel {
  return {
    ...policy,
    allowedScopes: [...policy.allowedScopes],
    maxApiTokenDays: maxApiTokenDaysOf(policy),
    isPasswordSignInAllowed: isPasswordSignInAllowed(policy),
    consoleMfaRoles: [...consoleMfaRolesOf(policy)],
    mfaGraceDays: mfaGraceDaysOf(policy),
  };
}
