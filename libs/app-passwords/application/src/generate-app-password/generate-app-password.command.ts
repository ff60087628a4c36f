import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { conflict, forbidden, type CommandContext } from '@keyward/shared/domain';
import { WrongExpectedRevisionError } from '@keyward/shared/event-store';
import { Aggregates, hashSecret } from '@keyward/shared/server';
import { hasRole, type Caller } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import {
  appPasswordDecider,
  appPasswordStreamId,
  groupForDisplay,
  keyringStreamId,
  newAppPasswordSecret,
  type AppPasswordSlotReserved,
  type ExistingAppPassword,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';

export interface GenerateAppPasswordInput {
  userId: string;
  label: string;
  scopes?: string[] | null;
  expiresInDays?: number | null;
}

export interface GeneratedAppPassword {
  appPassword: ExistingAppPassword;
  /** Shown once, grouped in fours. Never stored, logged or returned again. */
  secret: string;
}

export class GenerateAppPasswordCommand {
  constructor(
    readonly input: GenerateAppPasswordInput,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

const ATTEMPTS = 5;

@CommandHandler(GenerateAppPasswordCommand)
export class GenerateAppPasswordHandler implements ICommandHandler<GenerateAppPasswordCommand, GeneratedAppPassword> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
  ) {}

  async execute({ input, caller, context }: GenerateAppPasswordCommand): Promise<GeneratedAppPassword> {
    const isSelf = input.userId === caller.userId && hasRole(caller, 'USER');
    if (!isSelf && !hasRole(caller, 'GLOBAL_ADMIN')) throw forbidden('Only global admins generate app passwords for others.');
    const user = await this.directory.userInTenant(caller, input.userId);
    const tenant = await this.directory.callerTenant(caller);
    const generated = newAppPasswordSecret(randomBytes);
    const secretHash = await hashSecret(generated.secret);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const keyring = await this.credentials.keyring(user.userId, context.now);
      const [event] = appPasswordDecider.decide(
        {
          type: 'GenerateAppPassword',
          data: {
            appPasswordId: generated.keyId,
            owner: {
              userId: user.userId,
              tenantId: user.tenantId,
              isEnabled: user.status === 'enabled',
              hasMfa: user.mfaRegistered,
              activeCount: keyring.activeCount,
            },
            policy: tenant.policy,
            label: input.label,
            scopes: input.scopes,
            expiresInDays: input.expiresInDays,
            secretHash,
            now: context.now,
          },
        },
        { status: 'none' },
      );
      const reservation: AppPasswordSlotReserved = {
        type: 'AppPasswordSlotReserved',
        data: { appPasswordId: generated.keyId, userId: user.userId, reservedAt: context.now.toISOString() },
      };
      try {
        // The reservation with the keyring's expected revision serialises concurrent generations.
        await this.aggregates.store.appendToStream(keyringStreamId(user.userId), this.aggregates.newEvents([reservation], context), {
          expectedRevision: keyring.revision,
        });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      await this.aggregates.store.appendToStream(appPasswordStreamId(generated.keyId), this.aggregates.newEvents([event], context), {
        expectedRevision: 'no_stream',
      });
      const appPassword = appPasswordDecider.evolve({ status: 'none' }, event) as ExistingAppPassword;
      return { appPassword, secret: groupForDisplay(generated.password) };
    }
    throw conflict('Too many app passwords were generated for this user at the same time; try again.');
  }
}
