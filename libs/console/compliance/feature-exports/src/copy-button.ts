import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';

/**
 * A button that puts a text on the clipboard (a checkpoint, a key, a command) and says so, to
 * the eye and to a screen reader; where the browser refuses, it says to select the text instead.
 */
@Component({
  selector: 'kw-copy-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="secondary small copy" (click)="copy()">{{ outcome() === 'copied' ? 'Copied' : label() }}</button>
    <span class="copy-outcome" [class.visually-hidden]="outcome() !== 'refused'" aria-live="polite">{{ words[outcome()] }}</span>
  `,
})
export class CopyButton {
  /** What goes on the clipboard. */
  readonly text = input.required<string>();
  /** The button's words, naming what it copies ("Copy the checkpoint"). */
  readonly label = input.required<string>();
  protected readonly outcome = signal<'idle' | 'copied' | 'refused'>('idle');
  protected readonly words = { idle: '', copied: 'Copied to the clipboard.', refused: 'The browser did not allow copying: select the text and copy it.' };
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.timer && clearTimeout(this.timer));
  }

  protected async copy(): Promise<void> {
    const copied = await (navigator.clipboard?.writeText(this.text()) ?? Promise.reject()).then(
      () => true,
      () => false,
    );
    this.outcome.set(copied ? 'copied' : 'refused');
    if (this.timer) clearTimeout(this.timer);
    // "Copied" goes back to the button's words, so a second copy is seen to happen too.
    if (copied) this.timer = setTimeout(() => this.outcome.set('idle'), 3_000);
  }
}
