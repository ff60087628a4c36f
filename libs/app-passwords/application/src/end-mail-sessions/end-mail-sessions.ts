import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Position, RecordedEvent, Subscription } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { Aggregates, CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import type { AppPasswordRevoked } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';
import { DoveadmClient } from './doveadm-client';

const NAME = 'end-mail-sessions';
/** Revocations older than this are history, not news: a node catching up does not kick for them. */
const FRESH_FOR_MS = 10 * 60_000;
const RESUBSCRIBE_DELAY_MS = 2000;

/**
 * When an app password is revoked, ends its owner's open IMAP/POP sessions through Dovecot's
 * doveadm HTTP API (`kick`); the owner's other app passwords simply sign in again. Fed from
 * the store with its own checkpoint, so a restart neither repeats nor misses a revocation.
 * Runs only when KEYWARD_DOVEADM_URL is set.
 */
@Injectable()
export class EndMailSessionsOnRevocation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EndMailSessions');
  private subscription: Subscription | null = null;
  private isStopped = false;
  private readonly doveadm: DoveadmClient | null;

  constructor(
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
    private readonly directory: Directory,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
  ) {
    this.doveadm = config.doveadm ? new DoveadmClient(config.doveadm.url, config.doveadm.apiKey) : null;
    db.exec('CREATE TABLE IF NOT EXISTS reactor_checkpoints (reactor TEXT PRIMARY KEY, position TEXT NOT NULL)');
  }

  onApplicationBootstrap(): void {
    if (this.doveadm) this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    await this.subscription?.stop();
  }

  private subscribe(): void {
    const row = statement(this.db, 'SELECT position FROM reactor_checkpoints WHERE reactor = ?').get(NAME) as { position: Position } | undefined;
    this.subscription = this.aggregates.store.subscribeToAll(
      { after: row?.position, filter: { streamPrefixes: ['appPassword-'], eventTypes: ['AppPasswordRevoked'] } },
      (batch) => this.handle(batch),
    );
    // A dropped subscription (the store restarting) is reopened from the checkpoint.
    this.subscription.done.catch((error: unknown) => {
      this.logger.warn(`subscription ended (${String(error)}); reopening in ${RESUBSCRIBE_DELAY_MS} ms`);
      if (!this.isStopped) setTimeout(() => !this.isStopped && this.subscribe(), RESUBSCRIBE_DELAY_MS).unref();
    });
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      if (this.clock.now().getTime() - Date.parse(event.metadata.occurredAt) < FRESH_FOR_MS) {
        // One revocation's trouble must not stop the next ones from ending their sessions.
        await this.endSessionsFor(event as RecordedEvent<AppPasswordRevoked['data']>).catch((error: unknown) =>
          this.logger.warn({ msg: 'could not end mail sessions after a revocation', eventId: event.id, error: String(error) }),
        );
      }
    }
    statement(this.db, 'INSERT INTO reactor_checkpoints VALUES (?, ?) ON CONFLICT (reactor) DO UPDATE SET position = excluded.position').run(
      NAME,
      batch[batch.length - 1].position,
    );
  }

  private async endSessionsFor(event: RecordedEvent<AppPasswordRevoked['data']>): Promise<void> {
    const credential = await this.credentials.load(event.data.appPasswordId);
    if (credential.status === 'none') return;
    const user = await this.directory.user(credential.userId);
    if (user.status === 'none') return;
    const outcome = await this.doveadm?.kick(user.userPrincipalName);
    this.logger.log({ msg: 'ended mail sessions after a revocation', appPasswordId: event.data.appPasswordId, outcome });
  }
}
