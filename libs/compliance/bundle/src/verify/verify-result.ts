/** What `verifyBundle` found: every check passed, or the first one that did not. */
export type VerifyResult = { readonly ok: true; readonly records: number } | ({ readonly ok: false } & VerifyFailure);

/** The first failure: the record's leaf index when one record is to blame, the file otherwise (or both). */
export interface VerifyFailure {
  readonly index?: number;
  readonly file?: string;
  readonly reason: string;
}

/** Thrown inside the verifier at the first failed check; `verifyBundle` turns it into its result. */
export class BundleFailure extends Error {
  constructor(readonly failure: VerifyFailure) {
    super(failure.reason);
    this.name = 'BundleFailure';
  }
}

export function fail(failure: VerifyFailure): never {
  throw new BundleFailure(failure);
}

/**
 * Not a verdict on the bundle but on what was asked: a missing or unreadable file, something that
 * is not a ZIP, a malformed verifier key. The CLI answers it with exit code 2.
 */
export class BundleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleInputError';
  }
}
