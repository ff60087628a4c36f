import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { handleCommand, type EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import type { Caller } from '@keyward/identity/domain';
import { appPasswordDecider, appPasswordStreamId, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';

export class RenameAppPasswordCommand {
  constructor(
    readonly appPasswordId: string,
    readonly label: string,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RenameAppPasswordCommand)
export class RenameAppPasswordHandler implements ICommandHandler<RenameAppPasswordCommand, ExistingAppPassword> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly credentials: Credentials,
  ) {}

  async execute({ appPasswordId, label, caller, context }: RenameAppPasswordCommand): Promise<ExistingAppPassword> {
    await this.credentials.loadForChange(caller, appPasswordId);
    const { state } = await handleCommand(
      this.store,
      appPasswordStreamId(appPasswordId),
      appPasswordDecider,
      { type: 'RenameAppPassword', data: { label } },
      context,
      { newEventId: () => this.ids.newId() },
    );
    return state as ExistingAppPassword;
  }
}
