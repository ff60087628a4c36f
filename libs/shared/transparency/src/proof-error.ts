/** A proof or proof file that is malformed or of the wrong shape; the message says what is wrong, for a human. */
export class ProofError extends Error {
  override readonly name = 'ProofError';
}
