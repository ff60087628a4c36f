import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { CommandContext } from '@keyward/shared/domain';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import { expiringAppPasswords } from '@keyward/app-passwords/read-models';
import { expiryNotice, lastRunAt, reviewNotice, scheduledReportNotice } from '@keyward/compliance/domain';
import { activeReportSchedules, knownNotices, reviewsDueSoon } from '@keyward/compliance/read-models';
import { Notices } from './notices.service';
import { addressOf, consoleLink } from './recipients';
import { noticeIdOf } from './notice-id';

const DAY_MS = 86_400_000;
/** How often queued and retried notices are looked for. */
const SEND_EVERY_MS = 2_000;
/** Owners are reminded 7 days before an app password expires, and again 1 day before. */
const EXPIRY_STAGES = [7, 1];
/** Reviewers are reminded 3 days before a review is due, and again 1 day before. */
const REVIEW_STAGES = [3, 1];

/**
 * The mail pass: every 2 s it sends what is due (Notices.deliverDue); every
 * KEYWARD_NOTICE_SWEEP_SECONDS it queues the reminders that time calls for: owners before an app
 * password expires (unless they turned expiry reminders off), reviewers before a review is due.
 * Each reminder's id comes from its cause, so passes on several nodes queue it once.
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notices');
  private timers: NodeJS.Timeout[] = [];
  private sending: Promise<number> | null = null;
  private reminding: Promise<number> | null = null;

  constructor(
    private readonly notices: Notices,
    private readonly directory: Directory,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.notices.isEnabled) return;
    this.timers = [setInterval(() => void this.sendDue(), SEND_EVERY_MS), setInterval(() => void this.queueReminders(), this.config.noticeSweepMs)];
    for (const timer of this.timers) timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all([this.sending, this.reminding]);
  }

  /** One sending pass; never two at once. */
  sendDue(): Promise<number> {
    this.sending ??= this.notices
      .deliverDue()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'the mail pass failed; the next one tries again', error: String(error) });
        return 0;
      })
      .finally(() => (this.sending = null));
    return this.sending;
  }

  /** One reminder pass; resolves with how many reminders it queued. */
  queueReminders(): Promise<number> {
    this.reminding ??= Promise.all([this.remindOwners(), this.remindReviewers(), this.runSchedules()])
      .then((counts) => counts.reduce((sum, count) => sum + count, 0))
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'queueing reminders failed; the next pass tries again', error: String(error) });
        return 0;
      })
      .finally(() => (this.reminding = null));
    return this.reminding;
  }

  private async remindOwners(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const batch of expiringAppPasswords(this.db, now, new Date(now.getTime() + EXPIRY_STAGES[0] * DAY_MS))) {
      const due = batch.map((credential) => {
        const days = EXPIRY_STAGES.filter((stage) => Date.parse(credential.expiresAt) <= now.getTime() + stage * DAY_MS).at(-1) ?? EXPIRY_STAGES[0];
        return { credential, days, cause: `expiry-${days}d-${credential.appPasswordId}-${credential.expiresAt}` };
      });
      const known = knownNotices(this.db, due.map(({ credential, cause }) => noticeIdOf(cause, credential.userId, 'APP_PASSWORD_EXPIRING')));
      for (const { credential, days, cause } of due) {
        if (known.has(noticeIdOf(cause, credential.userId, 'APP_PASSWORD_EXPIRING'))) continue;
        const owner = await this.directory.user(credential.userId);
        if (owner.status !== 'enabled' || !owner.expiryReminders) continue;
        const content = expiryNotice({
          label: credential.label,
          appPasswordId: credential.appPasswordId,
          expiresAt: credential.expiresAt,
          days,
          selfServiceUrl: consoleLink(this.config, '/me/app-passwords'),
          preferencesUrl: consoleLink(this.config, '/me/security'),
        });
        await this.notices.queue({ tenantId: credential.tenantId, kind: 'APP_PASSWORD_EXPIRING', userId: owner.userId, to: addressOf(owner), content, cause }, this.context(credential.tenantId));
        queued++;
      }
    }
    return queued;
  }

  private async remindReviewers(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const review of reviewsDueSoon(this.db, now, new Date(now.getTime() + REVIEW_STAGES[0] * DAY_MS))) {
      const days = REVIEW_STAGES.filter((stage) => Date.parse(review.dueAt) <= now.getTime() + stage * DAY_MS).at(-1) ?? REVIEW_STAGES[0];
      const cause = `review-reminder-${days}d-${review.reviewId}`;
      const known = knownNotices(this.db, review.reviewers.map(({ userId }) => noticeIdOf(cause, userId, 'ACCESS_REVIEW_REMINDER')));
      for (const { userId, undecided } of review.reviewers) {
        if (known.has(noticeIdOf(cause, userId, 'ACCESS_REVIEW_REMINDER'))) continue;
        const reviewer = await this.directory.user(userId);
        if (reviewer.status !== 'enabled') continue;
        const content = reviewNotice({ reviewName: review.name, dueAt: review.dueAt, undecided, reviewUrl: consoleLink(this.config, `/reviews/${review.reviewId}`), isReminder: true, revokesUndecided: review.revokeUndecided });
        await this.notices.queue({ tenantId: review.tenantId, kind: 'ACCESS_REVIEW_REMINDER', userId, to: addressOf(reviewer), content, cause }, this.context(review.tenantId));
        queued++;
      }
    }
    return queued;
  }

  /** Each scheduled report whose run has come: one notice per recipient, the report drawn when it is sent. */
  private async runSchedules(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const schedule of activeReportSchedules(this.db)) {
      const runAt = lastRunAt(schedule.firstRunAt, schedule.cadence, now)?.toISOString();
      if (!runAt) continue;
      const causes = schedule.recipients.map((recipient) => ({ recipient, cause: `schedule-${schedule.id}-${runAt}-${recipient}` }));
      const known = knownNotices(this.db, causes.map(({ cause }) => noticeIdOf(cause, '', 'SCHEDULED_REPORT')));
      const pending = causes.filter(({ cause }) => !known.has(noticeIdOf(cause, '', 'SCHEDULED_REPORT')));
      if (pending.length === 0) continue;
      const [owner, tenant] = [await this.directory.user(schedule.ownerId), await this.directory.tenant(schedule.tenantId)];
      const content = scheduledReportNotice({
        report: schedule.report,
        cadence: schedule.cadence,
        tenant: tenant.status === 'active' ? tenant.name : schedule.tenantId,
        runAt,
        owner: owner.status === 'none' ? 'Someone' : owner.userPrincipalName,
        reportsUrl: consoleLink(this.config, '/reports'),
      });
      const attachment = { report: schedule.report, params: schedule.params, format: schedule.format, ownerId: schedule.ownerId };
      for (const { recipient, cause } of pending) {
        await this.notices.queue({ tenantId: schedule.tenantId, kind: 'SCHEDULED_REPORT', userId: '', to: recipient, content, cause, attachment }, this.context(schedule.tenantId));
        queued++;
      }
    }
    return queued;
  }

  private context(tenantId: string): CommandContext {
    const now = this.clock.now();
    return { actor: 'system:notices', tenantId, now, correlationId: `reminders-${now.toISOString()}` };
  }
}
