/** User name and password from an `Authorization: Basic …` header, or null if it is not one. */
export function parseBasicAuthorization(header: string | undefined): { userName: string; password: string } | null {
  if (!header || header.length > 4096) return null;
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match || match[1].length % 4 !== 0) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1], 'base64'));
  } catch {
    return null; // not UTF-8
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const userName = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return password.length > 0 ? { userName, password } : null;
}
