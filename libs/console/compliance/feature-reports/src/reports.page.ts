import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { CursorPager, messageOf, SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import {
  AccessReviewsApi,
  REPORT_NAMES,
  ReportPreviewStore,
  reportScheduleErrorMessage,
  ReportSchedulesApi,
  reportUrl,
  type AccessReview,
  type ReportFormat,
  type ReportName,
  type ReportSchedule,
} from '@keyward/console/compliance/data-access';
import { REPORTS } from './report-catalog';
import { emptyDraft, requestOf, type DraftOutcome, type ReportDraft } from './report-draft';
import { ReportPreviewView } from './report-preview';
import { ReportScheduleForm } from './report-schedule-form';
import { CADENCE_WORDS, paramsWords } from './schedule-draft';

/** How many reviews the access-review report offers to choose from, newest first. */
export const REVIEW_CHOICES = 100;
/** How many schedules the Scheduled reports table shows a page. */
export const SCHEDULES_PAGE_SIZE = 25;
export const NO_SCHEDULES = 'No report is scheduled. Whoever may schedule reports mails one weekly or monthly with “Schedule by mail” on it.';

/**
 * Compliance reports for auditors and global admins (reports.read): each report with a line on
 * what it answers, its inputs, a preview of its first rows (with the row count and the audit-log
 * checkpoint it was drawn from), and links that download all of it as CSV or PDF. With
 * reports.schedule, "Schedule by mail" mails a report weekly or monthly; the tenant's schedules are
 * listed below the reports, each active one with Cancel for whoever may schedule.
 */
@Component({
  selector: 'kw-reports-page',
  imports: [DatePipe, PageState, Pager, ReportPreviewView, ReportScheduleForm],
  providers: [ReportPreviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styles: `
    .report-inputs { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 8px; }
    .report-inputs .hint { flex-basis: 100%; margin: 0; }
    .report h2 { margin-bottom: 4px; }
    .report > p { margin: 0 0 12px; }
    .schedules td .params { font-size: 0.85rem; }
    .status-CANCELLED { background: #eceff3; color: #3d4652; }
  `,
})
export class ReportsPage implements OnInit {
  protected readonly previews = inject(ReportPreviewStore);
  private readonly reviewsApi = inject(AccessReviewsApi);
  protected readonly reports = REPORTS;
  protected readonly drafts = signal<Record<ReportName, ReportDraft>>(Object.fromEntries(REPORT_NAMES.map((name) => [name, emptyDraft()])) as Record<ReportName, ReportDraft>);
  protected readonly outcomes = computed(() => new Map(REPORT_NAMES.map((name) => [name, requestOf(name, this.drafts()[name])] as [ReportName, DraftOutcome])));
  protected readonly reviews = signal<AccessReview[]>([]);
  protected readonly reviewsError = signal('');
  private readonly session = inject(SessionStore);
  private readonly schedulesApi = inject(ReportSchedulesApi);
  protected readonly canSchedule = computed(() => this.session.can('reports.schedule'));
  protected readonly canReadSchedules = computed(() => this.session.can('reports.read'));
  protected readonly titles = new Map(REPORTS.map((entry) => [entry.name as string, entry.title]));
  protected readonly reviewNames = computed(() => new Map(this.reviews().map((review) => [review.id, review.name])));
  protected readonly cadenceWords = CADENCE_WORDS;
  protected readonly paramsWords = paramsWords;
  protected readonly noSchedules = NO_SCHEDULES;
  protected readonly schedules = new CursorPager<ReportSchedule>(async (after) => {
    try {
      return await this.schedulesApi.list(SCHEDULES_PAGE_SIZE, after);
    } catch (error) {
      throw new Error(reportScheduleErrorMessage(error));
    }
  });
  /** The schedule being cancelled, if any. */
  protected readonly cancelling = signal<string | null>(null);
  protected readonly cancelError = signal('');
  protected readonly cancelDone = signal('');

  async ngOnInit(): Promise<void> {
    if (this.canReadSchedules()) void this.schedules.first();
    try {
      const reviews = (await this.reviewsApi.list(REVIEW_CHOICES, null)).edges.map((edge) => edge.node);
      this.reviews.set(reviews);
      // The newest review is the one most often asked for.
      if (reviews.length && !this.drafts()['access-review'].reviewId) this.edit('access-review', 'reviewId', reviews[0].id);
    } catch (error) {
      this.reviewsError.set(`The access reviews could not be read: ${messageOf(error)}`);
    }
  }

  protected edit(name: ReportName, field: keyof ReportDraft, value: string): void {
    this.drafts.update((drafts) => ({ ...drafts, [name]: { ...drafts[name], [field]: value } }));
    // A preview shows the report as it was asked for: other inputs make it stale.
    this.previews.clear(name);
  }

  protected async preview(name: ReportName): Promise<void> {
    const { request } = this.outcomes().get(name)!;
    if (request) await this.previews.preview(request);
  }

  /** The download link of the report as its inputs ask for it; null while they are wrong. */
  protected urlOf(name: ReportName, format: ReportFormat): string | null {
    const { request } = this.outcomes().get(name)!;
    return request ? reportUrl(request, format) : null;
  }

  /** `true` for the field the report's problem is in, for aria-invalid; null otherwise. */
  protected invalid(name: ReportName, field: keyof ReportDraft): 'true' | null {
    return this.outcomes().get(name)!.problem?.field === field ? 'true' : null;
  }

  /** A schedule made: the list shows it, newest first. */
  protected onScheduled(): void {
    this.cancelDone.set('');
    if (this.canReadSchedules()) void this.schedules.first();
  }

  /** Stops a schedule; the list shows it cancelled. */
  protected async cancel(schedule: ReportSchedule): Promise<void> {
    this.cancelling.set(schedule.id);
    this.cancelError.set('');
    this.cancelDone.set('');
    try {
      await this.schedulesApi.cancel(schedule.id);
      this.cancelDone.set(`Cancelled: ${this.titles.get(schedule.report) ?? schedule.report} is no longer mailed to ${schedule.recipients.join(', ')}.`);
      await this.schedules.reload();
    } catch (error) {
      this.cancelError.set(reportScheduleErrorMessage(error));
    } finally {
      this.cancelling.set(null);
    }
  }
}
