import type { ExpectedRevision, StreamRevision } from './event-store';

/** The stream is not where the writer expected it: reload, decide again, retry or report. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision | 'no_stream',
  ) {
    super(`Stream ${streamId} is at ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some, but not all, of an append's event ids are already stored: not a retry of the same append. */
export class DuplicateEventIdError extends Error {
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} is already stored elsewhere than this append to ${streamId} would put it`);
    this.name = 'DuplicateEventIdError';
  }
}
