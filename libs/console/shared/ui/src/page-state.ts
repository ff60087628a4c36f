import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * Loading, error and empty states around a page's content, the same on every page: the content
 * shows only when there is something to show.
 */
@Component({
  selector: 'kw-page-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <div class="error" role="alert">
        <span>{{ error() }}</span>
        <button type="button" class="secondary retry" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (isLoading() && isEmpty()) {
      <p class="loading" role="status">Loading…</p>
    } @else if (isEmpty()) {
      <p class="empty" role="status">{{ emptyText() }}</p>
    } @else {
      <ng-content />
    }
  `,
})
export class PageState {
  /** Whether a request is on its way. */
  readonly isLoading = input(false);
  /** The message of the last failure; empty when there was none. */
  readonly error = input('');
  /** Whether there is nothing to show. */
  readonly isEmpty = input(false);
  readonly emptyText = input('Nothing to show yet.');
  /** Emits when the user asks to try the failed request again. */
  readonly retry = output<void>();
}
