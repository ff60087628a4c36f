import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { notFound, type CommandContext } from '@keyward/shared/domain';
import type { UserPrincipal } from '@keyward/identity/domain';
import type { ExistingAppPassword } from '@keyward/app-passwords/domain';
import { RevokeAppPasswords, throwIfAnyFailed } from '../revoke-app-passwords/revoke-app-passwords.use-case';

export class RevokeAppPasswordCommand {
  constructor(
    readonly appPasswordId: string,
    readonly reason: string,
    readonly incidentRef: string | null,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

/** Revokes one credential; revoking a revoked one answers it as it is. */
@CommandHandler(RevokeAppPasswordCommand)
export class RevokeAppPasswordHandler implements ICommandHandler<RevokeAppPasswordCommand, ExistingAppPassword> {
  constructor(private readonly revocations: RevokeAppPasswords) {}

  async execute({ appPasswordId, reason, incidentRef, principal, context }: RevokeAppPasswordCommand): Promise<ExistingAppPassword> {
    const outcomes = await this.revocations.revoke(principal, [appPasswordId], { reason, incidentRef }, context);
    throwIfAnyFailed(outcomes);
    const [outcome] = outcomes;
    if (outcome.outcome !== 'REVOKED' && outcome.outcome !== 'UNCHANGED') throw notFound('No such app password.');
    return outcome.state;
  }
}
