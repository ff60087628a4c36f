import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { Aggregates, hashSecret } from '@keyward/shared/server';
import { requireRole, userDecider, userStreamId, type Caller, type ExistingUser } from '@keyward/identity/domain';
import { Directory } from '../directory/directory';
import { SessionService } from '../sessions/session-service';

/**
 * Sets a user's console password (global admins). The user's console sessions on this node end;
 * when the tenant policy says so, the event also asks for the user's app passwords to be revoked.
 */
export class ResetUserPasswordCommand {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly caller: Caller,
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

  async execute({ userId, password, caller, context }: ResetUserPasswordCommand): Promise<ExistingUser> {
    requireRole(caller, 'GLOBAL_ADMIN');
    if (password.length < 12 || password.length > 256) throw badInput('password must be 12 to 256 characters.');
    await this.directory.userInTenant(caller, userId);
    const { policy } = await this.directory.callerTenant(caller);
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
