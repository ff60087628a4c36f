import { badInput } from '@keyward/shared/domain';

/** The most app passwords one report to POST /leaks may carry. */
export const MAX_REPORTED = 1_000;
/** The longest entry taken: a password is 32 characters, 39 in groups of four; room for odd spacing. */
export const MAX_REPORTED_LENGTH = 256;

const SHAPE = 'Send JSON {"appPasswords": ["…", …]}: an array of at most 1,000 strings.';

/**
 * The app passwords of a leak report (`POST /leaks`), or BAD_USER_INPUT saying exactly what is
 * wrong with the body. Only the shape is checked here: whether an entry is an app password at all
 * is not, so the answer to a report never depends on what it holds.
 */
export function parseLeakReport(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badInput(`The body is not a JSON object. ${SHAPE}`);
  const entries = (body as Record<string, unknown>)['appPasswords'];
  if (entries === undefined) throw badInput(`The body has no "appPasswords". ${SHAPE}`);
  if (!Array.isArray(entries)) throw badInput(`"appPasswords" is ${kindOf(entries)}, not an array. ${SHAPE}`);
  if (entries.length === 0) throw badInput(`"appPasswords" is empty. ${SHAPE}`);
  if (entries.length > MAX_REPORTED) throw badInput(`"appPasswords" has ${entries.length.toLocaleString('en')} entries; a report takes at most ${MAX_REPORTED.toLocaleString('en')}: split it.`);
  entries.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string') throw badInput(`"appPasswords[${index}]" is ${kindOf(entry)}, not a string: send each app password as a string, nothing nested.`);
    if (entry.length > MAX_REPORTED_LENGTH) throw badInput(`"appPasswords[${index}]" is ${entry.length} characters long; an entry has at most ${MAX_REPORTED_LENGTH}.`);
  });
  return entries as string[];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
