import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
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
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
  ) {}

  async execute({ appPasswordId, reason, incidentRef, caller, context }: RevokeAppPasswordCommand): Promise<ExistingAppPassword> {
    await this.credentials.loadForChange(caller, appPasswordId);
    const { state } = await this.aggregates.handle(
      appPasswordStreamId(appPasswordId),
      appPasswordDecider,
      { type: 'RevokeAppPassword', data: { reason, incidentRef } },
      context,
    );
    return state as ExistingAppPassword;
  }
}
