/** SQLite's codes for a store that cannot write now: full, read-only, or failing I/O. */
const CANNOT_WRITE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;

/**
 * Why the store cannot write, when that is what the error says (a full or read-only data
 * directory, an I/O failure): a condition of the machine, to answer with 503 and a clear log line,
 * not a bug. Null for any other error.
 */
export function storageFailureOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !CANNOT_WRITE.test(code)) return null;
  if (code.startsWith('SQLITE_FULL')) return 'the data directory is full';
  if (code.startsWith('SQLITE_READONLY')) return 'the data directory is read-only';
  return `the data directory cannot be written (${code})`;
}
