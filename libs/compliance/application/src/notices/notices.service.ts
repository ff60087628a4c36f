import { Inject, Injectable, Logger } from '@nestjs/common';
import { isDomainError, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { scopeOf, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { noticeDecider, noticeStreamId, type NoticeAttachment, type NoticeContent, type NoticeKind, type NoticeQueued } from '@keyward/compliance/domain';
import { dueNotices } from '@keyward/compliance/read-models';
import { Mailer } from './mailer';
import { noticeIdOf } from './notice-id';
import { ReportRenderer, type ReportFile } from '../reports/report-renderer';

/** A notice to queue: its words, its recipient, and the key of its cause (one notice per key). */
export interface NoticeRequest {
  readonly tenantId: string;
  readonly kind: NoticeKind;
  readonly userId: string;
  readonly to: string;
  readonly content: NoticeContent;
  /** What caused it (an event's id, a schedule's key): queueing the same cause twice queues one notice. */
  readonly cause: string;
  /** A report to draw and attach when the notice is sent. */
  readonly attachment?: NoticeAttachment;
}

const PROCESS = 'notices';

/** Scheduled reports drawn in one delivery pass, by their attachment: the file, or why there is none. */
type DrawnReports = Map<string, Promise<ReportFile | string>>;
/** Notices one pass sends; the next pass goes on. */
const PER_PASS = 50;

/**
 * Mail to people, as events: a notice is queued (recorded with what it says) before it is sent,
 * then sent by whichever node's pass claims it first, and its outcome recorded: sent, or failed
 * with when to try again. Nothing is sent from a request: a mail server that is slow or down never
 * holds one up, and a notice waits, recorded, until the server takes it.
 */
@Injectable()
export class Notices {
  private readonly logger = new Logger('Notices');

  constructor(
    private readonly aggregates: Aggregates,
    private readonly mailer: Mailer,
    private readonly directory: Directory,
    private readonly renderer: ReportRenderer,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  /** Whether notices are sent at all (a mail server is configured). */
  get isEnabled(): boolean {
    return this.mailer.isEnabled;
  }

  /** Queues a notice (once per cause and recipient); resolves with its id. */
  async queue(request: NoticeRequest, context: CommandContext): Promise<string> {
    const noticeId = noticeIdOf(request.cause, request.userId, request.kind);
    const data = { noticeId, tenantId: request.tenantId, kind: request.kind, userId: request.userId, to: request.to, ...request.content, cause: request.cause, attachment: request.attachment ?? null };
    await this.aggregates.handle(noticeStreamId(noticeId), noticeDecider, { type: 'QueueNotice', data }, { ...context, tenantId: request.tenantId });
    return noticeId;
  }

  /** Sends what is due (queued, or failed and due again, or claimed by a node that went away); resolves with how many were sent. */
  async deliverDue(): Promise<number> {
    if (!this.mailer.isEnabled) return 0;
    const now = this.clock.now();
    // A scheduled report's recipients are a notice each: their attachment is drawn once a pass.
    const drawn: DrawnReports = new Map();
    let sent = 0;
    for (const { noticeId, tenantId } of dueNotices(this.db, now, PER_PASS)) {
      if (await this.deliver(noticeId, tenantId, drawn)) sent++;
    }
    return sent;
  }

  /**
   * A scheduled report's notice with its report drawn now (once a pass for all its recipients),
   * with its owner's rights now. An owner who can no longer read reports (disabled, or another
   * role) gets the mail without it, saying why, rather than a retry that cannot succeed.
   */
  private async withAttachment(message: NoticeQueued['data'], drawn: DrawnReports): Promise<{ text: string; html: string; attachments?: ReportFile[] }> {
    const { attachment } = message;
    if (!attachment) return { text: message.text, html: message.html };
    const key = JSON.stringify(attachment);
    if (!drawn.has(key)) drawn.set(key, this.draw(attachment));
    const report = await (drawn.get(key) as Promise<ReportFile | string>);
    if (typeof report !== 'string') return { text: message.text, html: message.html, attachments: [report] };
    const note = `The report could not be drawn: ${report}.`;
    return { text: `${note}\n\n${message.text}`, html: message.html.replace(/(<body[^>]*>)/, `$1\n<p><strong>${note.replace(/[&<>"']/g, '')}</strong></p>`) };
  }

  /** The report as a file, or why it cannot be drawn for its owner. */
  private async draw(attachment: NoticeAttachment): Promise<ReportFile | string> {
    const owner = await this.directory.user(attachment.ownerId);
    const principal: UserPrincipal | null = owner.status === 'enabled' ? { kind: 'user', userId: owner.userId, tenantId: owner.tenantId, userPrincipalName: owner.userPrincipalName, roles: owner.roles } : null;
    if (!principal || scopeOf(principal, 'reports.read') !== 'TENANT') return 'whoever scheduled it can no longer read reports; schedule it again';
    try {
      return await this.renderer.toFile(await this.renderer.prepare(principal, attachment.report, attachment.params), attachment.format);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return error.message;
    }
  }

  private async deliver(noticeId: string, tenantId: string, drawn: DrawnReports): Promise<boolean> {
    const now = this.clock.now();
    const context: CommandContext = { actor: `system:${PROCESS}`, tenantId, now, correlationId: `notice-${noticeId}` };
    const stream = noticeStreamId(noticeId);
    const claimed = await this.aggregates.handle(stream, noticeDecider, { type: 'StartSending', data: { now } }, context);
    if (claimed.events.length === 0 || claimed.state.status !== 'SENDING') return false;
    const { attempts: attempt, message } = claimed.state;
    try {
      const { text, html, attachments } = await this.withAttachment(message, drawn);
      const { messageId, response } = await this.mailer.send({ to: message.to, subject: message.subject, text, html, attachments, headers: { 'X-Keyward-Notice': noticeId } });
      await this.aggregates.handle(stream, noticeDecider, { type: 'RecordSent', data: { attempt, messageId, response: response.slice(0, 200) } }, { ...context, now: this.clock.now() });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'a notice could not be sent; it is retried', noticeId, attempt, error: reason });
      const firstRetryMs = this.config.mail?.firstRetryMs ?? 30_000;
      await this.aggregates.handle(stream, noticeDecider, { type: 'RecordFailure', data: { attempt, error: reason, now: this.clock.now(), firstRetryMs } }, { ...context, now: this.clock.now() });
      return false;
    }
  }
}
