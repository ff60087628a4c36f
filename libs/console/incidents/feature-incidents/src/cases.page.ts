import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CursorPager, SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { IncidentsApi, type CaseSummary } from '@keyward/console/incidents/data-access';
import { CASE_STATUS_WORDS } from '@keyward/console/incidents/ui';
import { progressOf } from '@keyward/console/incidents/util';

export const CASES_PAGE_SIZE = 25;

/** Every revocation case of the tenant, newest first, dry runs marked: status, progress, incident, who and when. */
@Component({
  selector: 'kw-cases-page',
  imports: [DatePipe, RouterLink, PageState, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="title-row">
      <h1>Revocation cases</h1>
      @if (session.can('incidents.respond')) { <a class="button" routerLink="/incidents">Revoke or suspend by query</a> }
    </div>
    <kw-page-state [isLoading]="cases.isLoading()" [error]="cases.error()" [isEmpty]="cases.isEmpty()" (retry)="cases.reload()"
      emptyText="No revocation case yet. Cases appear here once someone previews or revokes by query.">
      <table aria-label="Revocation cases" [attr.aria-busy]="cases.isLoading()">
        <thead>
          <tr>
            <th scope="col">Incident</th><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Progress</th>
            <th scope="col">Requested by</th><th scope="col">When (UTC)</th>
          </tr>
        </thead>
        <tbody>
          @for (c of cases.rows(); track c.id) {
            <tr [class.dry-run]="c.status === 'DRY_RUN'">
              <td><a [routerLink]="['/incidents/cases', c.id]">{{ c.incidentRef || '(no reference)' }}</a><br /><span class="muted">{{ c.reason }}</span></td>
              <td>{{ c.action === 'SUSPEND' ? 'Suspend' : 'Revoke' }}</td>
              <td>
                <span class="status status-{{ c.status }}">{{ statusWords[c.status] }}</span>
                @if (c.reinstatement; as r) { <br /><span class="muted">{{ r.status === 'DONE' ? 'reinstated' : 'reinstating' }}</span> }
              </td>
              <td>
                @if (c.status === 'DRY_RUN') { <span class="muted">preview: {{ c.matched }} matched</span> }
                @else {
                  <progress max="100" [value]="progress(c).percent" [attr.aria-label]="'Progress of ' + (c.incidentRef || 'case')"></progress>
                  <span class="muted">{{ progress(c).done }} of {{ c.matched }}</span>
                }
              </td>
              <td>{{ names().get(c.requestedBy) ?? c.requestedBy }}</td>
              <td>{{ c.requestedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </kw-page-state>
    <kw-pager [totalCount]="cases.totalCount()" [pageNumber]="cases.pageNumber()" [hasNextPage]="cases.hasNextPage()" [isLoading]="cases.isLoading()"
      noun="cases" (previous)="cases.previous()" (next)="cases.next()" />
  `,
})
export class CasesPage implements OnInit {
  private readonly api = inject(IncidentsApi);
  protected readonly session = inject(SessionStore);
  protected readonly statusWords = CASE_STATUS_WORDS;
  protected readonly names = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly cases = new CursorPager<CaseSummary>(async (after) => {
    const page = await this.api.list(CASES_PAGE_SIZE, after);
    void this.api.actorNames(page.edges.map((edge) => edge.node.requestedBy)).then((names) => this.names.set(names));
    return page;
  });
  protected readonly progress = progressOf;

  ngOnInit(): void {
    void this.cases.first();
  }
}
