import type { ExportKind, ExportRequest } from '@keyward/console/compliance/data-access';

/** The export form as typed: every field a string, as the inputs hold them. */
export interface ExportDraft {
  kind: ExportKind;
  /** The first record (leaf index, from 0). */
  from: string;
  /** The record to stop before; blank: the latest checkpoint's size. */
  to: string;
  /** The user's principal name (usage history). */
  user: string;
  /** `datetime-local` values, read as UTC; blank: no bound. */
  since: string;
  until: string;
  /** The size of a checkpoint the auditor holds, for a consistency proof; blank: none. */
  sinceSize: string;
}

/** What is wrong with the draft, and in which field. */
export interface DraftProblem {
  field: keyof ExportDraft;
  message: string;
}

export type DraftOutcome = { request: ExportRequest; problem: null } | { request: null; problem: DraftProblem };

/** A new draft: the whole audit log, up to the latest checkpoint's size when there is one. */
export function draftFor(latestSize: number | null): ExportDraft {
  return { kind: 'audit-log', from: '0', to: latestSize === null ? '' : String(latestSize), user: '', since: '', until: '', sinceSize: '' };
}

/**
 * The request the draft asks for, or the first thing wrong with it in words. `latestSize` is the
 * latest checkpoint's (null when the log has none yet): a range or a checkpoint past it cannot be
 * proven, so it is refused here before the server says so.
 */
export function requestOf(draft: ExportDraft, latestSize: number | null): DraftOutcome {
  const sinceSize = sinceSizeOf(draft.sinceSize, latestSize);
  if (typeof sinceSize === 'string') return refused('sinceSize', sinceSize);
  switch (draft.kind) {
    case 'audit-log':
      return rangeRequestOf(draft, latestSize, sinceSize);
    case 'usage':
      return usageRequestOf(draft, sinceSize);
    case 'inventory':
      return { request: { kind: 'inventory', sinceSize }, problem: null };
    default: {
      const _exhaustive: never = draft.kind;
      return _exhaustive;
    }
  }
}

function rangeRequestOf(draft: ExportDraft, latestSize: number | null, sinceSize: number | null): DraftOutcome {
  const from = wholeNumberOf(draft.from);
  if (from === null) return refused('from', 'From must be a whole number: 0 is the first record.');
  const to = draft.to.trim() === '' ? null : wholeNumberOf(draft.to);
  if (to === null && draft.to.trim() !== '') return refused('to', 'To must be a whole number, or blank for the latest checkpoint’s size.');
  const end = to ?? latestSize;
  if (latestSize !== null && end !== null && end > latestSize) return refused('to', `The latest checkpoint holds ${latestSize} records: To can be at most ${latestSize}.`);
  // From = To is an empty range: a bundle of proofs only (with sinceSize, that the log extends one held).
  if (end !== null && from > end) return refused(to === null ? 'from' : 'to', `From must not be after To: the bundle holds the records From to To − 1 (${end} is ${to === null ? 'the latest checkpoint’s size' : 'To'}).`);
  return { request: { kind: 'audit-log', from, to, sinceSize }, problem: null };
}

function usageRequestOf(draft: ExportDraft, sinceSize: number | null): DraftOutcome {
  const user = draft.user.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(user)) return refused('user', 'Type the user’s principal name, such as alice@contoso.example.');
  const since = instantOf(draft.since);
  const until = instantOf(draft.until);
  if (since === undefined) return refused('since', 'Since must be a date and time.');
  if (until === undefined) return refused('until', 'Until must be a date and time.');
  if (since && until && since >= until) return refused('until', 'Until must be after Since.');
  return { request: { kind: 'usage', user, since, until, sinceSize }, problem: null };
}

function sinceSizeOf(text: string, latestSize: number | null): number | null | string {
  if (text.trim() === '') return null;
  const size = wholeNumberOf(text);
  if (size === null || size < 1) return 'The size of a checkpoint you hold is a whole number, 1 or more (the second line of its checkpoint.txt).';
  if (latestSize !== null && size > latestSize) return `The latest checkpoint holds ${latestSize} records: a checkpoint you hold cannot be larger.`;
  return size;
}

function refused(field: keyof ExportDraft, message: string): DraftOutcome {
  return { request: null, problem: { field, message } };
}

function wholeNumberOf(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A `datetime-local` value read as UTC, as ISO 8601; null when blank, undefined when not a time. */
function instantOf(value: string): string | null | undefined {
  const local = value.trim();
  if (local === '') return null;
  const instant = new Date(`${local}${local.length === 16 ? ':00' : ''}Z`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
