import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forbidden, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
import { requireRole, userDecider, userStreamId, type Caller, type ExistingUser, type UserCommand } from '@keyward/identity/domain';
import { Directory } from '../directory/directory';

/**
 * Disables or enables a user. A disabled user can neither sign in nor use app passwords; when the
 * tenant policy says so, the event also asks for the user's app passwords to be revoked.
 */
export class SetUserEnabledCommand {
  constructor(
    readonly userId: string,
    readonly isEnabled: boolean,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SetUserEnabledCommand)
export class SetUserEnabledHandler implements ICommandHandler<SetUserEnabledCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ userId, isEnabled, caller, context }: SetUserEnabledCommand): Promise<ExistingUser> {
    requireRole(caller, 'GLOBAL_ADMIN');
    await this.directory.userInTenant(caller, userId);
    if (!isEnabled && userId === caller.userId) throw forbidden('You cannot disable yourself.');
    const { policy } = await this.directory.callerTenant(caller);
    const command: UserCommand = isEnabled ? { type: 'EnableUser' } : { type: 'DisableUser', data: { revokesAppPasswords: policy.revokesOnDisable } };
    const { state } = await this.aggregates.handle(userStreamId(userId), userDecider, command, context);
    return state as ExistingUser;
  }
}
