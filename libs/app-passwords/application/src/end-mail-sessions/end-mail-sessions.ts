import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { Aggregates, CheckpointedReactor, CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import type { AppPasswordRevoked } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';
import { DoveadmClient } from './doveadm-client';

/** Revocations older than this are history, not news: a node catching up does not kick for them. */
const FRESH_FOR_MS = 10 * 60_000;

/**
 * When an app password is revoked, ends its owner's open IMAP/POP sessions through Dovecot's
 * doveadm HTTP API (`kick`); the owner's other app passwords simply sign in again.
 * Runs only when KEYWARD_DOVEADM_URL is set.
 */
@Injectable()
export class EndMailSessionsOnRevocation extends CheckpointedReactor {
  private readonly doveadm: DoveadmClient | null;

  constructor(
    aggregates: Aggregates,
    private readonly credentials: Credentials,
    private readonly directory: Directory,
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
  ) {
    super('end-mail-sessions', { streamPrefixes: ['appPassword-'], eventTypes: ['AppPasswordRevoked'] }, aggregates.store, db);
    this.doveadm = config.doveadm ? new DoveadmClient(config.doveadm.url, config.doveadm.apiKey) : null;
  }

  protected override isEnabled(): boolean {
    return this.doveadm !== null;
  }

  protected async react(event: RecordedEvent): Promise<void> {
    if (this.clock.now().getTime() - Date.parse(event.metadata.occurredAt) >= FRESH_FOR_MS) return;
    const { appPasswordId } = event.data as AppPasswordRevoked['data'];
    const credential = await this.credentials.load(appPasswordId);
    if (credential.status === 'none') return;
    const user = await this.directory.user(credential.userId);
    if (user.status === 'none') return;
    const outcome = await this.doveadm?.kick(user.userPrincipalName);
    this.logger.log({ msg: 'ended mail sessions after a revocation', appPasswordId, outcome });
  }
}
