import type { AppPasswordRow, UserRef } from './app-password';

/** What a revocation records besides who and when. */
export interface RevocationReason {
  reason: string;
  incidentRef: string | null;
}

/** What is about to be revoked: one app password, or every active app password of one user. */
export type RevocationTarget =
  | { kind: 'appPassword'; appPassword: Pick<AppPasswordRow, 'id' | 'label' | 'user'> }
  | { kind: 'user'; user: UserRef };

/** A revocation as its dialog shows it. */
export interface RevocationState {
  /** What is being asked about; null when nothing is (the dialog is closed). */
  target: RevocationTarget | null;
  isBusy: boolean;
  /** The last failure's message, or ''. */
  error: string;
}
