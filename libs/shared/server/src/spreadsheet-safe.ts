import type { Response } from 'express';

/** A spreadsheet must not run a label as a formula (CSV injection): such cells get a leading quote. */
export function spreadsheetSafe(value: unknown): string {
  const cell = Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Starts a CSV download: 200, `text/csv`, a file name, and `Cache-Control: no-store`, so that no
 * browser or proxy keeps a copy of what an export holds (usernames, addresses, incident notes).
 */
export function startCsvDownload(response: Response, fileName: string): Response {
  return response.status(200).type('text/csv; charset=utf-8').attachment(fileName).setHeader('Cache-Control', 'no-store');
}
