/**
 * The console shows times in UTC, so a `datetime-local` field is read as UTC too: its value
 * (`2026-11-01T10:00`, seconds optional) names that moment in UTC, never the browser's zone.
 */

/** The field's value as an ISO 8601 instant; null when blank, undefined when it is not a time. */
export function instantOfUtcField(value: string): string | null | undefined {
  const local = value.trim();
  if (local === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(local)) return undefined;
  const instant = new Date(`${local}${local.length === 16 ? ':00' : ''}Z`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The value a `datetime-local` field with `step="1"` shows for the instant, in UTC, to the second. */
export function utcFieldOf(instant: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 19);
}
