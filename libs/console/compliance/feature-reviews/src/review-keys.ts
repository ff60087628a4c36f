/** What a key does on a review's items: move the focus, or decide the focused item. */
export type ReviewKeyCommand = 'next' | 'previous' | 'keep' | 'revoke';

const COMMANDS: Readonly<Record<string, ReviewKeyCommand>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'keep',
  r: 'revoke',
};

/** The command a key press asks for; null for any other key, or one with a modifier (Ctrl+R reloads, as ever). */
export function reviewKeyCommandOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ReviewKeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return COMMANDS[event.key] ?? null;
}

/** Whether a key press belongs to the control it was made in: text typed into a field, or a choice in a list. */
export function isTypingIn(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((element as HTMLInputElement).type);
}

/** The row after `current`, staying on the last. */
export function nextIndex(count: number, current: number): number {
  return count === 0 ? 0 : Math.min(current + 1, count - 1);
}

/** The row before `current`, staying on the first. */
export function previousIndex(count: number, current: number): number {
  return count === 0 ? 0 : Math.max(Math.min(current, count) - 1, 0);
}

/**
 * The first row after `current` that is still to decide, going round to the top; null when no
 * other row is (the focus then stays where it is).
 */
export function nextUndecidedIndex<T>(rows: readonly T[], current: number, isUndecided: (row: T) => boolean): number | null {
  for (let step = 1; step < rows.length; step++) {
    const index = (current + step) % rows.length;
    if (isUndecided(rows[index])) return index;
  }
  return null;
}
