import fc from 'fast-check';
import { spreadsheetSafe } from './spreadsheet-safe';

const TRIGGERS = ['=', '+', '-', '@'];
/** Blanks a spreadsheet skips before it looks for a formula: every space and line break ECMAScript knows, and NUL. */
const BLANKS = [' ', '\t', '\n', '\u000b', '\f', '\r', '\u0000', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const blanks = fc.string({ unit: fc.constantFrom(...BLANKS), maxLength: 6 });
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...BLANKS, ...TRIGGERS, "'", 'a', '1', '\u0085', '\u200b', '\uff1d'), maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const anyValue = fc.oneof(
  anyText,
  fc.array(anyText, { maxLength: 4 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);

/** The cell before any quoting, as the contract says: lists joined with spaces, null an empty cell. */
const plainCell = (value: unknown) => (Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value));
/** What a spreadsheet sees first once it has skipped the blanks. */
const firstAfterBlanks = (cell: string) => [...cell].find((c) => !BLANKS.includes(c)) ?? '';

describe('CSV cells a spreadsheet opens, over random values', () => {
  it('for any value (text, list, number, null), the cell is the value as text, with at most a leading quote added', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const plain = plainCell(value);
        expect([plain, `'${plain}`]).toContain(spreadsheetSafe(value));
      }),
      { numRuns: 500 },
    );
  });

  it('for any value, the cell never starts a formula: unless it is quoted, what follows the leading blanks is no = + - @, and it does not start with a tab, CR or NUL', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const cell = spreadsheetSafe(value);
        if (cell.startsWith("'")) return;
        expect(TRIGGERS).not.toContain(firstAfterBlanks(cell));
        expect(['\t', '\r', '\u0000']).not.toContain(cell[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('for any text of blanks and line breaks, then = + - or @, then anything, alone or first in a list, the cell is quoted and otherwise kept as it was', () => {
    fc.assert(
      fc.property(blanks, fc.constantFrom(...TRIGGERS), anyText, fc.array(anyText, { maxLength: 3 }), (before, trigger, after, more) => {
        const text = before + trigger + after;
        expect(spreadsheetSafe(text)).toBe(`'${text}`);
        expect(spreadsheetSafe([text, ...more])).toBe(`'${[text, ...more].join(' ')}`);
      }),
      { numRuns: 300 },
    );
  });

  it('for any text that starts with a tab, a carriage return or a NUL, the cell is quoted', () => {
    fc.assert(
      fc.property(fc.constantFrom('\t', '\r', '\u0000'), anyText, (first, rest) => {
        expect(spreadsheetSafe(first + rest)).toBe(`'${first}${rest}`);
      }),
      { numRuns: 200 },
    );
  });

  it('for any text whose first character after spaces and line feeds is no formula character, the cell is kept exactly (no needless quote)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\n', '\u00a0'), maxLength: 4 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), anyText, (before, first, rest) => {
        fc.pre(!TRIGGERS.includes(first[0]) && !BLANKS.includes(first[0]));
        const text = before + first + rest;
        expect(spreadsheetSafe(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
