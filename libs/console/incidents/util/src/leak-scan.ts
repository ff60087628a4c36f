import type { AppPasswordStatus } from '@keyward/console/app-passwords/util';

/** A scan of text for leaked app passwords (DESIGN.md section 8): what it found, never a secret. */
export interface LeakScan {
  id: string;
  scannedAt: string;
  /** Strings in the app-password format with a valid checksum, however written (other tenants' included). */
  candidates: number;
  /** The tenant's app passwords among them. */
  matches: LeakMatch[];
  /** The proven matches still ACTIVE: what a case would revoke. */
  provenActiveIds: string[];
}

/** One of the tenant's app passwords found in the text. */
export interface LeakMatch {
  appPassword: LeakCredential;
  /** Whether the secret part found verifies: a proven leak, not only a key id. */
  proven: boolean;
}

/** A found app password as the match table shows it. */
export interface LeakCredential {
  id: string;
  label: string;
  status: AppPasswordStatus;
  lastUsedAt: string | null;
  user: { id: string; userPrincipalName: string };
}

/** The largest file POST /leaks/scan takes (20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Why a file of `size` bytes cannot be scanned, or '' when it can: said before anything is sent. */
export function uploadProblem(size: number): string {
  if (size === 0) return 'The file is empty: there is nothing to scan.';
  if (size <= MAX_UPLOAD_BYTES) return '';
  return `The file is ${sizeInWords(size)}; at most 20 MB is scanned at once. Split it and upload the parts one by one.`;
}

/** A file's size for people: "512 bytes", "12 KB", "3.2 MB". */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 2 ** 20) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** The reason a case revoking a scan's proven leaks starts with. */
export function leakReasonOf(scanId: string): string {
  return `Leaked: found by scan ${scanId}`;
}

/** The matches in the order that matters: proven and active first, then proven, then the rest; by owner and label within each. */
export function byUrgency(matches: readonly LeakMatch[]): LeakMatch[] {
  const rank = (match: LeakMatch) => (match.proven ? (match.appPassword.status === 'ACTIVE' ? 0 : 1) : 2);
  const owner = (match: LeakMatch) => match.appPassword.user.userPrincipalName;
  return [...matches].sort((a, b) => rank(a) - rank(b) || owner(a).localeCompare(owner(b)) || a.appPassword.label.localeCompare(b.appPassword.label));
}
