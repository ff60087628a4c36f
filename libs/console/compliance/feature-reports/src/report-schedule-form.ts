import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import {
  REPORT_CADENCES,
  reportScheduleErrorMessage,
  ReportSchedulesApi,
  SCHEDULED_FORMATS,
  type ReportName,
  type ReportRequest,
  type ReportSchedule,
} from '@keyward/console/compliance/data-access';
import { CADENCE_WORDS, emptyScheduleDraft, MAX_RECIPIENTS, scheduledWords, scheduleInputOf, type ScheduleDraft } from './schedule-draft';

/**
 * "Schedule by mail" for one report (reports.schedule): how often, which format and to whom; it
 * schedules the report as its inputs ask for it now. The server's refusal (a recipient outside the
 * tenant's domains) is an alert; a schedule made, a confirmation.
 */
@Component({
  selector: 'kw-report-schedule-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'report-schedule' },
  styles: `
    :host { display: block; margin-top: 12px; }
    summary { cursor: pointer; color: var(--accent); font-weight: 600; }
    .schedule-fields { display: grid; grid-template-columns: 1fr 1fr 3fr; gap: 12px; align-items: start; margin-top: 12px; }
    .schedule-fields .hint, .schedule-fields .actions, .schedule-fields [role='alert'], .schedule-fields [role='status'] { grid-column: 1 / -1; margin: 0; }
    textarea { resize: vertical; min-height: 2.6em; }
  `,
  template: `
    <details [open]="isOpen()" (toggle)="isOpen.set($any($event.target).open)">
      <summary>Schedule by mail</summary>
      <form class="schedule-fields" (submit)="$event.preventDefault(); schedule()" [attr.aria-label]="'Schedule by mail: ' + title()" novalidate>
        <label>Cadence
          <select [attr.name]="report() + '-cadence'" (change)="edit('cadence', $any($event.target).value)">
            @for (cadence of cadences; track cadence) {
              <option [value]="cadence" [selected]="cadence === draft().cadence">{{ cadenceWords[cadence] }}</option>
            }
          </select>
        </label>
        <label>Format
          <select [attr.name]="report() + '-format'" (change)="edit('format', $any($event.target).value)">
            @for (format of formats; track format) {
              <option [value]="format" [selected]="format === draft().format">{{ format }}</option>
            }
          </select>
        </label>
        <label>Recipients
          <textarea rows="2" [attr.name]="report() + '-recipients'" autocomplete="off" spellcheck="false" placeholder="audit@example.com, ciso@example.com"
            [value]="draft().recipients" (input)="edit('recipients', $any($event.target).value)" [attr.aria-invalid]="problem() ? 'true' : null"
            [attr.aria-describedby]="report() + '-recipients-hint'"></textarea>
        </label>
        <p class="hint" [id]="report() + '-recipients-hint'">Up to {{ maxRecipients }} addresses in your organisation's domains, separated by commas or new lines.
          The first report is mailed now with the inputs above, then every week (from today) or every month (on this day).</p>
        @if (problem(); as problem) {
          <p class="hint invalid schedule-problem" role="alert">{{ problem }}</p>
        } @else if (confirmation(); as confirmation) {
          <p class="ok schedule-done" role="status">{{ confirmation }}</p>
        }
        <div class="actions">
          <button type="submit" [disabled]="!request() || isSending()">Schedule</button>
        </div>
      </form>
    </details>
  `,
})
export class ReportScheduleForm {
  private readonly api = inject(ReportSchedulesApi);
  readonly report = input.required<ReportName>();
  readonly title = input.required<string>();
  /** The report as its inputs ask for it now; null while they are wrong. */
  readonly request = input.required<ReportRequest | null>();
  /** Emits each schedule made. */
  readonly scheduled = output<ReportSchedule>();

  protected readonly cadences = REPORT_CADENCES;
  protected readonly formats = SCHEDULED_FORMATS;
  protected readonly cadenceWords = CADENCE_WORDS;
  protected readonly maxRecipients = MAX_RECIPIENTS;
  protected readonly isOpen = signal(false);
  protected readonly draft = signal<ScheduleDraft>(emptyScheduleDraft());
  protected readonly isSending = signal(false);
  protected readonly problem = signal('');
  protected readonly confirmation = signal('');
  private readonly outcome = computed(() => scheduleInputOf(this.request(), this.draft()));

  protected edit(field: keyof ScheduleDraft, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
    this.problem.set('');
    this.confirmation.set('');
  }

  protected async schedule(): Promise<void> {
    const { input, problem } = this.outcome();
    this.confirmation.set('');
    this.problem.set(problem ?? '');
    if (!input) return;
    this.isSending.set(true);
    try {
      const schedule = await this.api.schedule(input);
      this.confirmation.set(scheduledWords(schedule));
      this.scheduled.emit(schedule);
    } catch (error) {
      this.problem.set(reportScheduleErrorMessage(error));
    } finally {
      this.isSending.set(false);
    }
  }
}
