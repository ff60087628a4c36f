import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { handleCommand, type EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import type { Caller } from '@keyward/identity/domain';
import { appPasswordDecider, appPasswordStreamId, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';

export class RevokeAppPasswordCommand {
  constructor(
    readonly appPasswordId: string,
    readonly reason: string,
    readonly incidentRef: string | null,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/**
 * Revokes one credential. Verification reads the credential's stream, so once this returns the
 * next verification of the credential fails on every node.
 */
@CommandHandler(RevokeAppPasswordCommand)
export class RevokeAppPasswordHandler implements ICommandHandler<RevokeAppPasswordCommand, ExistingAppPassword> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly credentials: Credentials,
  ) {}

  async execute({ appPasswordId, reason, incidentRef, caller, context }: RevokeAppPasswordCommand): Promise<ExistingAppPassword> {
    await this.credentials.loadForChange(caller, appPasswordId);
    const { state } = await handleCommand(
      this.store,
      appPasswordStreamId(appPasswordId),
      appPasswordDecider,
      { type: 'RevokeAppPassword', data: { reason, incidentRef } },
      context,
      { newEventId: () => this.ids.newId() },
    );
    return state as ExistingAppPassword;
  }
}
