import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import type { UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import type { ExistingAppPassword } from '@keyward/app-passwords/domain';
import { RevokeAppPasswords, throwIfAnyFailed } from '../revoke-app-passwords/revoke-app-passwords.use-case';

/** Revokes every active app password of one user, each with its own event and the same reason. */
export class RevokeUserAppPasswordsCommand {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly incidentRef: string | null,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeUserAppPasswordsCommand)
export class RevokeUserAppPasswordsHandler implements ICommandHandler<RevokeUserAppPasswordsCommand, ExistingAppPassword[]> {
  constructor(
    private readonly revocations: RevokeAppPasswords,
    private readonly directory: Directory,
  ) {}

  /** The app passwords this call revoked, as they are now; those already revoked or expired are left as they are. */
  async execute({ userId, reason, incidentRef, principal, context }: RevokeUserAppPasswordsCommand): Promise<ExistingAppPassword[]> {
    // The user must be one whose app passwords the principal may revoke: their own, or any in the tenant.
    await this.directory.userFor(principal, 'appPasswords.revoke', userId);
    const outcomes = await this.revocations.revokeAllOf(principal, userId, { reason, incidentRef }, context);
    throwIfAnyFailed(outcomes);
    return outcomes.flatMap((outcome) => (outcome.outcome === 'REVOKED' ? [outcome.state] : []));
  }
}
