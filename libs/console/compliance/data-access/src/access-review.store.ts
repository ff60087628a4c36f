import { inject, Injectable, signal } from '@angular/core';
import { CursorPager, RequestState } from '@keyward/console/shared/data-access';
import { accessReviewErrorMessage } from './access-review-errors';
import { AccessReviewsApi, type AccessDecision, type AccessReview, type AccessReviewItem, type ItemSelection } from './access-reviews.api';

/** Items per page of a review: a reviewer's screenful, a fifth of what one bulk decision takes. */
export const REVIEW_ITEMS_PAGE_SIZE = 100;
/** The most items one bulk decision takes (decideAccessReviewItems). */
export const MAX_BULK_DECISION = 500;

/**
 * One access review: its facts and counts, its items a page at a time (all, undecided, or the
 * viewer's own), decisions one at a time or for the checked items with one justification, and
 * the owner's "still needed". A decided item changes in place and the counts are read again; a
 * refusal is kept beside the item it was about, in the server's words.
 */
@Injectable()
export class AccessReviewStore {
  private readonly api = inject(AccessReviewsApi);
  private reviewId = '';

  readonly review = signal<AccessReview | null>(null);
  /** Reading the review's facts: loading, and why it failed. */
  readonly request = new RequestState(true);
  readonly selection = signal<ItemSelection>('ALL');
  readonly items = new CursorPager<AccessReviewItem>(async (after) => {
    try {
      const page = await this.api.items(this.reviewId, this.selection(), REVIEW_ITEMS_PAGE_SIZE, after);
      void this.nameActors(page.edges.map((edge) => edge.node.decidedBy));
      return page;
    } catch (error) {
      throw new Error(accessReviewErrorMessage(error));
    }
  });
  /** `user:<id>` → principal name, for who started the review and who decided. */
  readonly names = signal<ReadonlyMap<string, string>>(new Map());
  /** Why the last request about an item was refused, by item id. */
  readonly itemErrors = signal<ReadonlyMap<string, string>>(new Map());
  /** The items with a request on its way. */
  readonly pending = signal<ReadonlySet<string>>(new Set());
  /** The items checked for "Keep selected"; kept across pages until the selection changes. */
  readonly checked = signal<ReadonlySet<string>>(new Set());
  /** Why the last bulk decision was refused, or ''. */
  readonly bulkError = signal('');
  /** Why the last "Stop repeating" was refused, or ''. */
  readonly recurrenceError = signal('');
  readonly isStoppingRecurrence = signal(false);

  /** Reads the review and the first page of its items. */
  async open(reviewId: string, selection: ItemSelection): Promise<void> {
    this.reviewId = reviewId;
    this.selection.set(selection);
    this.reset();
    await Promise.all([this.readReview(), this.items.first()]);
  }

  /** Reads the review's facts and counts again. */
  readReview(): Promise<void> {
    return this.request.run(async () => {
      try {
        this.review.set(await this.api.one(this.reviewId));
      } catch (error) {
        throw new Error(accessReviewErrorMessage(error));
      }
      const review = this.review();
      if (!review) throw new Error('No such access review, or it is not yours to see.');
      void this.nameActors([review.startedBy]);
    });
  }

  /** Shows another selection of the items, from its first page. */
  show(selection: ItemSelection): Promise<void> {
    this.selection.set(selection);
    this.reset();
    return this.items.first();
  }

  /** Keeps or revokes one item with the justification; false when refused (`itemErrors` says why). */
  async decide(itemId: string, decision: AccessDecision, justification: string): Promise<boolean> {
    return this.act([itemId], async () => [await this.api.decide(itemId, decision, justification)]);
  }

  /** Keeps every checked item with one justification; false when refused (`bulkError` says why, and the page is read again). */
  async keepChecked(justification: string): Promise<boolean> {
    const ids = [...this.checked()];
    if (ids.length === 0) return false;
    this.bulkError.set('');
    if (ids.length > MAX_BULK_DECISION) {
      this.bulkError.set(`One decision takes at most ${MAX_BULK_DECISION} items: ${ids.length} are selected.`);
      return false;
    }
    const isKept = await this.act(ids, () => this.api.decideMany(ids, 'KEEP', justification), (message) => this.bulkError.set(message));
    if (isKept) this.checked.set(new Set());
    // Items before a refused one were decided: the page shows what the server holds now.
    else await this.items.reload();
    return isKept;
  }

  /** Stops the review's series: none follows it; false when refused (`recurrenceError` says why, in the server's words). */
  async stopRecurrence(): Promise<boolean> {
    this.recurrenceError.set('');
    this.isStoppingRecurrence.set(true);
    try {
      this.review.set(await this.api.stopRecurrence(this.reviewId));
      return true;
    } catch (error) {
      this.recurrenceError.set(accessReviewErrorMessage(error));
      return false;
    } finally {
      this.isStoppingRecurrence.set(false);
    }
  }

  /** The owner says their app password is still needed; false when refused. */
  async attest(itemId: string, note: string): Promise<boolean> {
    return this.act([itemId], async () => [await this.api.attest(itemId, note.trim() || null)]);
  }

  toggle(itemId: string): void {
    this.checked.update((checked) => {
      const next = new Set(checked);
      if (!next.delete(itemId)) next.add(itemId);
      return next;
    });
  }

  /** Checks every one of these items, or unchecks them when all already are. */
  toggleAll(itemIds: readonly string[]): void {
    const isAll = itemIds.length > 0 && itemIds.every((id) => this.checked().has(id));
    this.checked.update((checked) => {
      const next = new Set(checked);
      for (const id of itemIds) {
        if (isAll) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  private async act(itemIds: string[], send: () => Promise<AccessReviewItem[]>, onBulkError?: (message: string) => void): Promise<boolean> {
    this.pending.update((pending) => new Set([...pending, ...itemIds]));
    this.forget(itemIds);
    try {
      const changed = new Map((await send()).map((item) => [item.id, item]));
      this.items.rows.update((rows) => rows.map((row) => changed.get(row.id) ?? row));
      await Promise.all([this.readReview(), this.nameActors([...changed.values()].map((item) => item.decidedBy))]);
      return true;
    } catch (error) {
      const message = accessReviewErrorMessage(error);
      if (onBulkError) onBulkError(message);
      else this.itemErrors.update((errors) => new Map([...errors, ...itemIds.map((id) => [id, message] as const)]));
      return false;
    } finally {
      this.pending.update((pending) => new Set([...pending].filter((id) => !itemIds.includes(id))));
    }
  }

  private forget(itemIds: string[]): void {
    this.itemErrors.update((errors) => new Map([...errors].filter(([id]) => !itemIds.includes(id))));
  }

  private reset(): void {
    this.checked.set(new Set());
    this.itemErrors.set(new Map());
    this.bulkError.set('');
    this.recurrenceError.set('');
  }

  private async nameActors(actors: (string | null)[]): Promise<void> {
    const unnamed = [...new Set(actors.filter((actor): actor is string => !!actor && !this.names().has(actor)))];
    if (unnamed.length === 0) return;
    const found = await this.api.actorNames(unnamed);
    this.names.update((names) => new Map([...names, ...found]));
  }
}
