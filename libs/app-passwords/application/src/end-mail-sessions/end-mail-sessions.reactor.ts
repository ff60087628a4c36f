import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { Reaction } from '@keyward/shared/event-sourcing';
import { CLOCK, KEYWARD_CONFIG, Reactor, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import type { AppPasswordRevoked } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';
import { DoveadmClient } from './doveadm-client';

/** Revocations older than this are history, not news: a node catching up does not kick for them. */
const FRESH_FOR_MS = 10 * 60_000;

/**
 * When an app password is revoked or suspended, ends its owner's open IMAP/POP sessions through
 * Dovecot's doveadm HTTP API (`kick`); the owner's other app passwords simply sign in again. A
 * batch of revocations (a revocation case) is one kick per owner, sent together. Runs only when
 * KEYWARD_DOVEADM_URL is set. Dovecot out of reach is a failure: retried, then parked.
 */
@Injectable()
@Reactor()
export class EndMailSessionsOnRevocation implements Reaction {
  readonly name = 'end-mail-sessions';
  readonly filter = { streamPrefixes: ['appPassword-'], eventTypes: ['AppPasswordRevoked', 'AppPasswordSuspended'] };
  private readonly logger = new Logger('EndMailSessions');
  private readonly doveadm: DoveadmClient | null;

  constructor(
    private readonly credentials: Credentials,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
  ) {
    this.doveadm = config.doveadm ? new DoveadmClient(config.doveadm.url, config.doveadm.apiKey) : null;
  }

  isEnabled(): boolean {
    return this.doveadm !== null;
  }

  react(event: RecordedEvent): Promise<void> {
    return this.reactToBatch([event]);
  }

  async reactToBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (!this.doveadm) return;
    const now = this.clock.now().getTime();
    const fresh = events.filter((event) => now - Date.parse(event.metadata.occurredAt) < FRESH_FOR_MS);
    const owners = new Map<string, string[]>();
    for (const event of fresh) {
      const { appPasswordId } = event.data as AppPasswordRevoked['data'];
      const credential = await this.credentials.load(appPasswordId);
      if (credential.status === 'none') continue;
      const user = await this.directory.user(credential.userId);
      if (user.status === 'none') continue;
      owners.set(user.userPrincipalName, [...(owners.get(user.userPrincipalName) ?? []), appPasswordId]);
    }
    if (owners.size === 0) return;
    const outcomes = await this.doveadm.kick([...owners.keys()]);
    const failed = [...outcomes.values()].filter((outcome) => outcome === 'failed').length;
    if (failed > 0) throw new Error(`Dovecot did not end the sessions of ${failed} users (doveadm unreachable or refused)`);
    for (const [userPrincipalName, [appPasswordId, ...others]] of owners) {
      this.logger.log({ msg: 'ended mail sessions after a revocation', appPasswordId, outcome: outcomes.get(userPrincipalName), ...(others.length ? { alsoRevoked: others.length } : {}) });
    }
  }
}
