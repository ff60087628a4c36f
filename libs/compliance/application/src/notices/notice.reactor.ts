import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@keyward/shared/domain';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { Reaction } from '@keyward/shared/event-sourcing';
import { CLOCK, KEYWARD_CONFIG, Reactor, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import { Credentials } from '@keyward/app-passwords/application';
import type { AppPasswordRevoked, AppPasswordSuspended } from '@keyward/app-passwords/domain';
import { credentialChangeNotice, reviewNotice, type AccessReviewStarted } from '@keyward/compliance/domain';
import { Notices } from './notices.service';
import { addressOf, actorInWords, consoleLink } from './recipients';

/** Events older than this are history, not news: a first start on an old store announces none of them. */
const NEWS_MS = 24 * 3_600_000;

/**
 * Queues the notices events call for: an owner is told when someone else (or Keyward) revokes or
 * suspends one of their app passwords, with who, when, why and what to do next, and when one was
 * reported leaked; each reviewer of a new access review is asked for their decisions. A notice is
 * queued once per event and recipient however often the event is handed over; sending is the
 * mail pass's (MailOutbox).
 */
@Injectable()
@Reactor()
export class NoticeReactor implements Reaction {
  readonly name = 'notice-queue';
  readonly filter = { streamPrefixes: ['appPassword-', 'accessReview-'], eventTypes: ['AppPasswordRevoked', 'AppPasswordSuspended', 'AccessReviewStarted'] };

  constructor(
    private readonly notices: Notices,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (!this.notices.isEnabled || Date.parse(event.metadata.occurredAt) < this.clock.now().getTime() - NEWS_MS) return;
    const context: CommandContext = { actor: 'system:notices', tenantId: event.metadata.tenantId, now: this.clock.now(), correlationId: event.metadata.correlationId, causationId: event.id };
    const typed = event as RecordedEvent & (AppPasswordRevoked | AppPasswordSuspended | AccessReviewStarted);
    if (typed.type === 'AccessReviewStarted') return this.askReviewers(typed, context);
    return this.tellOwner(typed, context);
  }

  private async tellOwner(event: RecordedEvent & (AppPasswordRevoked | AppPasswordSuspended), context: CommandContext): Promise<void> {
    const credential = await this.credentials.load(event.data.appPasswordId);
    if (credential.status === 'none') return;
    // One's own doing needs no mail; nor does a user who can no longer sign in (disabled, or gone).
    if (event.metadata.actor === `user:${credential.userId}`) return;
    const owner = await this.directory.user(credential.userId);
    if (owner.status !== 'enabled') return;
    const change = event.type === 'AppPasswordSuspended' ? 'SUSPENDED' : event.metadata.actor === 'system:leak-report' ? 'LEAKED' : 'REVOKED';
    const content = credentialChangeNotice({
      change,
      label: credential.label,
      appPasswordId: credential.appPasswordId,
      by: await actorInWords(this.directory, event.metadata.actor),
      at: event.metadata.occurredAt,
      reason: event.data.reason,
      selfServiceUrl: consoleLink(this.config, '/me/app-passwords'),
    });
    const kind = change === 'SUSPENDED' ? 'APP_PASSWORD_SUSPENDED' : change === 'LEAKED' ? 'APP_PASSWORD_LEAKED' : 'APP_PASSWORD_REVOKED';
    await this.notices.queue({ tenantId: credential.tenantId, kind, userId: owner.userId, to: addressOf(owner), content, cause: event.id }, context);
  }

  private async askReviewers(event: RecordedEvent & AccessReviewStarted, context: CommandContext): Promise<void> {
    const { reviewId, name, dueAt, total, revokeUndecided, reviewerIds, tenantId } = event.data;
    for (const reviewerId of reviewerIds) {
      const reviewer = await this.directory.user(reviewerId);
      if (reviewer.status !== 'enabled') continue;
      const content = reviewNotice({ reviewName: name, dueAt, undecided: total, reviewUrl: consoleLink(this.config, `/reviews/${reviewId}`), isReminder: false, revokesUndecided: revokeUndecided });
      await this.notices.queue({ tenantId, kind: 'ACCESS_REVIEW_ASSIGNED', userId: reviewerId, to: addressOf(reviewer), content, cause: event.id }, context);
    }
  }
}
