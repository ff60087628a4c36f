import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** "Previous / Next" for cursor pages, with the count and the page number. */
@Component({
  selector: 'kw-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'pager' },
  template: `
    <span class="muted" role="status">{{ totalCount() }} {{ noun() }} · page {{ pageNumber() }}</span>
    <button type="button" class="secondary" [disabled]="pageNumber() === 1 || isLoading()" (click)="previous.emit()">Previous</button>
    <button type="button" class="secondary" [disabled]="!hasNextPage() || isLoading()" (click)="next.emit()">Next</button>
  `,
})
export class Pager {
  readonly totalCount = input.required<number>();
  readonly pageNumber = input.required<number>();
  readonly hasNextPage = input.required<boolean>();
  readonly isLoading = input(false);
  /** What is counted, in the plural. */
  readonly noun = input('in all');
  readonly previous = output<void>();
  readonly next = output<void>();
}
