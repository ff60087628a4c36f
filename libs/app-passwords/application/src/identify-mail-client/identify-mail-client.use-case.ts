import { Inject, Injectable } from '@nestjs/common';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { WrongExpectedRevisionError } from '@keyward/shared/event-store';
import { CLOCK, type Clock } from '@keyward/shared/server';
import { actorOf, authorize, parseUserPrincipalName, userIdFor, type AppPasswordScope, type GatewayPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { appPasswordUsageStreamId, identifyClient, type UsageRecord } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';

export interface MailClientReport {
  readonly userPrincipalName: string;
  readonly protocol: AppPasswordScope;
  readonly sourceIp: string;
  /** The name the client gave itself (SMTP `EHLO`). */
  readonly client: string;
  /** The gateway reporting: the one that recorded the sign-in, its name proven by its token. */
  readonly gateway: GatewayPrincipal;
  readonly correlationId: string;
}

/** How many of each usage stream's newest events are searched for the sign-in to name. */
const TAIL = 32;
/**
 * How many of the user's newest credentials are searched: a report costs a read per credential,
 * and a user's keyring keeps every credential ever issued (the tenant caps the active ones far lower).
 */
const NEWEST_CREDENTIALS = 64;
const ATTEMPTS = 3;

/**
 * Names the client of a sign-in after the fact. A mail server's password check never sees SMTP's
 * `EHLO` (Dovecot 2.3 and Postfix pass no such field), so the sign-in is recorded without a client,
 * and the relay reports the name when the session first sends. The report names the user's newest
 * matching use (see `identifyClient`) with an `AppPasswordClientIdentified` event in its usage
 * stream, appended at the revision read: a use is named once, never overwritten.
 */
@Injectable()
export class IdentifyMailClient {
  constructor(
    private readonly aggregates: Aggregates,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
  ) {}

  async identify(report: MailClientReport): Promise<'identified' | 'not-found'> {
    authorize(report.gateway, 'appPasswords.identifyClient');
    const upn = parseUserPrincipalName(report.userPrincipalName);
    if (!upn) return 'not-found';
    const user = await this.directory.user(userIdFor(upn.value));
    if (user.status === 'none') return 'not-found';
    const reservations = (await this.credentials.keyring(user.userId)).reservations.slice(-NEWEST_CREDENTIALS);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const tails = await Promise.all(
        reservations.map(async ({ appPasswordId }) => ({
          appPasswordId,
          events: (await this.aggregates.tail(appPasswordUsageStreamId(appPasswordId), TAIL)) as unknown as UsageRecord[],
        })),
      );
      const now = this.clock.now();
      const actor = actorOf(report.gateway);
      const decision = identifyClient({ userId: user.userId, protocol: report.protocol, sourceIp: report.sourceIp, actor, client: report.client, now }, tails);
      if (!decision) return 'not-found';
      try {
        await this.aggregates.recordAt(
          appPasswordUsageStreamId(decision.appPasswordId),
          [decision.event],
          decision.expectedRevision,
          { actor, tenantId: user.tenantId, now, correlationId: report.correlationId },
          { protocol: report.protocol, sourceIp: report.sourceIp, client: report.client },
        );
        return 'identified';
      } catch (error) {
        // A sign-in or another report landed in between: read again and decide on what is there now.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    return 'not-found';
  }
}
