import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forbidden, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { userDecider, userStreamId, type ExistingUser, type UserCommand, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';
import { SessionService } from '../sessions/session-service';

/**
 * Disables or enables a user. A disabled user can neither sign in nor use app passwords; when the
 * tenant policy says so, the event also asks for the user's app passwords to be revoked. Disabling
 * ends the user's console sessions, so that enabling again does not bring them back.
 */
export class SetUserEnabledCommand {
  constructor(
    readonly userId: string,
    readonly isEnabled: boolean,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SetUserEnabledCommand)
export class SetUserEnabledHandler implements ICommandHandler<SetUserEnabledCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly sessions: SessionService,
  ) {}

  async execute({ userId, isEnabled, principal, context }: SetUserEnabledCommand): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'users.manage', userId);
    if (!isEnabled && userId === principal.userId) throw forbidden('You cannot disable yourself.');
    const { policy } = await this.directory.tenantOf(principal);
    const command: UserCommand = isEnabled ? { type: 'EnableUser' } : { type: 'DisableUser', data: { revokesAppPasswords: policy.revokesOnDisable } };
    const { state } = await this.aggregates.handle(userStreamId(userId), userDecider, command, context);
    if (!isEnabled) this.sessions.endSessionsOf(userId);
    return state as ExistingUser;
  }
}
