/** A spreadsheet must not run a label as a formula (CSV injection): such cells get a leading quote. */
export function spreadsheetSafe(value: unknown): string {
  const cell = Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
