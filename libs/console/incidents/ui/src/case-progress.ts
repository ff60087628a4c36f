import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { doneWordOf, progressOf, type RevocationCase } from '@keyward/console/incidents/util';

/** Words for a case's status, for people. */
export const CASE_STATUS_WORDS: Record<RevocationCase['status'], string> = {
  DRY_RUN: 'Dry run',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/**
 * How far a case has come: its status, a progress bar (done = revoked + already revoked + failed,
 * over matched), and the counts in words. It presents; the page polls.
 */
@Component({
  selector: 'kw-case-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'case-progress' },
  template: `
    @let c = revocationCase();
    <p class="case-progress-head">
      <span class="status status-{{ c.status }}">{{ statusWord() }}</span>
      @if (c.reinstatement; as r) {
        <span class="status status-ACTIVE">{{ r.status === 'DONE' ? 'Reinstated ' + (r.reinstated ?? 0) : 'Reinstating…' }}</span>
      }
    </p>
    @if (c.status !== 'DRY_RUN') {
      <progress [attr.aria-label]="'Progress of case ' + c.incidentRef" max="100" [value]="progress().percent">{{ progress().percent }}%</progress>
      <p class="case-counts" role="status">{{ summary() }}</p>
    }
  `,
})
export class CaseProgress {
  readonly revocationCase = input.required<RevocationCase>();
  protected readonly progress = computed(() => progressOf(this.revocationCase()));
  protected readonly statusWord = computed(() => CASE_STATUS_WORDS[this.revocationCase().status]);
  /** "3 of 8 done: 2 revoked, 1 already revoked, 0 failed." */
  protected readonly summary = computed(() => {
    const c = this.revocationCase();
    const { done, total } = this.progress();
    return `${done} of ${total} done: ${c.revoked} ${doneWordOf(c.action)}, ${c.alreadyRevoked} already revoked, ${c.failed} failed.`;
  });
}
