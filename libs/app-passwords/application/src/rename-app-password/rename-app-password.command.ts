import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { UserPrincipal } from '@keyward/identity/domain';
import { appPasswordDecider, appPasswordStreamId, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';

export class RenameAppPasswordCommand {
  constructor(
    readonly appPasswordId: string,
    readonly label: string,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RenameAppPasswordCommand)
export class RenameAppPasswordHandler implements ICommandHandler<RenameAppPasswordCommand, ExistingAppPassword> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
  ) {}

  async execute({ appPasswordId, label, principal, context }: RenameAppPasswordCommand): Promise<ExistingAppPassword> {
    await this.credentials.loadFor(principal, 'appPasswords.rename', appPasswordId);
    const command = { type: 'RenameAppPassword' as const, data: { label } };
    const { state } = await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, command, context);
    return state as ExistingAppPassword;
  }
}
