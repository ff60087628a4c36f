/**
 * A credential's successful sign-in times, packed as text for `app_password_use_times`: each time
 * is its epoch milliseconds in 9 base-36 digits, in order, so that the packed text compares and
 * searches without being unpacked. Text rather than a blob: SQLite hands text to a JavaScript
 * function ten times faster than a blob (no Buffer is made), and the inventory as of a moment
 * calls these functions once per row.
 */
const WIDTH = 9;

/** The time as its fixed-width key (epoch milliseconds in base 36, 9 digits: good to the year 5138). */
export function timeKey(epochMs: number): string {
  return epochMs.toString(36).padStart(WIDTH, '0');
}

/** The keys in a packed text, in order. */
export function unpackedKeys(packed: string): string[] {
  return Array.from({ length: packed.length / WIDTH }, (_, index) => packed.slice(index * WIDTH, (index + 1) * WIDTH));
}

/** How many packed times are at or before the moment `key` (a binary search). */
export function usesAtOrBefore(packed: string, key: string): number {
  let [low, high] = [0, packed.length / WIDTH];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (packed.slice(middle * WIDTH, (middle + 1) * WIDTH) <= key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last packed time at or before the moment `key`, as an ISO-8601 instant, or null. */
export function lastUseAtOrBefore(packed: string, key: string): string | null {
  const count = usesAtOrBefore(packed, key);
  return count === 0 ? null : new Date(parseInt(packed.slice((count - 1) * WIDTH, count * WIDTH), 36)).toISOString();
}
