import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forbidden, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { userDecider, userStreamId, type ExistingUser, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

/**
 * Erases a departed (disabled) user's personal data from every view: their name becomes a
 * pseudonym in the user list, the inventory, reviews, notices and reports. The events and the
 * signed audit log keep what they recorded, for the retention period (docs/compliance.md).
 */
export class EraseUserCommand {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EraseUserCommand)
export class EraseUserHandler implements ICommandHandler<EraseUserCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ userId, reason, principal, context }: EraseUserCommand): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'users.manage', userId);
    if (userId === principal.userId) throw forbidden('You cannot erase yourself.');
    const { state } = await this.aggregates.handle(userStreamId(userId), userDecider, { type: 'EraseUser', data: { reason } }, context);
    return state as ExistingUser;
  }
}
