import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { reviewProgressOf, type AccessReview } from '@keyward/console/compliance/data-access';
import { progressInWords } from './review-words';

/** How far a review has come: a bar of the decided items, and kept, revoked and undecided of total in words. */
@Component({
  selector: 'kw-review-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'review-progress' },
  styles: `
    :host { display: block; }
    .review-counts { margin: 4px 0 0; font-size: 0.9rem; }
  `,
  template: `
    <progress max="100" [value]="percent()" [attr.aria-label]="'Progress of ' + review().name"></progress>
    <p class="review-counts" [attr.role]="isLive() ? 'status' : null">{{ words() }}</p>
  `,
})
export class ReviewProgress {
  readonly review = input.required<AccessReview>();
  /** Whether a change of the counts is announced (the review's own page), or only shown (a list). */
  readonly isLive = input(false);
  protected readonly percent = computed(() => reviewProgressOf(this.review()).percent);
  protected readonly words = computed(() => progressInWords(this.review()));
}
