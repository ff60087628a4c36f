import type { Response } from 'express';

// The rule itself is pure and lives in the domain (the audit exports and the offline verifier use it).
export { spreadsheetSafe } from '@keyward/shared/domain';

/**
 * Starts a CSV download: 200, `text/csv`, a file name, and `Cache-Control: no-store`, so that no
 * browser or proxy keeps a copy of what an export holds (usernames, addresses, incident notes).
 */
export function startCsvDownload(response: Response, fileName: string): Response {
  return response.status(200).type('text/csv; charset=utf-8').attachment(fileName).setHeader('Cache-Control', 'no-store');
}
