import type { DomainEvent } from '@keyward/shared/domain';

export const noticeStreamId = (noticeId: string) => `notice-${noticeId}`;

/** What a notice tells its recipient. */
export type NoticeKind =
  | 'APP_PASSWORD_REVOKED'
  | 'APP_PASSWORD_SUSPENDED'
  | 'APP_PASSWORD_LEAKED'
  | 'APP_PASSWORD_EXPIRING'
  | 'ACCESS_REVIEW_ASSIGNED'
  | 'ACCESS_REVIEW_REMINDER'
  | 'SCHEDULED_REPORT';

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'APP_PASSWORD_REVOKED',
  'APP_PASSWORD_SUSPENDED',
  'APP_PASSWORD_LEAKED',
  'APP_PASSWORD_EXPIRING',
  'ACCESS_REVIEW_ASSIGNED',
  'ACCESS_REVIEW_REMINDER',
  'SCHEDULED_REPORT',
];

/** A report to attach, drawn when the notice is sent, with its owner's rights then. */
export interface NoticeAttachment {
  report: string;
  params: Record<string, string>;
  format: 'csv' | 'pdf';
  ownerId: string;
}

/**
 * A mail to a person, decided and recorded before it is sent: what it says (text and HTML, never a
 * secret), to whom, and what caused it. Its id is derived from its cause and recipient, so a cause
 * seen twice queues one notice.
 */
export type NoticeQueued = DomainEvent<
  'NoticeQueued',
  {
    noticeId: string;
    tenantId: string;
    kind: NoticeKind;
    /** The recipient's user id; empty for a named address that is no user (a scheduled report's recipient). */
    userId: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    /** What caused it: an event id, or a schedule's key (an expiry, a review's reminder). */
    cause: string;
    attachment?: NoticeAttachment | null;
  }
>;
/** A node took the notice to send it (a claim, so that two nodes do not both send it). */
export type NoticeSendStarted = DomainEvent<'NoticeSendStarted', { noticeId: string; attempt: number; startedAt: string }>;
/** The mail server accepted it. */
export type NoticeSent = DomainEvent<'NoticeSent', { noticeId: string; attempt: number; messageId: string; response: string }>;
/** The mail server refused it or could not be reached; it is tried again at `retryAt`. */
export type NoticeDeliveryFailed = DomainEvent<'NoticeDeliveryFailed', { noticeId: string; attempt: number; error: string; retryAt: string }>;

export type NoticeEvent = NoticeQueued | NoticeSendStarted | NoticeSent | NoticeDeliveryFailed;
export const NOTICE_EVENT_TYPES: readonly NoticeEvent['type'][] = ['NoticeQueued', 'NoticeSendStarted', 'NoticeSent', 'NoticeDeliveryFailed'];
