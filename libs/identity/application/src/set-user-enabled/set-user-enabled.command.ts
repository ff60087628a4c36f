import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forbidden, type CommandContext } from '@keyward/shared/domain';
import { handleCommand, type EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import { requireRole, userDecider, userStreamId, type Caller, type ExistingUser } from '@keyward/identity/domain';
import { Directory } from '../directory/directory';

/** Disables or enables a user. A disabled user can neither sign in nor use app passwords. */
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly directory: Directory,
  ) {}

  async execute({ userId, isEnabled, caller, context }: SetUserEnabledCommand): Promise<ExistingUser> {
    requireRole(caller, 'GLOBAL_ADMIN');
    await this.directory.userInTenant(caller, userId);
    if (!isEnabled && userId === caller.userId) throw forbidden('You cannot disable yourself.');
    const { state } = await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: isEnabled ? 'EnableUser' : 'DisableUser' },
      context,
      { newEventId: () => this.ids.newId() },
    );
    return state as ExistingUser;
  }
}
