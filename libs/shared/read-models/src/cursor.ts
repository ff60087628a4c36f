/**
 * Opaque pagination cursors: base64url of a JSON array of the sort keys. A cursor a client has
 * tampered with decodes to null, which the API reports as BAD_USER_INPUT.
 */
export function encodeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(keys) || keys.length !== shape.length) return null;
    return keys.every((key, index) => typeof key === shape[index]) ? keys : null;
  } catch {
    return null;
  }
}
