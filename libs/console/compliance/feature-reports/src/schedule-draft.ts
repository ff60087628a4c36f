import type { ReportCadence, ReportRequest, ReportSchedule, ScheduledFormat, ScheduleInput } from '@keyward/console/compliance/data-access';

/** The most recipients one schedule mails (the server says the same). */
export const MAX_RECIPIENTS = 20;

/** A report's "Schedule by mail" form as typed. */
export interface ScheduleDraft {
  cadence: ReportCadence;
  format: ScheduledFormat;
  /** Mail addresses, separated by commas or new lines. */
  recipients: string;
}

export type ScheduleOutcome = { input: ScheduleInput; problem: null } | { input: null; problem: string };

export const CADENCE_WORDS: Record<ReportCadence, string> = { WEEKLY: 'Weekly', MONTHLY: 'Monthly' };

/** A new schedule: weekly, as PDF, to nobody yet. */
export function emptyScheduleDraft(): ScheduleDraft {
  return { cadence: 'WEEKLY', format: 'PDF', recipients: '' };
}

/** The addresses typed, separated by commas, semicolons, new lines or spaces; each once (case aside), blanks dropped. */
export function recipientsOf(text: string): string[] {
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const address = part.trim();
    if (address && !seen.has(address.toLowerCase())) {
      seen.add(address.toLowerCase());
      recipients.push(address);
    }
  }
  return recipients;
}

/**
 * What scheduling the report as its inputs ask for takes, or the first thing wrong in words. The
 * server checks again, and alone knows the tenant's domains: an address outside them is its to refuse.
 */
export function scheduleInputOf(request: ReportRequest | null, draft: ScheduleDraft): ScheduleOutcome {
  if (!request) return { input: null, problem: 'Correct the report’s inputs above first: the schedule mails the report as they ask for it.' };
  const recipients = recipientsOf(draft.recipients);
  if (recipients.length === 0) return { input: null, problem: 'Name at least one recipient: a mail address in your organisation’s domains.' };
  if (recipients.length > MAX_RECIPIENTS) return { input: null, problem: `Name at most ${MAX_RECIPIENTS} recipients (${recipients.length} given).` };
  return { input: { request, cadence: draft.cadence, format: draft.format, recipients }, problem: null };
}

/** A moment as the page shows it: "2026-12-08 10:00 UTC". */
export function utcWords(instant: string): string {
  return `${instant.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The confirmation once scheduled: who gets what, how often, and when next. */
export function scheduledWords(schedule: ReportSchedule): string {
  const next = schedule.nextRunAt ? ` The next follows on ${utcWords(schedule.nextRunAt)}.` : '';
  return `Scheduled ${CADENCE_WORDS[schedule.cadence].toLowerCase()} as ${schedule.format} to ${schedule.recipients.join(', ')}: the first is being mailed now.${next}`;
}

/**
 * A schedule's parameters in words, for the list: "unused for 45 days", "from 2026-07-01 00:00 UTC";
 * a review by its name when it is known. Empty when the report takes its defaults.
 */
export function paramsWords(params: unknown, reviewNames: ReadonlyMap<string, string> = new Map()): string {
  if (!params || typeof params !== 'object') return '';
  const words: string[] = [];
  for (const [name, raw] of Object.entries(params as Record<string, unknown>)) {
    const value = String(raw);
    switch (name) {
      case 'days':
        words.push(`unused for ${value} ${value === '1' ? 'day' : 'days'}`);
        break;
      case 'asOf':
        words.push(`as of ${utcWords(value)}`);
        break;
      case 'from':
      case 'to':
        words.push(`${name} ${utcWords(value)}`);
        break;
      case 'id':
        words.push(`review ${reviewNames.get(value) ?? value}`);
        break;
      default:
        words.push(`${name} ${value}`);
    }
  }
  return words.join(', ');
}
