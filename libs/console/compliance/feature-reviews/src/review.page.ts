import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import {
  AccessReviewStore,
  isDecidable,
  isReviewerOf,
  ITEM_SELECTIONS,
  reportUrl,
  type AccessReviewItem,
  type ItemSelection,
} from '@keyward/console/compliance/data-access';
import { nextUndecidedIndex } from './review-keys';
import { ReviewItemsTable, type ItemDecision } from './review-items-table';
import { ReviewProgress } from './review-progress';
import { REVIEW_STATUS_WORDS, SELECTION_WORDS } from './review-words';

/** What the item list says when the selection holds nothing. */
export const NO_ITEMS: Record<ItemSelection, string> = {
  ALL: 'This review holds no app password you may see.',
  UNDECIDED: 'Nothing is left to decide in this review.',
  MINE: 'None of your app passwords is in this review.',
};

/**
 * One access review: its facts and progress, and its items a hundred at a time (every item, those
 * still to decide, or the viewer's own). A reviewer keeps or revokes each with a justification
 * that stays for the next, from the keyboard or with the buttons, or keeps the checked ones at
 * once; an owner says their app password is still needed. The selection lives in the URL (`?show=`).
 */
@Component({
  selector: 'kw-review-page',
  imports: [DatePipe, FormsModule, RouterLink, PageState, Pager, ReviewItemsTable, ReviewProgress],
  providers: [AccessReviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review.page.html',
  styles: `
    .status-OPEN { background: #e4edfb; color: #1d4a8f; }
    .review-toolbar { position: sticky; top: 0; z-index: 1; background: var(--page); padding: 8px 0; margin-bottom: 4px; }
    .review-toolbar .justification { flex: 1; min-width: 320px; }
    .review-toolbar .justification input { width: 100%; }
    kw-review-progress { margin-bottom: 16px; }
  `,
})
export class ReviewPage {
  /** The review's id, from the route. */
  readonly id = input.required<string>();
  /** The selection of items, from `?show=`: ALL (the default), UNDECIDED or MINE. */
  readonly show = input<string | undefined>(undefined);
  protected readonly store = inject(AccessReviewStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly table = viewChild(ReviewItemsTable);
  protected readonly selections = ITEM_SELECTIONS;
  protected readonly selectionWords = SELECTION_WORDS;
  protected readonly statusWords = REVIEW_STATUS_WORDS;
  protected readonly noItems = NO_ITEMS;
  /** The moment ages are counted to: when the page opened. */
  protected readonly now = new Date();
  protected readonly viewerId = computed(() => this.session.me()?.id ?? null);
  /** Whether the viewer decides this review's items now: one of its reviewers, while it is open. */
  protected readonly decides = computed(() => {
    const review = this.store.review();
    return !!review && review.status === 'OPEN' && isReviewerOf(review, this.viewerId());
  });
  /** The justification of the next decision: it stays between items, so one can serve many. */
  protected readonly justification = signal('');
  protected readonly focused = signal(0);
  protected readonly historyUrl = computed(() => reportUrl({ name: 'access-review', id: this.id() }, 'csv'));
  /** Who the review covers, from its filter. */
  protected readonly coverage = computed(() => {
    const filter = this.store.review()?.filter ?? '{}';
    try {
      const user = (JSON.parse(filter) as { user?: unknown }).user;
      return typeof user === 'string' && user ? `Active app passwords of owners whose name contains “${user}”` : 'Every active app password';
    } catch {
      return filter;
    }
  });
  private openedId: string | null = null;

  constructor() {
    effect(() => {
      const id = this.id();
      const selection = selectionOf(this.show());
      untracked(() => {
        this.focused.set(0);
        if (id !== this.openedId) void this.store.open(id, selection);
        else void this.store.show(selection);
        this.openedId = id;
      });
    });
  }

  protected choose(selection: ItemSelection): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { show: selection === 'ALL' ? null : selection }, replaceUrl: true });
  }

  protected async decide({ item, decision }: ItemDecision): Promise<void> {
    if (!(await this.store.decide(item.id, decision, this.justification()))) return;
    this.focusNextUndecided(item);
  }

  protected async keepChecked(): Promise<void> {
    await this.store.keepChecked(this.justification());
  }

  protected async attest({ item, note }: { item: AccessReviewItem; note: string }): Promise<void> {
    await this.store.attest(item.id, note);
  }

  private focusNextUndecided(decided: AccessReviewItem): void {
    const review = this.store.review();
    const rows = this.store.items.rows();
    if (!review) return;
    const next = nextUndecidedIndex(rows, rows.findIndex((row) => row.id === decided.id), (row) => row.decision === null && isDecidable(review, row, this.viewerId()));
    if (next !== null) this.table()?.focusRow(next);
  }
}

function selectionOf(show: string | undefined): ItemSelection {
  return (ITEM_SELECTIONS as readonly string[]).includes(show ?? '') ? (show as ItemSelection) : 'ALL';
}
