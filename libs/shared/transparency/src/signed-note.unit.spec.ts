import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { NoteError } from './note-error';
import { createNoteKey, noteSigner, parseVerifierKey, verifierKeyOf } from './note-keys';
import { openNote, signNote } from './signed-note';

// The example key and note of Go's golang.org/x/mod/sumdb/note package documentation.
const GO_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// ... and the same note with a second signature, by a key the reader does not know.
const GO_NOTE_TWICE = `${GO_NOTE}— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n`;
// The example of C2SP signed-note (c2sp.org/signed-note).
const C2SP_VERIFIER_KEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

/** The PKCS#8 PEM of an Ed25519 key from its 32-byte seed (RFC 8410), to sign with Go's example key. */
function pemOfSeed(seed: Buffer): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}
const goSigner = noteSigner('PeterNeumann', pemOfSeed(Buffer.from(GO_SIGNER_KEY.split('+').slice(4).join('+'), 'base64').subarray(1)));

const keys = ['log.example/a', 'log.example/a', 'log.example/b'].map((name) => ({ name, ...createNoteKey(name) }));
const signers = keys.map(({ name, privateKeyPem }) => noteSigner(name, privateKeyPem));

describe('signed notes, against the Go and C2SP examples', () => {
  it("given Go's example key, the signer has its key id and verifier key, and signs the example note byte for byte", () => {
    expect(goSigner.keyId).toBe(0xc74f20a3);
    expect(goSigner.verifierKey).toBe(GO_VERIFIER_KEY);
    expect(signNote(GO_TEXT, [goSigner])).toBe(GO_NOTE);
  });

  it("given Go's example note, it opens with Go's verifier key", () => {
    expect(openNote(GO_NOTE, [GO_VERIFIER_KEY])).toEqual({ text: GO_TEXT, verifiedBy: [{ name: 'PeterNeumann', keyId: 0xc74f20a3 }] });
  });

  it('given a second signature by a key nobody named, it is ignored', () => {
    expect(openNote(GO_NOTE_TWICE, [GO_VERIFIER_KEY]).verifiedBy).toEqual([{ name: 'PeterNeumann', keyId: 0xc74f20a3 }]);
    expect(() => openNote(GO_NOTE_TWICE, [C2SP_VERIFIER_KEY])).toThrow('the note is not signed by any known key: it is signed only by PeterNeumann+c74f20a3, EnochRoot+');
  });

  it("given C2SP's example note, it opens with C2SP's verifier key", () => {
    expect(openNote(C2SP_NOTE, [C2SP_VERIFIER_KEY, GO_VERIFIER_KEY]).text).toBe('This is an example message.\n');
  });

  it("given Go's verifier key, it parses to its name, id and key, and every shortening or changed character is refused", () => {
    const parsed = parseVerifierKey(GO_VERIFIER_KEY);
    expect(parsed).toEqual({ name: 'PeterNeumann', keyId: 0xc74f20a3, publicKey: Buffer.from(GO_VERIFIER_KEY.split('+')[2], 'base64').subarray(1) });
    expect(verifierKeyOf(parsed.name, parsed.publicKey)).toBe(GO_VERIFIER_KEY);
    for (let i = 0; i < GO_VERIFIER_KEY.length; i++) {
      expect(() => parseVerifierKey(GO_VERIFIER_KEY.slice(0, i))).toThrow(NoteError);
      expect(() => parseVerifierKey(GO_VERIFIER_KEY.slice(i + 1))).toThrow(NoteError);
      const changed = GO_VERIFIER_KEY.slice(0, i) + String.fromCharCode(GO_VERIFIER_KEY.charCodeAt(i) + 1) + GO_VERIFIER_KEY.slice(i + 1);
      expect(() => parseVerifierKey(changed)).toThrow(NoteError);
    }
  });

  it('given verifier keys that are wrong in a specific way, the error says which way', () => {
    expect(() => parseVerifierKey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/8 lowercase hex digits/);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/does not match its name and key/);
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/only Ed25519 \(1\) is supported/);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow(/<name>\+<key id>\+<key>/);
    expect(() => parseVerifierKey('Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/without spaces/);
    expect(() => verifierKeyOf('log.example', Buffer.alloc(31))).toThrow(/32 bytes, not 31/);
    expect(() => createNoteKey('')).toThrow(NoteError);
  });
});

