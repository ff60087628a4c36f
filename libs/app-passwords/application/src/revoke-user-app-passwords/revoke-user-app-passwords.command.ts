import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
import { hasRole, requireRole, type Caller } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { appPasswordDecider, appPasswordStreamId, keyringStreamId, statusAt, type AppPasswordSlotReserved, type ExistingAppPassword } from '@keyward/app-passwords/domain';

/** Revokes every active app password of one user, each with its own event and the same reason. */
export class RevokeUserAppPasswordsCommand {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly incidentRef: string | null,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeUserAppPasswordsCommand)
export class RevokeUserAppPasswordsHandler implements ICommandHandler<RevokeUserAppPasswordsCommand, ExistingAppPassword[]> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  /** The app passwords this call revoked, as they are now; those already revoked or expired are left as they are. */
  async execute({ userId, reason, incidentRef, caller, context }: RevokeUserAppPasswordsCommand): Promise<ExistingAppPassword[]> {
    if (userId !== caller.userId || !hasRole(caller, 'USER')) requireRole(caller, 'GLOBAL_ADMIN', 'INCIDENT_RESPONDER');
    if (reason.trim().length === 0 || reason.length > 500) throw badInput('A reason of 1 to 500 characters is required.');
    await this.directory.userInTenant(caller, userId);
    const reservations = await this.aggregates.store.readStream(keyringStreamId(userId));
    const revoked: ExistingAppPassword[] = [];
    for (const { data } of reservations) {
      const { appPasswordId } = data as AppPasswordSlotReserved['data'];
      const { state } = await this.aggregates.load(appPasswordStreamId(appPasswordId), appPasswordDecider);
      if (state.status === 'none' || statusAt(state, context.now) !== 'ACTIVE') continue;
      const revocation = { type: 'RevokeAppPassword' as const, data: { reason, incidentRef } };
      const handled = await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, revocation, context);
      if (handled.events.length > 0) revoked.push(handled.state as ExistingAppPassword);
    }
    return revoked;
  }
}
