import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import { userDecider, userStreamId, type ExistingUser, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';
import { SessionService } from '../sessions/session-service';

/**
 * Sets a user's console password (global admins). The user's console sessions on this node end;
 * when the tenant policy says so, the event also asks for the user's app passwords to be revoked.
 */
export class ResetUserPasswordCommand {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ResetUserPasswordCommand)
export class ResetUserPasswordHandler implements ICommandHandler<ResetUserPasswordCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly sessions: SessionService,
  ) {}

  async execute({ userId, password, principal, context }: ResetUserPasswordCommand): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'users.manage', userId);
    if (password.length < 12 || password.length > 256) throw badInput('password must be 12 to 256 characters.');
    const { policy } = await this.directory.tenantOf(principal);
    const passwordHash = await hashSecret(password);
    const { state } = await this.aggregates.handle(
      userStreamId(userId),
      userDecider,
      { type: 'ResetUserPassword', data: { passwordHash, revokesAppPasswords: policy.revokesOnPasswordReset } },
      context,
    );
    this.sessions.endSessionsOf(userId);
    return state as ExistingUser;
  }
}
