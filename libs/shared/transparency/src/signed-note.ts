import { Buffer, isUtf8 } from 'node:buffer';
import { KeyObject, verify } from 'node:crypto';
import { NoteError } from './note-error';
import { ed25519PublicKey, isKeyName, NoteSigner, parseVerifierKey } from './note-keys';
import { decodeBase64, indexOfForbiddenCharacter } from './strict-text';

// C2SP signed-note (c2sp.org/signed-note), as Go's sumdb/note writes and reads it: the text, a
// blank line, then one line per signature, "— <key name> base64(key id || signature)".

const SIGNATURE_PREFIX = '\u2014 ';
/** More signatures than any of our notes carries; C2SP asks verifiers to accept at least 16. */
const MAX_SIGNATURES = 100;

/** Signs `text` (which ends with a newline) with every signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new NoteError('a note needs at least one signer');
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((signer) => {
    if (!isKeyName(signer.name)) throw new NoteError(`signer name ${JSON.stringify(signer.name)} is not a valid key name`);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(signer.keyId);
    return `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([id, signer.sign(message)]).toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/**
 * Opens a signed note: returns its text and the known keys whose signatures verified. Signatures
 * by unknown keys are ignored; one by a known key that does not verify rejects the whole note, as
 * does a note no known key signed. `note` may be the raw bytes, so invalid UTF-8 is caught.
 */
export function openNote(
  note: string | Uint8Array,
  verifierKeys: readonly string[],
): { text: string; verifiedBy: { name: string; keyId: number }[] } {
  const known = knownKeys(verifierKeys);
  const { text, signatures } = splitNote(decodeNote(note));
  const message = Buffer.from(text, 'utf8');
  const verifiedBy: { name: string; keyId: number }[] = [];
  const unknown: string[] = [];
  for (const { name, keyId, signature } of signatures) {
    const tag = keyTag(name, keyId);
    const key = known.get(tag)?.key;
    if (key === undefined) {
      unknown.push(tag);
      continue;
    }
    if (!isValidSignature(message, key, signature)) {
      throw new NoteError(`the signature by ${tag} does not verify: the note was changed after signing, or the signature is forged`);
    }
    if (!verifiedBy.some((by) => by.name === name && by.keyId === keyId)) verifiedBy.push({ name, keyId });
  }
  if (verifiedBy.length === 0) {
    const signedBy = unknown.length > 0 ? `only by ${[...new Set(unknown)].join(', ')}` : 'by no key';
    throw new NoteError(`the note is not signed by any known key: it is signed ${signedBy}`);
  }
  return { text, verifiedBy };
}

/** The verifier keys by `<name>+<key id>`; two different keys under one such tag are refused. */
function knownKeys(verifierKeys: readonly string[]): Map<string, { publicKey: Buffer; key: KeyObject }> {
  const known = new Map<string, { publicKey: Buffer; key: KeyObject }>();
  for (const verifierKey of verifierKeys) {
    const { name, keyId, publicKey } = parseVerifierKey(verifierKey);
    const tag = keyTag(name, keyId);
    const earlier = known.get(tag);
    if (earlier && !earlier.publicKey.equals(publicKey)) throw new NoteError(`two different verifier keys are both named ${tag}`);
    known.set(tag, { publicKey, key: ed25519PublicKey(publicKey) });
  }
  return known;
}

function keyTag(name: string, keyId: number): string {
  return `${name}+${keyId.toString(16).padStart(8, '0')}`;
}

function isValidSignature(message: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, message, key, signature);
  } catch {
    return false; // a signature of the wrong length, for one
  }
}

function decodeNote(note: string | Uint8Array): string {
  if (typeof note !== 'string' && !isUtf8(note)) throw new NoteError('the note is not valid UTF-8');
  const text = typeof note === 'string' ? note : Buffer.from(note).toString('utf8');
  const bad = indexOfForbiddenCharacter(text);
  if (bad >= 0) throw new NoteError(`the note holds a control character or invalid UTF-8 at character ${bad}`);
  return text;
}

/** The text up to the last blank line, and the signature lines after it. */
function splitNote(note: string): { text: string; signatures: { name: string; keyId: number; signature: Buffer }[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('the note has no blank line between its text and its signatures');
  const block = note.slice(split + 2);
  if (block === '') throw new NoteError('the note has no signature lines after its blank line');
  if (!block.endsWith('\n')) throw new NoteError('the note must end with a newline after its last signature');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteError(`the note has ${lines.length} signatures, more than the ${MAX_SIGNATURES} accepted`);
  return { text: note.slice(0, split + 1), signatures: lines.map((line, i) => parseSignatureLine(line, i + 1)) };
}

function parseSignatureLine(line: string, number: number): { name: string; keyId: number; signature: Buffer } {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new NoteError(`signature line ${number} does not start with an em dash and a space`);
  const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
  if (encoded === undefined || rest.length > 0) throw new NoteError(`signature line ${number} is not "— <key name> <base64 signature>"`);
  if (!isKeyName(name)) throw new NoteError(`signature line ${number} names no valid key: ${JSON.stringify(name)}`);
  const bytes = decodeBase64(encoded);
  if (bytes === null) throw new NoteError(`the signature on line ${number} (by ${name}) is not standard base64`);
  if (bytes.length < 5) throw new NoteError(`the signature on line ${number} (by ${name}) is too short to hold a key id and a signature`);
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('a note text must end with a newline');
  const bad = indexOfForbiddenCharacter(text);
  if (bad >= 0) throw new NoteError(`a note text must hold no control character other than newline, and no invalid UTF-16; see character ${bad}`);
}
