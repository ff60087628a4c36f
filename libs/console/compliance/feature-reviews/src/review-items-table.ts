import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, input, model, output, viewChildren } from '@angular/core';
import { isAttestable, isDecidable, isReviewerOf, type AccessDecision, type AccessReview, type AccessReviewItem } from '@keyward/console/compliance/data-access';
import { isTypingIn, nextIndex, previousIndex, reviewKeyCommandOf } from './review-keys';
import { ageInWords, DECISION_WORDS, itemName, RECOMMENDATION_WORDS } from './review-words';

/** A decision asked for from the table: by a button, or by `a` or `r` on the focused row. */
export interface ItemDecision {
  item: AccessReviewItem;
  decision: AccessDecision;
}

/**
 * A review's items as a table a reviewer works through from the keyboard: one row is focused
 * (aria-selected, and the row in the tab order); j or ↓ and k or ↑ move, a keeps and r revokes
 * it. Decidable rows have Keep and Revoke buttons and a checkbox; the viewer's own app password
 * has "I still need this" instead. It presents and emits; the page decides.
 */
@Component({
  selector: 'kw-review-items-table',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    tr.item:focus-visible { outline: 3px solid #7aa7ff; outline-offset: -3px; }
    tr.item[aria-selected='true'] td { background: #eef4ff; }
    tr.item[aria-selected='true'] td:first-child { box-shadow: inset 4px 0 0 var(--accent); }
    .attest { display: grid; gap: 4px; }
    .attest input { width: 100%; min-width: 0; }
    .item-error { margin: 6px 0 0; }
    .decision-buttons { display: flex; gap: 6px; flex-wrap: wrap; }
  `,
  template: `
    <table aria-label="Items of the review" [attr.aria-describedby]="describedBy()">
      <thead>
        <tr>
          @if (isReviewer()) {
            <th class="narrow">
              <input type="checkbox" aria-label="Select every item on this page that you can decide" [checked]="isAllChecked()" [disabled]="decidableIds().length === 0"
                (change)="toggleAll.emit(decidableIds())" />
            </th>
          }
          <th scope="col">Owner</th><th scope="col">App password</th><th scope="col">Age</th><th scope="col">Last use</th>
          <th scope="col">Recommendation</th><th scope="col">Owner says</th><th scope="col">Decision</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody (keydown)="pressKey($event)">
        @for (item of items(); track item.id; let index = $index) {
          @let isFocused = index === focusedIndex();
          <tr #row class="item" [attr.data-item]="item.id" [attr.tabindex]="isFocused ? 0 : -1" [attr.aria-selected]="isFocused" (focusin)="focused.set(index)">
            @if (isReviewer()) {
              <td class="narrow">
                @if (canDecide(item)) {
                  <input type="checkbox" [attr.aria-label]="'Select ' + nameOf(item)" [checked]="checked().has(item.id)" (change)="toggle.emit(item.id)" />
                }
              </td>
            }
            <td>{{ item.userPrincipalName }}</td>
            <td>{{ item.label }}<br /><span class="muted"> {{ item.scopes.join(', ') }}</span></td>
            <td>{{ ageOf(item) }}</td>
            <td>
              @if (item.lastUsedAt) { {{ item.lastUsedAt | date: 'yyyy-MM-dd' : 'UTC' }} } @else { <span class="muted">never</span> }
              <br /><span class="muted"> {{ item.usesLast30Days }} {{ item.usesLast30Days === 1 ? 'use' : 'uses' }} in 30 days</span>
            </td>
            <td>{{ recommendationWords[item.recommendation] }}</td>
            <td>
              @if (item.attestedAt) {
                Still needed <span class="muted">({{ item.attestedAt | date: 'yyyy-MM-dd' : 'UTC' }})</span>
                @if (item.attestationNote) { <br /><span class="muted"> “{{ item.attestationNote }}”</span> }
              } @else { <span class="muted">nothing yet</span> }
            </td>
            <td class="decision">
              @if (item.decision) {
                <span class="status status-{{ item.decision === 'KEEP' ? 'ACTIVE' : 'REVOKED' }}">{{ decisionWords[item.decision] }}</span>
                @if (item.justification) { <br /><span class="justification"> {{ item.justification }}</span> }
                <br /><span class="muted"> by {{ names().get(item.decidedBy ?? '') ?? item.decidedBy }}, {{ item.decidedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</span>
              } @else { <span class="muted">not decided</span> }
            </td>
            <td>
              @if (canDecide(item)) {
                <div class="decision-buttons">
                  @if (item.decision !== 'KEEP') {
                    <button type="button" class="secondary small" [disabled]="pending().has(item.id)" [attr.aria-label]="'Keep ' + nameOf(item)"
                      (click)="decide.emit({ item, decision: 'KEEP' })">Keep</button>
                  }
                  <button type="button" class="danger small" [disabled]="pending().has(item.id)" [attr.aria-label]="'Revoke ' + nameOf(item)"
                    (click)="decide.emit({ item, decision: 'REVOKE' })">Revoke</button>
                </div>
              } @else if (canAttest(item)) {
                <div class="attest">
                  <input #note maxlength="500" [attr.aria-label]="'What ' + item.label + ' is still used for (optional)'" placeholder="What it is used for" />
                  <button type="button" class="small" [disabled]="pending().has(item.id)" [attr.aria-label]="'I still need this: ' + item.label"
                    (click)="attest.emit({ item, note: note.value })">I still need this</button>
                </div>
              }
              @if (errors().get(item.id); as error) {
                <p class="error item-error" role="alert">{{ error }}</p>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class ReviewItemsTable {
  readonly items = input.required<AccessReviewItem[]>();
  readonly review = input.required<AccessReview>();
  /** The signed-in user's id. */
  readonly viewerId = input.required<string | null>();
  /** The moment ages are counted to. */
  readonly now = input.required<Date>();
  /** `user:<id>` → principal name, for who decided. */
  readonly names = input<ReadonlyMap<string, string>>(new Map());
  readonly checked = input<ReadonlySet<string>>(new Set());
  /** The items with a request on its way. */
  readonly pending = input<ReadonlySet<string>>(new Set());
  /** Why the last request about an item was refused, by item id. */
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  /** The id of what describes the keys, when they decide. */
  readonly describedBy = input<string | null>(null);
  /** The index of the focused row. */
  readonly focused = model(0);
  readonly decide = output<ItemDecision>();
  readonly attest = output<{ item: AccessReviewItem; note: string }>();
  readonly toggle = output<string>();
  readonly toggleAll = output<string[]>();

  private readonly rows = viewChildren<ElementRef<HTMLTableRowElement>>('row');
  protected readonly decisionWords = DECISION_WORDS;
  protected readonly recommendationWords = RECOMMENDATION_WORDS;
  protected readonly isReviewer = computed(() => isReviewerOf(this.review(), this.viewerId()) && this.review().status === 'OPEN');
  protected readonly focusedIndex = computed(() => Math.max(Math.min(this.focused(), this.items().length - 1), 0));
  protected readonly decidableIds = computed(() => this.items().filter((item) => this.canDecide(item)).map((item) => item.id));
  protected readonly isAllChecked = computed(() => this.decidableIds().length > 0 && this.decidableIds().every((id) => this.checked().has(id)));

  /** Moves the focus to the row (after a decision: to the next one still to decide). */
  focusRow(index: number): void {
    this.focused.set(index);
    this.rows()[index]?.nativeElement.focus();
  }

  protected canDecide(item: AccessReviewItem): boolean {
    return isDecidable(this.review(), item, this.viewerId());
  }

  protected canAttest(item: AccessReviewItem): boolean {
    return isAttestable(this.review(), item, this.viewerId());
  }

  protected nameOf(item: AccessReviewItem): string {
    return itemName(item);
  }

  protected ageOf(item: AccessReviewItem): string {
    return ageInWords(item.createdAt, this.now());
  }

  protected pressKey(event: KeyboardEvent): void {
    if (isTypingIn(event.target)) return;
    const command = reviewKeyCommandOf(event);
    if (!command) return;
    const items = this.items();
    const current = this.focusedIndex();
    if (command === 'next' || command === 'previous') {
      event.preventDefault();
      this.focusRow(command === 'next' ? nextIndex(items.length, current) : previousIndex(items.length, current));
      return;
    }
    // Deciding is for reviewers; the server still says why an item cannot be decided (one's own, a completed review).
    if (!this.isReviewer() || !items[current]) return;
    event.preventDefault();
    this.decide.emit({ item: items[current], decision: command === 'keep' ? 'KEEP' : 'REVOKE' });
  }
}
