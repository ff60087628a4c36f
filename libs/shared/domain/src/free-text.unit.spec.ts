import { optionalLine, requireLine } from './free-text';

const line = (input: string) => requireLine(input, 20, 'A line of 1 to 20 characters.');

describe('free text a person types', () => {
  it('given plain text with accents, emoji and a tab, when checked, then it is kept, trimmed', () => {
    expect(line('  Laptop café 🚀\tb ')).toBe('Laptop café 🚀\tb');
  });

  it.each([
    ['a line break', 'a\r\nX-Injected: 1'],
    ['a NUL', 'a\u0000b'],
    ['an escape sequence', 'a\u001b[31mred'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a bidi isolate', 'a\u2066b\u2069'],
    ['a zero-width space', 'ad\u200bmin'],
    ['a byte order mark inside', 'ad\ufeffmin'],
    ['a lone surrogate', 'a\ud800b'],
    ['nothing but spaces', '   '],
    ['21 characters', 'x'.repeat(21)],
  ])('given %s, when checked, then BAD_USER_INPUT with the message', (_, input) => {
    expect(() => line(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'A line of 1 to 20 characters.' }));
  });

  it('given nothing or only spaces where text may be left out, when checked, then null; anything else is checked alike', () => {
    expect(optionalLine(undefined, 20, 'm')).toBeNull();
    expect(optionalLine('   ', 20, 'm')).toBeNull();
    expect(optionalLine(' INC-7 ', 20, 'm')).toBe('INC-7');
    expect(() => optionalLine('x'.repeat(60_000), 20, 'm')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
