/** One signature line of a signed note (`— <name> <base64>`): who signed, and with which key. */
export interface NoteSignature {
  name: string;
  /** The key id the signature names (its first four bytes, in hex), or null when it cannot be read. */
  keyId: string | null;
}

/**
 * A tenant's signed checkpoint (DESIGN §7): a C2SP tlog-checkpoint (origin, tree size, root hash)
 * as a C2SP signed note, and the note itself, byte for byte, as an auditor keeps it.
 */
export interface AuditCheckpoint {
  origin: string;
  /** How many leaves (audit records) the log had: leaves 0 to size − 1. */
  size: number;
  /** The Merkle tree's root hash, base64. */
  rootHash: string;
  signatures: NoteSignature[];
  /** The whole signed note, exactly as the server sent it. */
  note: string;
}

const SIGNATURE_LINE = /^\u2014 (\S+) (\S+)$/;

/**
 * Reads a signed note holding a checkpoint: the text (origin line, decimal size, base64 root,
 * maybe extension lines), a blank line, then one signature line or more. Anything else is not a
 * checkpoint, and says so.
 */
export function parseCheckpoint(note: string): AuditCheckpoint {
  const separator = note.indexOf('\n\n');
  const [origin, size, rootHash] = (separator < 0 ? '' : note.slice(0, separator)).split('\n');
  const signatureLines = separator < 0 ? [] : note.slice(separator + 2).split('\n').filter((line) => line !== '');
  const signatures = signatureLines.map((line) => SIGNATURE_LINE.exec(line)).map((found) => (found ? { name: found[1], keyId: keyIdOfSignature(found[2]) } : null));
  if (!origin || !/^\d+$/.test(size ?? '') || !rootHash || signatures.length === 0 || signatures.includes(null)) {
    throw new Error('Keyward sent a checkpoint that is not a signed note (origin, size and root hash, a blank line, then signatures).');
  }
  return { origin, size: Number(size), rootHash, signatures: signatures as NoteSignature[], note };
}

/** The key id a note signature starts with: its first four bytes, as the verifier key writes them (8 hex digits). */
function keyIdOfSignature(base64: string): string | null {
  try {
    const bytes = atob(base64);
    if (bytes.length < 4) return null;
    return Array.from(bytes.slice(0, 4), (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
