import fc from 'fast-check';
import { DomainError } from './domain-error';
import { optionalLine, requireLine } from './free-text';

const MESSAGE = 'A line of 1 to max characters.';

/**
 * What free-text.ts promises to keep out, written as code point ranges rather than its regex:
 * C0 controls but tab, DEL and C1, the soft hyphen, U+061C, the Hangul fillers, U+180E,
 * U+200B–U+200F, the separators and bidi overrides U+2028–U+202E, U+2060–U+206F (word joiner,
 * invisible operators, isolates, deprecated formats), the BOM, U+FFF9–U+FFFB, the tag characters
 * U+E0000–U+E007F, and lone surrogates.
 */
const isForbidden = (c: number) =>
  (c < 0x20 && c !== 0x09) ||
  (c >= 0x7f && c <= 0x9f) ||
  [0xad, 0x61c, 0x115f, 0x1160, 0x180e, 0x3164, 0xfeff, 0xffa0].includes(c) ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x2028 && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x206f) ||
  (c >= 0xfff9 && c <= 0xfffb) ||
  (c >= 0xe0000 && c <= 0xe007f) ||
  (c >= 0xd800 && c <= 0xdfff);
/** Iterating a string yields code points; a lone surrogate comes out alone, so the range test above catches it. */
const isCleanLine = (text: string, max: number) => text === text.trim() && text.length >= 1 && text.length <= max && [...text].every((c) => !isForbidden(c.codePointAt(0) as number));

/** Every forbidden character and its neighbours, and some that look alike but are allowed. */
const EDGES = [
  '\u0000', '\u0008', '\t', '\n', '\u000b', '\r', '\u001f', ' ', '\u007e', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad',
  '\u200a', '\u200b', '\u200d', '\u200f', '\u2010', '\u2028', '\u2029', '\u202a', '\u202e', '\u202f', '\u205f', '\u2060', '\u2066', '\u2069', '\u206a',
  '\u061c', '\u180e', '\u3164', '\uffa0', '\ufff9', '\udb40\udc01', '\udb40\udc80', '\ufeff', '\ufffd', '\ud800', '\udbff', '\udc00', '\udfff', '\u3000', 'é', '漢', '🚀', 'a', '-',
];
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...EDGES), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 250, maxLength: 700 }),
);
/** Text that is allowed once trimmed: printable characters of any script, tabs inside, surrounded by blanks. */
const cleanText = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', '\u2028'), maxLength: 3 }),
    fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), fc.constantFrom('é', 'ß', '漢', 'ع', '🚀', '👍🏽', '\t')), minLength: 1, maxLength: 60 }).filter((core) => core.trim() === core),
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff'), maxLength: 3 }),
  )
  .map(([before, core, after]) => ({ typed: before + core + after, core }));
const max = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(100, 200, 256, 500));

/** Code points with the Unicode Bidi_Control property (UAX #9): all of them in the first plane. */
const BIDI_CONTROLS = Array.from({ length: 0xd800 }, (_, c) => String.fromCharCode(c)).filter((c) => /\p{Bidi_Control}/u.test(c));

const refusal = (run: () => unknown): DomainError | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
};

describe('free text a person types, over random input', () => {
  it('for any text and bound, requireLine either refuses with BAD_USER_INPUT and the message given, or returns the text trimmed, 1 to max characters, with no control, bidi, zero-width or BOM character and no lone surrogate', () => {
    fc.assert(
      fc.property(anyText, max, (text, bound) => {
        let line: string | undefined;
        const refused = refusal(() => (line = requireLine(text, bound, MESSAGE)));
        if (refused) return expect([refused.code, refused.message]).toEqual(['BAD_USER_INPUT', MESSAGE]);
        expect(line).toBe(text.trim());
        expect(isCleanLine(line as string, bound)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('for any text, requireLine refuses exactly what the contract forbids: what is clean once trimmed and within the bound is returned', () => {
    fc.assert(
      fc.property(anyText, max, (text, bound) => {
        const refused = refusal(() => requireLine(text, bound, MESSAGE));
        expect(refused === null).toBe(isCleanLine(text.trim(), bound));
      }),
      { numRuns: 500 },
    );
  });

  it('for any printable text of any script with blanks around it, requireLine returns it trimmed (accents, emoji, right-to-left letters and inner tabs are kept)', () => {
    fc.assert(
      fc.property(cleanText, ({ typed, core }) => {
        expect(requireLine(typed, 200, MESSAGE)).toBe(core);
      }),
      { numRuns: 300 },
    );
  });

  it('for any text, a line requireLine returned is returned again unchanged', () => {
    fc.assert(
      fc.property(anyText, max, (text, bound) => {
        let line: string | undefined;
        if (refusal(() => (line = requireLine(text, bound, MESSAGE)))) return;
        expect(requireLine(line as string, bound, MESSAGE)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('for any text, missing or blank, optionalLine gives null for nothing and otherwise answers as requireLine does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.constant(undefined), anyText), max, (text, bound) => {
        let optional: string | null | undefined;
        const optionalRefused = refusal(() => (optional = optionalLine(text, bound, MESSAGE)));
        if ((text ?? '').trim() === '') return expect([optionalRefused, optional]).toEqual([null, null]);
        let required: string | undefined;
        const requiredRefused = refusal(() => (required = requireLine(text as string, bound, MESSAGE)));
        expect([optionalRefused?.code, optional]).toEqual([requiredRefused?.code, required]);
      }),
      { numRuns: 300 },
    );
  });

  // Found by this test: U+061C ARABIC LETTER MARK, a bidi control like U+200E and U+200F, was kept.
  it('for any text holding a Unicode bidi control character (U+061C ARABIC LETTER MARK included), requireLine refuses it', () => {
    expect(BIDI_CONTROLS.map((c) => c.charCodeAt(0).toString(16))).toEqual(['61c', '200e', '200f', '202a', '202b', '202c', '202d', '202e', '2066', '2067', '2068', '2069']);
    fc.assert(
      fc.property(cleanText, fc.nat(), fc.constantFrom(...BIDI_CONTROLS), ({ core }, at, control) => {
        const index = at % (core.length + 1);
        expect(refusal(() => requireLine(core.slice(0, index) + control + core.slice(index), 500, MESSAGE))).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  // Found by this test: U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR break a line in
  // Unicode (and in JavaScript source and many viewers), and were kept.
  it('for any text with a line or paragraph separator inside it, requireLine refuses it: a line stays one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), fc.constantFrom('\u2028', '\u2029'), (first, second, separator) => {
        fc.pre(first.trim() !== '' && second.trim() !== '');
        expect(refusal(() => requireLine(`${first.trim()}${separator}${second.trim()}`, 500, MESSAGE))).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
