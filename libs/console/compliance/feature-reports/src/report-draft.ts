import { DEFAULT_DORMANT_DAYS, type ReportName, type ReportRequest } from '@keyward/console/compliance/data-access';
import { instantOfUtcField } from '@keyward/console/shared/ui';

/** A report's inputs as typed: every field a string, as the inputs hold them. */
export interface ReportDraft {
  /** `datetime-local`, read as UTC; blank: now. */
  asOf: string;
  /** Whole days, 0 to 3650. */
  days: string;
  /** `datetime-local` values, read as UTC; blank: the report's default period up to now. */
  from: string;
  to: string;
  /** The access review's id. */
  reviewId: string;
}

/** What is wrong with a draft, and in which field. */
export interface DraftProblem {
  field: keyof ReportDraft;
  message: string;
}

export type DraftOutcome = { request: ReportRequest; problem: null } | { request: null; problem: DraftProblem };

export const MAX_DORMANT_DAYS = 3650;

/** A new draft: now, the last days, and 45 days for dormancy. */
export function emptyDraft(): ReportDraft {
  return { asOf: '', days: String(DEFAULT_DORMANT_DAYS), from: '', to: '', reviewId: '' };
}

/** The request the draft asks for, or the first thing wrong with it in words (the server checks again). */
export function requestOf(name: ReportName, draft: ReportDraft): DraftOutcome {
  switch (name) {
    case 'inventory': {
      const asOf = instantOfUtcField(draft.asOf);
      return asOf === undefined ? refused('asOf', 'As of must be a date and time (UTC), or blank for now.') : { request: { name, asOf }, problem: null };
    }
    case 'dormant': {
      const days = draft.days.trim();
      if (!/^\d+$/.test(days) || Number(days) > MAX_DORMANT_DAYS) return refused('days', `Days must be a whole number from 0 to ${MAX_DORMANT_DAYS}.`);
      return { request: { name, days: Number(days) }, problem: null };
    }
    case 'credential-changes':
    case 'sign-ins-by-protocol': {
      const from = instantOfUtcField(draft.from);
      const to = instantOfUtcField(draft.to);
      if (from === undefined) return refused('from', 'From must be a date and time (UTC), or blank.');
      if (to === undefined) return refused('to', 'To must be a date and time (UTC), or blank for now.');
      if (from && to && from >= to) return refused('to', 'To must be after From.');
      return { request: { name, from, to }, problem: null };
    }
    case 'access-review':
      return draft.reviewId ? { request: { name, id: draft.reviewId }, problem: null } : refused('reviewId', 'Choose a review.');
    case 'survived-reset':
    case 'policy-exceptions':
      return { request: { name }, problem: null };
    default: {
      const _exhaustive: never = name;
      return _exhaustive;
    }
  }
}

function refused(field: keyof ReportDraft, message: string): DraftOutcome {
  return { request: null, problem: { field, message } };
}
