import { badInput } from './domain-error';

/**
 * What free text may not hold: control characters (C0 but tab, DEL, C1), which forge log lines and
 * terminal output; bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
 * text read other than it is ("Trojan Source"); zero-width characters and the BOM, which make two
 * names look the same; and lone surrogates, which no encoder can write.
 */
const FORBIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
