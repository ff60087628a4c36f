/**
 * A spreadsheet must not run a cell as a formula (CSV injection, CWE-1236): a cell that starts
 * with `=`, `+`, `-`, `@`, a tab, a carriage return or a NUL (OWASP ASVS 5.0, V1.2.10) gets a
 * leading quote, so it is shown, never run — and so does one where such a character follows
 * leading blanks, line breaks, control or invisible characters, which spreadsheets may skip before
 * they look for a formula. Lists are
 * joined with spaces; null is an empty cell. Pure and locale-free: the audit exports rebuild their
 * CSV byte for byte with it.
 */
export function spreadsheetSafe(value: unknown): string {
  const cell = Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value);
  return /^[\s\0-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2060-\u206f\ufeff]*[=+\-@]|^[\t\r\0]/.test(cell) ? `'${cell}` : cell;
}
