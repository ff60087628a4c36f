import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { messageOf } from '@keyward/console/shared/data-access';
import {
  AccessReviewsApi,
  REPORT_NAMES,
  ReportPreviewStore,
  reportUrl,
  type AccessReview,
  type ReportFormat,
  type ReportName,
} from '@keyward/console/compliance/data-access';
import { REPORTS } from './report-catalog';
import { emptyDraft, requestOf, type DraftOutcome, type ReportDraft } from './report-draft';
import { ReportPreviewView } from './report-preview';

/** How many reviews the access-review report offers to choose from, newest first. */
export const REVIEW_CHOICES = 100;

/**
 * Compliance reports for auditors and global admins (reports.read): each report with a line on
 * what it answers, its inputs, a preview of its first rows (with the row count and the audit-log
 * checkpoint it was drawn from), and links that download all of it as CSV or PDF.
 */
@Component({
  selector: 'kw-reports-page',
  imports: [DatePipe, ReportPreviewView],
  providers: [ReportPreviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styles: `
    .report-inputs { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 8px; }
    .report-inputs .hint { flex-basis: 100%; margin: 0; }
    .report h2 { margin-bottom: 4px; }
    .report > p { margin: 0 0 12px; }
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

  async ngOnInit(): Promise<void> {
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
}
