import { toApiFilter, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import { addressProblem } from '@keyward/console/incidents/util';

/**
 * The query form of the respond page: the inventory's filters (days as `YYYY-MM-DD`) plus the
 * incident ones. Users are typed as exact principal names; times as `YYYY-MM-DDTHH:mm`, in UTC.
 */
export interface CaseQueryDraft extends Omit<AppPasswordFilter, 'ids' | 'userIds' | 'status' | 'survivedPasswordReset' | 'isNeverUsed'> {
  /** Exact principal names, separated by spaces, commas or lines. */
  users?: string;
  /** '' any, 'true', 'false'. */
  survivedPasswordReset?: string;
  /** '' any, 'true' never used, 'false' used at least once. */
  neverUsed?: string;
}

/** The principal names the draft lists, lowercased and without repeats. */
export function principalNamesOf(draft: CaseQueryDraft): string[] {
  return [...new Set((draft.users ?? '').split(/[\s,;]+/).map((name) => name.trim().toLowerCase()).filter(Boolean))];
}

/** What is wrong with the draft before anything is asked of the server, in sentences; empty when nothing is. */
export function draftProblems(draft: CaseQueryDraft): string[] {
  const problems: string[] = [];
  const address = addressProblem(draft.usedFromAddress ?? '');
  if (address) problems.push(address);
  if ((draft.usedAfter || draft.usedBefore) && !(draft.usedFromAddress ?? '').trim()) problems.push('"Used from" and "used until" narrow an address: enter the address or block too.');
  if (draft.usedAfter && draft.usedBefore && draft.usedAfter >= draft.usedBefore) problems.push('"Used until" must be after "used from".');
  return problems;
}

/** Whether the draft names no criterion at all: it would match every active app password of the tenant. */
export function isUnrestricted(draft: CaseQueryDraft): boolean {
  return Object.values(draft).every((value) => value === '' || value === null || value === undefined);
}

/** An instant (ISO-8601) as the form's `YYYY-MM-DDTHH:mm` in UTC, down to the minute so that the instant is within; '' when it is not one. */
export function formInstantOf(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 16);
}

/** The API's filter for the draft, with the users' ids already looked up. */
export function filterOf(draft: CaseQueryDraft, userIds: string[]): AppPasswordFilter {
  const instant = (value: string | undefined) => (value ? new Date(`${value}${value.length === 16 ? ':00' : ''}Z`).toISOString() : undefined);
  const { users: _users, survivedPasswordReset, neverUsed, usedFromAddress, usedAfter, usedBefore, ...inventory } = draft;
  return toApiFilter({
    ...inventory,
    userIds,
    usedFromAddress: usedFromAddress?.trim(),
    usedAfter: instant(usedAfter),
    usedBefore: instant(usedBefore),
    survivedPasswordReset: survivedPasswordReset ? survivedPasswordReset === 'true' : null,
    isNeverUsed: neverUsed ? neverUsed === 'true' : null,
  });
}
