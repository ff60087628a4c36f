import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { CursorPager, SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { accessReviewErrorMessage, AccessReviewsApi, type AccessReview } from '@keyward/console/compliance/data-access';
import { ReviewProgress } from './review-progress';
import { REVIEW_STATUS_WORDS } from './review-words';
import { startDraftFor, startInputOf, type StartReviewDraft } from './start-review-draft';

export const REVIEWS_PAGE_SIZE = 25;

/** What the empty list says, to whoever may start a review and to everyone else. */
export const NO_REVIEWS = 'No access review yet. A global admin starts one; its reviewers then keep or revoke each app password in it.';
export const NO_REVIEWS_OF_YOURS = 'No access review of yours: none you review, and none holding one of your app passwords.';

/**
 * Access reviews, newest first: name, status, due date and progress. Global admins see the
 * tenant's and start new ones (accessReviews.start); everyone else sees those they review or hold
 * an app password in.
 */
@Component({
  selector: 'kw-reviews-page',
  imports: [DatePipe, FormsModule, RouterLink, PageState, Pager, ReviewProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reviews.page.html',
  styles: `
    .status-OPEN { background: #e4edfb; color: #1d4a8f; }
    .start-review { display: grid; grid-template-columns: 2fr 1fr 2fr 1fr; gap: 12px; align-items: end; }
    .start-review .hint, .start-review .actions, .start-review .check, .start-review [role='alert'] { grid-column: 1 / -1; margin: 0; }
    .start-review .actions { justify-content: flex-end; }
    td kw-review-progress { min-width: 200px; }
  `,
})
export class ReviewsPage implements OnInit {
  private readonly api = inject(AccessReviewsApi);
  private readonly router = inject(Router);
  protected readonly session = inject(SessionStore);
  protected readonly statusWords = REVIEW_STATUS_WORDS;
  protected readonly canStart = computed(() => this.session.can('accessReviews.start'));
  protected readonly emptyText = computed(() => (this.session.scopeOf('accessReviews.read') === 'TENANT' ? NO_REVIEWS : NO_REVIEWS_OF_YOURS));
  protected readonly reviews = new CursorPager<AccessReview>(async (after) => {
    try {
      return await this.api.list(REVIEWS_PAGE_SIZE, after);
    } catch (error) {
      throw new Error(accessReviewErrorMessage(error));
    }
  });
  protected draft: StartReviewDraft = startDraftFor(new Date());
  protected readonly problem = signal<{ field: keyof StartReviewDraft; message: string } | null>(null);
  protected readonly isStarting = signal(false);

  ngOnInit(): void {
    void this.reviews.first();
  }

  /** `true` for the field the problem is in, for aria-invalid; null otherwise. */
  protected invalid(field: keyof StartReviewDraft): 'true' | null {
    return this.problem()?.field === field ? 'true' : null;
  }

  /** Starts the review and opens it. */
  protected async start(): Promise<void> {
    const { input, problem } = startInputOf(this.draft, new Date());
    this.problem.set(problem);
    if (!input) return;
    this.isStarting.set(true);
    try {
      const review = await this.api.start(input);
      await this.router.navigate(['/reviews', review.id]);
    } catch (error) {
      this.problem.set({ field: 'name', message: accessReviewErrorMessage(error) });
    } finally {
      this.isStarting.set(false);
    }
  }
}
