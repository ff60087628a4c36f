import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
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
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
  ) {}

  async execute({ appPasswordId, label, caller, context }: RenameAppPasswordCommand): Promise<ExistingAppPassword> {
    await this.credentials.loadForChange(caller, appPasswordId);
    const { state } = await this.aggregates.handle(
      appPasswordStreamId(appPasswordId),
      appPasswordDecider,
      { type: 'RenameAppPassword', data: { label } },
      context,
    );
    return state as ExistingAppPassword;
  }
}
