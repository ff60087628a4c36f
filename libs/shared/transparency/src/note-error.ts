/** A signed note, checkpoint or key that is malformed, unsigned or wrongly signed; the message says what is wrong, for a human. */
export class NoteError extends Error {
  override readonly name = 'NoteError';
}
