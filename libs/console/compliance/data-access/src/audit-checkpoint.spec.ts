import { parseCheckpoint } from './audit-checkpoint';
import { noteOf, ORIGIN, ROOT_HASH } from './testing/audit-fixtures';

describe('reading a signed checkpoint', () => {
  it('reads the origin, the size, the root hash and who signed it with which key, and keeps the note as sent', () => {
    const note = noteOf(120);
    expect(parseCheckpoint(note)).toEqual({ origin: ORIGIN, size: 120, rootHash: ROOT_HASH, signatures: [{ name: ORIGIN, keyId: '7f3a9c21' }], note });
  });

  it('reads a note with extension lines and several signatures', () => {
    const note = `${ORIGIN}\n7\n${ROOT_HASH}\nsome-extension\n\n\u2014 ${ORIGIN} fzqcIQcHBwc=\n\u2014 witness.example CxLNNAkJ\n`;
    const checkpoint = parseCheckpoint(note);
    expect(checkpoint.size).toBe(7);
    expect(checkpoint.signatures).toEqual([
      { name: ORIGIN, keyId: '7f3a9c21' },
      { name: 'witness.example', keyId: '0b12cd34' },
    ]);
  });

  it.each([
    ['no signature', `${ORIGIN}\n7\n${ROOT_HASH}\n`],
    ['a size that is not a number', `${ORIGIN}\nseven\n${ROOT_HASH}\n\n\u2014 ${ORIGIN} fzqcIQcHBwc=\n`],
    ['no root hash', `${ORIGIN}\n7\n\n\u2014 ${ORIGIN} fzqcIQcHBwc=\n`],
    ['a line that is not a signature', `${ORIGIN}\n7\n${ROOT_HASH}\n\n- ${ORIGIN} fzqcIQcHBwc=\n`],
  ])('refuses a note with %s', (_what, note) => {
    expect(() => parseCheckpoint(note)).toThrow('Keyward sent a checkpoint that is not a signed note');
  });

  it('names no key id for a signature that is not base64', () => {
    expect(parseCheckpoint(`${ORIGIN}\n7\n${ROOT_HASH}\n\n\u2014 ${ORIGIN} !!!\n`).signatures).toEqual([{ name: ORIGIN, keyId: null }]);
  });
});
