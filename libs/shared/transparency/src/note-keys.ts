import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { NoteError } from './note-error';
import { decodeBase64, indexOfForbiddenCharacter } from './strict-text';

// Ed25519 note keys named and identified exactly as Go's golang.org/x/mod/sumdb/note and C2SP
// signed-note name them: a verifier key is `<name>+<8 hex key id>+<base64(0x01 || public key)>`.

/** Signs note texts with one Ed25519 key. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly verifierKey: string;
  sign(message: Buffer): Buffer;
}

/** The C2SP signature type byte of Ed25519. */
const ED25519 = 0x01;
const ED25519_KEY_SIZE = 32;
/** DER of an Ed25519 SubjectPublicKeyInfo, up to the 32 key bytes (RFC 8410). */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Creates an Ed25519 key for `name`: the private key as PKCS#8 PEM, and its verifier key. */
export function createNoteKey(name: string): { privateKeyPem: string; verifierKey: string } {
  assertKeyName(name);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    verifierKey: verifierKeyOf(name, rawPublicKey(publicKey)),
  };
}

/** A signer for `name` from an Ed25519 private key in PKCS#8 PEM. */
export function noteSigner(name: string, privateKeyPem: string): NoteSigner {
  assertKeyName(name);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    throw new NoteError(`the private key of ${name} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new NoteError(`the private key of ${name} is ${privateKey.asymmetricKeyType ?? 'of no known type'}, not Ed25519`);
  }
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return {
    name,
    keyId: keyIdOf(name, publicKey),
    verifierKey: verifierKeyOf(name, publicKey),
    sign: (message) => sign(null, message, privateKey),
  };
}

/** `<name>+<8 hex key id>+<base64(0x01 || public key)>`, the key id being the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key). */
export function verifierKeyOf(name: string, publicKey: Uint8Array): string {
  assertKeyName(name);
  if (publicKey.length !== ED25519_KEY_SIZE) throw new NoteError(`an Ed25519 public key is 32 bytes, not ${publicKey.length}`);
  const id = keyIdOf(name, publicKey).toString(16).padStart(8, '0');
  return `${name}+${id}+${Buffer.concat([Uint8Array.of(ED25519), publicKey]).toString('base64')}`;
}

/** Reads a verifier key, checking its key id against its name and key. */
export function parseVerifierKey(text: string): { name: string; keyId: number; publicKey: Buffer } {
  const parts = splitVerifierKey(text);
  if (parts.length !== 3) throw new NoteError(`a verifier key is <name>+<key id>+<key>, not ${JSON.stringify(text)}`);
  const [name, id, encoded] = parts;
  assertKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(id)) throw new NoteError(`the key id of verifier key ${name} must be 8 lowercase hex digits, not ${JSON.stringify(id)}`);
  const key = decodeBase64(encoded);
  if (key === null) throw new NoteError(`the key of verifier key ${name}+${id} is not standard base64`);
  if (key[0] !== ED25519) throw new NoteError(`verifier key ${name}+${id} is of signature type ${key[0] ?? 'none'}; only Ed25519 (1) is supported`);
  const publicKey = key.subarray(1);
  if (publicKey.length !== ED25519_KEY_SIZE) throw new NoteError(`verifier key ${name}+${id} holds ${publicKey.length} key bytes, not 32`);
  const keyId = parseInt(id, 16);
  if (keyId !== keyIdOf(name, publicKey)) throw new NoteError(`the key id ${id} of verifier key ${name} does not match its name and key`);
  return { name, keyId, publicKey: Buffer.from(publicKey) };
}

/** The first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || key). */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  return createHash('sha256').update(name).update('\n').update(Uint8Array.of(ED25519)).update(publicKey).digest().readUInt32BE(0);
}

/** An Ed25519 public key for node:crypto from its 32 raw bytes. */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

/** Whether `name` may name a key: non-empty, no Unicode space, no plus, no control character (C2SP signed-note). */
export function isKeyName(name: string): boolean {
  return name !== '' && !/[\p{White_Space}+]/u.test(name) && indexOfForbiddenCharacter(name) < 0;
}

function assertKeyName(name: string): void {
  if (!isKeyName(name)) throw new NoteError(`a key name must be non-empty, without spaces or plus signs, not ${JSON.stringify(name)}`);
}

// The name holds no '+', the id none either; the base64 key may.
function splitVerifierKey(text: string): string[] {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return [text];
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}
