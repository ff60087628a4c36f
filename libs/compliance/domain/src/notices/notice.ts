import { assertUnreachable } from '@keyward/shared/domain';
import type { NoticeEvent, NoticeQueued } from './notice.events';

/** How long a send may take before another node may take the notice over (a node that died mid-send). */
export const SEND_LEASE_MS = 5 * 60_000;
/** The longest wait between two tries: each waits twice as long as the one before, up to this. A notice is never given up. */
export const MAX_RETRY_MS = 60 * 60_000;

export type Notice =
  | { status: 'none' }
  | {
      status: 'QUEUED' | 'SENDING' | 'FAILED' | 'SENT';
      noticeId: string;
      tenantId: string;
      attempts: number;
      /** When the current send started (SENDING), or when to retry (FAILED). */
      since: string | null;
      message: NoticeQueued['data'];
    };

export type QueueNotice = { type: 'QueueNotice'; data: NoticeQueued['data'] };
export type StartSending = { type: 'StartSending'; data: { now: Date } };
export type RecordSent = { type: 'RecordSent'; data: { attempt: number; messageId: string; response: string } };
export type RecordFailure = { type: 'RecordFailure'; data: { attempt: number; error: string; now: Date; firstRetryMs: number } };
export type NoticeCommand = QueueNotice | StartSending | RecordSent | RecordFailure;

/** The wait before the next try after `attempts` failed ones: `firstRetryMs`, doubling, up to an hour. */
export function retryDelayMs(attempts: number, firstRetryMs: number): number {
  return Math.min(MAX_RETRY_MS, firstRetryMs * 2 ** Math.min(20, Math.max(0, attempts - 1)));
}

/**
 * A notice's life: queued once (a second queueing of the same notice changes nothing), then one
 * attempt at a time until the mail server takes it. An attempt is claimed before it is made, so
 * nodes sending at once send it once; a claim older than SEND_LEASE_MS is taken over.
 */
export const noticeDecider = {
  initialState: (): Notice => ({ status: 'none' }),

  decide(command: NoticeCommand, state: Notice): NoticeEvent[] {
    switch (command.type) {
      case 'QueueNotice':
        return state.status === 'none' ? [{ type: 'NoticeQueued', data: command.data }] : [];
      case 'StartSending': {
        if (state.status === 'none' || state.status === 'SENT') return [];
        const now = command.data.now.getTime();
        if (state.status === 'SENDING' && state.since && now < Date.parse(state.since) + SEND_LEASE_MS) return [];
        if (state.status === 'FAILED' && state.since && now < Date.parse(state.since)) return [];
        return [{ type: 'NoticeSendStarted', data: { noticeId: state.noticeId, attempt: state.attempts + 1, startedAt: command.data.now.toISOString() } }];
      }
      case 'RecordSent':
        if (state.status !== 'SENDING' || state.attempts !== command.data.attempt) return [];
        return [{ type: 'NoticeSent', data: { noticeId: state.noticeId, ...command.data } }];
      case 'RecordFailure': {
        if (state.status !== 'SENDING' || state.attempts !== command.data.attempt) return [];
        const retryAt = new Date(command.data.now.getTime() + retryDelayMs(command.data.attempt, command.data.firstRetryMs)).toISOString();
        return [{ type: 'NoticeDeliveryFailed', data: { noticeId: state.noticeId, attempt: command.data.attempt, error: command.data.error.slice(0, 500), retryAt } }];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: Notice, event: NoticeEvent): Notice {
    if (event.type === 'NoticeQueued') return { status: 'QUEUED', noticeId: event.data.noticeId, tenantId: event.data.tenantId, attempts: 0, since: null, message: event.data };
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'NoticeSendStarted':
        return { ...state, status: 'SENDING', attempts: event.data.attempt, since: event.data.startedAt };
      case 'NoticeSent':
        return { ...state, status: 'SENT', since: null };
      case 'NoticeDeliveryFailed':
        return { ...state, status: 'FAILED', since: event.data.retryAt };
      default:
        return assertUnreachable(event);
    }
  },
};
