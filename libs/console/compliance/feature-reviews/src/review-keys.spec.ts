import { isTypingIn, nextIndex, nextUndecidedIndex, previousIndex, reviewKeyCommandOf } from './review-keys';

const key = (value: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: value, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('deciding a review from the keyboard', () => {
  it('reads j and ↓ as next, k and ↑ as previous, a as keep and r as revoke', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'a', 'r'].map((value) => reviewKeyCommandOf(key(value)))).toEqual(['next', 'next', 'previous', 'previous', 'keep', 'revoke']);
  });

  it('leaves other keys, capitals and keys with a modifier to the browser', () => {
    expect(reviewKeyCommandOf(key('x'))).toBeNull();
    expect(reviewKeyCommandOf(key('A'))).toBeNull();
    expect(reviewKeyCommandOf(key('r', { ctrlKey: true }))).toBeNull();
    expect(reviewKeyCommandOf(key('r', { metaKey: true }))).toBeNull();
    expect(reviewKeyCommandOf(key('a', { altKey: true }))).toBeNull();
  });

  it('moves one row at a time and stays at either end', () => {
    expect(nextIndex(3, 0)).toBe(1);
    expect(nextIndex(3, 2)).toBe(2);
    expect(previousIndex(3, 1)).toBe(0);
    expect(previousIndex(3, 0)).toBe(0);
    expect(nextIndex(0, 0)).toBe(0);
    expect(previousIndex(0, 0)).toBe(0);
  });

  it('after a decision, goes to the next row still to decide, round to the top, or nowhere when none is left', () => {
    const rows = [{ isOpen: true }, { isOpen: false }, { isOpen: false }, { isOpen: true }, { isOpen: false }];
    const isUndecided = (row: { isOpen: boolean }) => row.isOpen;
    expect(nextUndecidedIndex(rows, 0, isUndecided)).toBe(3);
    expect(nextUndecidedIndex(rows, 3, isUndecided)).toBe(0);
    expect(nextUndecidedIndex([{ isOpen: true }, { isOpen: false }], 0, isUndecided)).toBeNull();
    expect(nextUndecidedIndex([], 0, isUndecided)).toBeNull();
  });

  it('lets keys typed into a text field, a list or an editable area stay there, but not on a checkbox or a button', () => {
    const element = (tag: string, type?: string) => Object.assign(document.createElement(tag), type ? { type } : {});
    expect(isTypingIn(element('input', 'text'))).toBe(true);
    expect(isTypingIn(element('input', 'datetime-local'))).toBe(true);
    expect(isTypingIn(element('textarea'))).toBe(true);
    expect(isTypingIn(element('select'))).toBe(true);
    expect(isTypingIn(element('input', 'checkbox'))).toBe(false);
    expect(isTypingIn(element('button'))).toBe(false);
    expect(isTypingIn(element('tr'))).toBe(false);
    expect(isTypingIn(null)).toBe(false);
  });
});
