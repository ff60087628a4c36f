import { badInput } from './domain-error';

/**
 * What free text may not hold: control characters (C0 but tab, DEL, C1) and the line and paragraph
 * separators (U+2028, U+2029), which forge log lines and break a line in two; bidirectional marks,
 * overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), which make text
 * read other than it is ("Trojan Source"); invisible characters (zero-width ones, the soft hyphen,
 * U+180E, U+2060–U+206F, fillers, annotation marks, tag characters, the BOM), which make two names
 * look the same; and lone surrogates, which no encoder can write.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A line of free text a person typed (a label, a name, a reason, a reference): trimmed, 1 to
 * `max` characters, none of them FORBIDDEN. BAD_USER_INPUT with `message` otherwise.
 */
export function requireLine(input: string, max: number, message: string): string {
  const text = input.trim();
  if (text.length === 0 || text.length > max || FORBIDDEN.test(text)) throw badInput(message);
  return text;
}

/** Like requireLine, for text that may be left out: null when empty. */
export function optionalLine(input: string | null | undefined, max: number, message: string): string | null {
  const text = input?.trim() ?? '';
  return text.length === 0 ? null : requireLine(text, max, message);
}
