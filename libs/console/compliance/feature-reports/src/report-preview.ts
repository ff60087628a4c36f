import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PREVIEW_ROWS, type PreviewState } from '@keyward/console/compliance/data-access';

/**
 * One report's preview: its first rows in a table (scrolling on its own when the report is wide),
 * how many rows it has in all and the audit-log checkpoint it was drawn from; a report without
 * rows says so; a refusal is an alert.
 */
@Component({
  selector: 'kw-report-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'report-preview' },
  styles: `
    .preview-scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; }
    .preview-scroll table { width: max-content; min-width: 100%; }
    .preview-scroll td { overflow-wrap: normal; white-space: nowrap; max-width: 40ch; overflow: hidden; text-overflow: ellipsis; }
    .preview-facts { margin: 12px 0 8px; }
  `,
  template: `
    @let current = state();
    @switch (current.status) {
      @case ('loading') {
        <p class="loading" role="status">Drawing the report…</p>
      }
      @case ('failed') {
        <p class="error preview-error" role="alert">{{ current.message }}</p>
      }
      @case ('shown') {
        <p class="preview-facts" role="status">{{ summary() }}</p>
        @if (current.preview.rows.length === 0) {
          <p class="empty">No rows: nothing in the tenant matches this report with these parameters.</p>
        } @else {
          <div class="preview-scroll" tabindex="0" role="region" [attr.aria-label]="'Preview of ' + title() + ', scrolls sideways'">
            <table [attr.aria-label]="'Preview of ' + title()">
              <thead><tr>@for (column of current.preview.columns; track $index) { <th scope="col">{{ column }}</th> }</tr></thead>
              <tbody>
                @for (row of current.preview.rows; track $index) {
                  <tr>@for (cell of row; track $index) { <td [attr.title]="cell.length > 40 ? cell : null">{{ cell }}</td> }</tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    }
  `,
})
export class ReportPreviewView {
  readonly state = input.required<PreviewState>();
  /** The report's title, which names the table. */
  readonly title = input.required<string>();

  /** "The first 20 of 57 rows · drawn from audit-log checkpoint 42 · As of …". */
  protected readonly summary = computed(() => {
    const state = this.state();
    if (state.status !== 'shown') return '';
    const { totalRows, rows, checkpointSize, period } = state.preview;
    const count = totalRows > rows.length ? `The first ${PREVIEW_ROWS} of ${totalRows} rows` : `${totalRows} ${totalRows === 1 ? 'row' : 'rows'}`;
    const checkpoint = checkpointSize === null ? '' : ` · drawn from audit-log checkpoint ${checkpointSize}`;
    return `${count}${checkpoint}${period ? ` · ${period}` : ''}`;
  });
}
