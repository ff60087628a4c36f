import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import type { UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import {
  appPasswordDecider,
  appPasswordStreamId,
  decideGeneration,
  groupForDisplay,
  keyringStreamId,
  newAppPasswordSecret,
  type AppPasswordGenerated,
  type ExistingAppPassword,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';

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
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

/**
 * Generates an app password over two streams: a slot in the owner's keyring, appended at the
 * revision read (concurrent generations for one user are serialised there, so the policy's limit
 * holds on any store and any number of nodes), then the credential's own first event.
 */
@CommandHandler(GenerateAppPasswordCommand)
export class GenerateAppPasswordHandler implements ICommandHandler<GenerateAppPasswordCommand, GeneratedAppPassword> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
  ) {}

  async execute({ input, principal, context }: GenerateAppPasswordCommand): Promise<GeneratedAppPassword> {
    const owner = await this.directory.userFor(principal, 'appPasswords.generate', input.userId);
    const { policy } = await this.directory.tenantOf(principal);
    const generated = newAppPasswordSecret(randomBytes);
    const secretHash = await hashSecret(generated.secret);
    const { writes } = await this.aggregates.handleAcross(
      {
        load: (streams) => this.credentials.keyringWithCredentials(streams, owner.userId),
        decide: ({ keyring, credentials }) => {
          const ownerFacts = { userId: owner.userId, tenantId: owner.tenantId, isEnabled: owner.status === 'enabled', hasMfa: owner.mfaRegistered };
          const decided = decideGeneration({ ...input, appPasswordId: generated.keyId, owner: ownerFacts, policy, keyring, credentials, secretHash, now: context.now });
          return [
            { streamId: keyringStreamId(owner.userId), events: [decided.reservation] },
            { streamId: appPasswordStreamId(generated.keyId), events: [decided.generated], expectedRevision: 'no_stream' },
          ];
        },
      },
      context,
    );
    const [, credential] = writes;
    const appPassword = appPasswordDecider.evolve({ status: 'none' }, credential.events[0] as AppPasswordGenerated) as ExistingAppPassword;
    return { appPassword, secret: groupForDisplay(generated.password) };
  }
}
