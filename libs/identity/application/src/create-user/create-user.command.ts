import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import { authorize, requireUserPrincipalName, userDecider, userIdFor, userStreamId, type ExistingUser, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

export interface CreateUserInput {
  userPrincipalName: string;
  displayName: string;
  roles: string[];
  mfaRegistered?: boolean | null;
  password?: string | null;
}

export class CreateUserCommand {
  constructor(
    readonly input: CreateUserInput,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ input, principal, context }: CreateUserCommand): Promise<ExistingUser> {
    authorize(principal, 'users.manage', { tenantId: principal.tenantId });
    const tenant = await this.directory.tenantOf(principal);
    const upn = requireUserPrincipalName(input.userPrincipalName);
    if (input.password != null && (input.password.length < 12 || input.password.length > 256)) {
      throw badInput('password must be 12 to 256 characters.');
    }
    const passwordHash = input.password ? await hashSecret(input.password) : null;
    const command = {
      type: 'CreateUser' as const,
      data: {
        tenantId: tenant.tenantId,
        tenantDomains: tenant.domains,
        userPrincipalName: upn.value,
        displayName: input.displayName,
        roles: input.roles,
        mfaRegistered: input.mfaRegistered ?? false,
        passwordHash,
      },
    };
    const { state } = await this.aggregates.handle(userStreamId(userIdFor(upn.value)), userDecider, command, context);
    return state as ExistingUser;
  }
}
