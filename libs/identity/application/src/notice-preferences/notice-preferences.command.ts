import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { userDecider, userStreamId, type ExistingUser, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

/** A user turns their expiry reminders on or off (revocation notices cannot be turned off). */
export class ChangeNoticePreferencesCommand {
  constructor(
    readonly expiryReminders: boolean,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeNoticePreferencesCommand)
export class ChangeNoticePreferencesHandler implements ICommandHandler<ChangeNoticePreferencesCommand, ExistingUser> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ expiryReminders, principal, context }: ChangeNoticePreferencesCommand): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'account.preferences', principal.userId);
    const { state } = await this.aggregates.handle(userStreamId(principal.userId), userDecider, { type: 'ChangeNoticePreferences', data: { expiryReminders } }, context);
    return state as ExistingUser;
  }
}
