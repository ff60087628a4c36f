import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { badInput } from '@keyward/shared/domain';
import { Aggregates, hashSecret } from '@keyward/shared/server';
import {
  requireRole,
  requireUserPrincipalName,
  userDecider,
  userIdFor,
  userStreamId,
  type Caller,
  type ExistingUser,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory';

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
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ input, caller, context }: CreateUserCommand): Promise<ExistingUser> {
    requireRole(caller, 'GLOBAL_ADMIN');
    const tenant = await this.directory.callerTenant(caller);
    const upn = requireUserPrincipalName(input.userPrincipalName);
    if (input.password != null && (input.password.length < 12 || input.password.length > 256)) {
      throw badInput('password must be 12 to 256 characters.');
    }
    const passwordHash = input.password ? await hashSecret(input.password) : null;
    const { state } = await this.aggregates.handle(
      userStreamId(userIdFor(upn.value)),
      userDecider,
      {
        type: 'CreateUser',
        data: {
          tenantId: tenant.tenantId,
          tenantDomains: tenant.domains,
          userPrincipalName: upn.value,
          displayName: input.displayName,
          roles: input.roles,
          mfaRegistered: input.mfaRegistered ?? false,
          passwordHash,
        },
      },
      context,
      0,
    );
    return state as ExistingUser;
  }
}