describe('signing and opening notes', () => {
  const noteText = fc
    .array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((line) => line.replace(/[\u0000-\u001f]/g, '')), { minLength: 1, maxLength: 5 })
    .map((lines) => `${lines.join('\n')}\n`);

  it('given a key pair, the verifier key names the signer and each note opens with it', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const note = signNote(text, [signers[0]]);
        expect(keys[0].verifierKey).toBe(signers[0].verifierKey);
        expect(openNote(note, [keys[0].verifierKey])).toEqual({ text, verifiedBy: [{ name: 'log.example/a', keyId: signers[0].keyId }] });
        expect(openNote(Buffer.from(note), [keys[0].verifierKey]).text).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it('given a note signed with one key, it does not open with another, even one of the same name', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const note = signNote(text, [signers[0]]);
        expect(() => openNote(note, [keys[1].verifierKey, keys[2].verifierKey])).toThrow(/not signed by any known key/);
      }),
      { numRuns: 20 },
    );
  });

  it('given a changed byte anywhere in the text or the signature, the note does not open', () => {
    fc.assert(
      fc.property(noteText, fc.nat(), fc.integer({ min: 1, max: 255 }), (text, at, xor) => {
        const note = Buffer.from(signNote(text, [signers[0]]));
        const textBytes = Buffer.byteLength(text);
        const signatureStart = note.lastIndexOf(' ') + 1;
        const textTampered = Buffer.from(note);
        textTampered[at % textBytes] ^= xor;
        expect(() => openNote(textTampered, [keys[0].verifierKey])).toThrow(NoteError);
        const signature = Buffer.from(note.subarray(signatureStart, -1).toString(), 'base64');
        signature[4 + (at % 64)] ^= xor;
        const signatureTampered = `${note.subarray(0, signatureStart).toString()}${signature.toString('base64')}\n`;
        expect(() => openNote(signatureTampered, [keys[0].verifierKey])).toThrow(/does not verify/);
      }),
      { numRuns: 100 },
    );
  });

  it('given several signers, each signs, and the note opens with any one of their keys', () => {
    const note = signNote('checkpoint\n', [signers[0], signers[2]]);
    expect(note.split('\n').filter((line) => line.startsWith('— '))).toHaveLength(2);
    expect(openNote(note, [keys[2].verifierKey]).verifiedBy).toEqual([{ name: 'log.example/b', keyId: signers[2].keyId }]);
    expect(openNote(note, [keys[0].verifierKey, keys[2].verifierKey]).verifiedBy).toHaveLength(2);
  });

  it('given a forged signature under a known key beside a good one, the whole note is refused', () => {
    const good = signNote('checkpoint\n', [signers[0]]);
    const forged = signNote('another text\n', [signers[2]]).split('\n\n')[1];
    expect(() => openNote(good + forged, [keys[0].verifierKey, keys[2].verifierKey])).toThrow(/signature by log\.example\/b\+[0-9a-f]{8} does not verify/);
  });

  it('given malformed notes, the error says what is malformed', () => {
    const note = signNote('text\n', [signers[0]]);
    const vkeys = [keys[0].verifierKey];
    expect(() => openNote('text\n— x abc\n', vkeys)).toThrow(/no blank line/);
    expect(() => openNote('text\n\n', vkeys)).toThrow(/no signature lines/);
    expect(() => openNote(note.slice(0, -1), vkeys)).toThrow(/must end with a newline/);
    expect(() => openNote(note.replace('—', '-'), vkeys)).toThrow(/does not start with an em dash/);
    expect(() => openNote(note.replace('text', 'te\txt'), vkeys)).toThrow(/control character/);
    expect(() => openNote(Buffer.concat([Buffer.from('te'), Buffer.of(0xff), Buffer.from(note.slice(2))]), vkeys)).toThrow(/not valid UTF-8/);
    expect(() => openNote(`${note.slice(0, -1)}=\n`, vkeys)).toThrow(/not standard base64/);
    expect(() => openNote(`${note.slice(0, -1)} extra\n`, vkeys)).toThrow(/is not "— <key name> <base64 signature>"/);
    expect(() => openNote('text\n\n— log.example/a AAAA\n', vkeys)).toThrow(/too short/);
    expect(() => openNote(note, ['nonsense'])).toThrow(/a verifier key is/);
    expect(() => signNote('no newline', [signers[0]])).toThrow(/must end with a newline/);
    expect(() => signNote('text\n', [])).toThrow(/at least one signer/);
  });

  it('given a private key that is not Ed25519 PEM, the signer is refused', () => {
    expect(() => noteSigner('log.example', 'not a key')).toThrow(/not a PEM private key/);
  });
});
