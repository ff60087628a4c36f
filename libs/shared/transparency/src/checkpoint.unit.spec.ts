import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { EMPTY_TREE_HASH } from './hashing';
import { NoteError } from './note-error';

// The example of C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint).
const C2SP_TEXT = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

describe('checkpoints', () => {
  it("given C2SP's example, it reads the origin, size and root hash", () => {
    expect(parseCheckpoint(C2SP_TEXT)).toEqual({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: ROOT });
    expect(formatCheckpoint({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: ROOT })).toBe(C2SP_TEXT);
  });

  it('given any checkpoint, formatting then parsing gives it back', () => {
    const line = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !/[\u0000-\u001f]/.test(text));
    fc.assert(
      fc.property(line, fc.maxSafeNat(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(line, { maxLength: 3 }), (origin, size, root, extensions) => {
        const checkpoint = { origin, size, rootHash: Buffer.from(root), ...(extensions.length > 0 ? { extensions } : {}) };
        expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual(checkpoint);
      }),
    );
  });

  it('given the empty tree, the size is 0 and the root the empty hash', () => {
    expect(parseCheckpoint(formatCheckpoint({ origin: 'log.example/t', size: 0, rootHash: EMPTY_TREE_HASH }))).toEqual({
      origin: 'log.example/t',
      size: 0,
      rootHash: EMPTY_TREE_HASH,
    });
  });

  it.each([
    ['a negative size', 'o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /decimal number without sign/],
    ['a size with a plus sign', 'o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /decimal number without sign/],
    ['a size with a leading zero', 'o\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /leading zeros, not "012"/],
    ['a size in hex', 'o\n0x10\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /decimal/],
    ['a size in exponent form', 'o\n1e3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /decimal/],
    ['a size with spaces', 'o\n 12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /decimal/],
    ['a size above 2^53', 'o\n9007199254740992\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /larger than 2\^53 - 1/],
    ['a short root hash', 'o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n', /31 bytes, not a 32-byte hash/],
    ['a root hash in URL-safe base64', 'o\n12\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n', /not standard base64/],
    ['a root hash without padding', 'o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n', /not standard base64/],
    ['a root hash with non-zero padding bits', 'o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n', /not standard base64/],
    ['no final newline', 'o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', /must end with a newline/],
    ['a trailing empty line', 'o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n', /line 4 is empty/],
    ['an empty origin', '\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /origin line is empty/],
    ['two lines only', 'o\n12\n', /this one has 2 lines/],
    ['a carriage return', 'o\r\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', /control character/],
  ])('given %s, parsing says what is wrong', (_, text, message) => {
    expect(() => parseCheckpoint(text)).toThrow(NoteError);
    expect(() => parseCheckpoint(text)).toThrow(message);
  });

  it('given a checkpoint that cannot be written as one, formatting refuses', () => {
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: ROOT })).toThrow(/the origin must be one non-empty line/);
    expect(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: ROOT })).toThrow(/tree size/);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: ROOT.subarray(1) })).toThrow(/31 bytes/);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: ROOT, extensions: [''] })).toThrow(/extension line 1/);
  });
});
