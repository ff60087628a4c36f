import type { StartReviewInput } from '@keyward/console/compliance/data-access';

const DAY_MS = 86_400_000;
/** A new review is due in two weeks unless the admin says otherwise. */
export const DEFAULT_REVIEW_DAYS = 14;

/** The "Start a review" form as typed. */
export interface StartReviewDraft {
  name: string;
  /** `YYYY-MM-DD`: the review is due at the end of that day, UTC. */
  dueDay: string;
  revokeUndecided: boolean;
  /** Part of the owners' principal names; blank: every active app password. */
  user: string;
  /** Days between a review's start and the next one's, as typed; blank: it runs once. */
  repeatDays: string;
}

export type StartOutcome = { input: StartReviewInput; problem: null } | { input: null; problem: { field: keyof StartReviewDraft; message: string } };

/** A blank form, due two weeks after `now`. */
export function startDraftFor(now: Date): StartReviewDraft {
  return { name: '', dueDay: new Date(now.getTime() + DEFAULT_REVIEW_DAYS * DAY_MS).toISOString().slice(0, 10), revokeUndecided: false, user: '', repeatDays: '' };
}

/** What to start, or the first thing wrong with the form in words (the server checks again: a due date within a year). */
export function startInputOf(draft: StartReviewDraft, now: Date): StartOutcome {
  const name = draft.name.trim();
  if (!name) return { input: null, problem: { field: 'name', message: 'Name the review, such as "App passwords, second half of 2026".' } };
  const dayStart = /^\d{4}-\d{2}-\d{2}$/.test(draft.dueDay) ? Date.parse(`${draft.dueDay}T00:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(dayStart)) return { input: null, problem: { field: 'dueDay', message: 'Choose the day the review is due.' } };
  // Due at the end of the day chosen, UTC: undecided items are settled when it is over.
  const dueAt = new Date(dayStart + DAY_MS);
  if (dueAt.getTime() <= now.getTime()) return { input: null, problem: { field: 'dueDay', message: 'The due day must be today or later.' } };
  const repeat = draft.repeatDays.trim();
  // The server checks again, and also that the period is longer than the review runs.
  if (repeat && (!/^\d+$/.test(repeat) || Number(repeat) < 7 || Number(repeat) > 366)) {
    return { input: null, problem: { field: 'repeatDays', message: 'Repeat every 7 to 366 days (whole days), or leave it blank for a review that runs once.' } };
  }
  return { input: { name, dueAt: dueAt.toISOString(), revokeUndecided: draft.revokeUndecided, user: draft.user.trim() || null, recurEveryDays: repeat ? Number(repeat) : null }, problem: null };
}
