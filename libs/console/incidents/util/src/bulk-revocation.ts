import type { RevocationCase } from './revocation-case';

/**
 * App passwords to revoke as one case by their ids, expecting exactly that many to be active:
 * the inventory's selection, or the proven leaks of a scan. `origin` names them in sentences.
 */
export interface BulkRevocationTarget {
  ids: string[];
  origin: 'selected' | 'proven';
  /** What the reason field starts with ('' for blank). */
  reason: string;
}

/** What a bulk revocation asks for besides the ids. */
export interface BulkRevocationRequest {
  reason: string;
  incidentRef: string;
}

/** A bulk revocation as its dialog shows it. */
export interface BulkRevocationState {
  /** What is being revoked; null when nothing is (the dialog is closed). */
  target: BulkRevocationTarget | null;
  /** The case once started, as last read. */
  revocationCase: RevocationCase | null;
  isBusy: boolean;
  /** Why the last request failed, or ''. */
  error: string;
  /** When the server found fewer of the ids active than expected: how many are; else null. */
  stillActive: number | null;
}
