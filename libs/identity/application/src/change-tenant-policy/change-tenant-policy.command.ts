import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyViolation, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { authorize, isPasswordSignInAllowed, tenantDecider, tenantStreamId, type ActiveTenant, type TenantPolicy, type UserPrincipal } from '@keyward/identity/domain';

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
    const { state } = await this.aggregates.handle(
      tenantStreamId(principal.tenantId),
      tenantDecider,
      (current) => {
        // Password sign-in goes off only from a session single sign-on opened: it is known to work.
        const turnsOff = current.status === 'active' && isPasswordSignInAllowed(current.policy) && policy.isPasswordSignInAllowed === false;
        if (turnsOff && principal.signInMethod !== 'sso') {
          throw policyViolation('Sign in with single sign-on first: password sign-in can only be turned off from a session that single sign-on opened.', {
            isPasswordSignInAllowed: true,
          });
        }
        return { type: 'ChangeTenantPolicy' as const, data: { policy } };
      },
      context,
    );
    return (state as ActiveTenant).policy;
  }
}
