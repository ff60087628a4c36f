import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { hasRole, requireRole, type Caller } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import type { ExistingAppPassword } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';

/** Revokes every active app password of one user, each with its own event and the same reason. */
export class RevokeUserAppPasswordsCommand {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly incidentRef: string | null,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeUserAppPasswordsCommand)
export class RevokeUserAppPasswordsHandler implements ICommandHandler<RevokeUserAppPasswordsCommand, ExistingAppPassword[]> {
  constructor(
    private readonly credentials: Credentials,
    private readonly directory: Directory,
  ) {}

  /** The app passwords this call revoked, as they are now; those already revoked or expired are left as they are. */
  async execute({ userId, reason, incidentRef, caller, context }: RevokeUserAppPasswordsCommand): Promise<ExistingAppPassword[]> {
    if (userId !== caller.userId || !hasRole(caller, 'USER')) requireRole(caller, 'GLOBAL_ADMIN', 'INCIDENT_RESPONDER');
    if (reason.trim().length === 0 || reason.length > 500) throw badInput('A reason of 1 to 500 characters is required.');
    await this.directory.userInTenant(caller, userId);
    return this.credentials.revokeAllOf(userId, { reason, incidentRef }, context);
  }
}
