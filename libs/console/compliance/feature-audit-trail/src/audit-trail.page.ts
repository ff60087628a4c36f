import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { CursorPager, graphql, GraphQLClient, type Gql } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';


const AUDIT_EVENTS = graphql(`
  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor actorName streamId data } }
    }
  }
`);

type AuditRow = Gql.AuditQuery['auditEvents']['edges'][number]['node'];

/** Every event of the tenant, oldest first, filterable by type and time; `?type=A,B&since=ISO` links here. */
@Component({
  selector: 'kw-audit-trail-page',
  imports: [FormsModule, DatePipe, JsonPipe, PageState, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Audit trail</h1>
    <form class="toolbar" (ngSubmit)="events.first()" role="search" aria-label="Filter events">
      <label class="grow">Event types (comma-separated)
        <input name="type" [(ngModel)]="types" placeholder="e.g. AppPasswordRevoked, TenantPolicyChanged" />
      </label>
      <label>Since
        <input name="since" type="date" [(ngModel)]="since" />
      </label>
      <button type="submit" class="secondary">Apply</button>
    </form>
    <kw-page-state [isLoading]="events.isLoading()" [error]="events.error()" [isEmpty]="events.isEmpty()" emptyText="No events match." (retry)="events.reload()">
      <table aria-label="Audit events">
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Event</th><th scope="col">Actor</th><th scope="col">Stream</th><th scope="col">Data</th></tr></thead>
        <tbody>
          @for (row of events.rows(); track row.id) {
            <tr>
              <td>{{ row.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' : 'UTC' }}</td>
              <td>{{ row.type }}</td>
              <td>{{ row.actorName }}@if (row.actorName !== row.actor) { <br /><code class="muted">{{ row.actor }}</code> }</td>
              <td><code>{{ row.streamId }}</code></td>
              <td><code class="data">{{ row.data | json }}</code></td>
            </tr>
          }
        </tbody>
      </table>
    </kw-page-state>
    <kw-pager [totalCount]="events.totalCount()" [pageNumber]="events.pageNumber()" [hasNextPage]="events.hasNextPage()" [isLoading]="events.isLoading()"
      noun="events" (previous)="events.previous()" (next)="events.next()" />
  `,
})
export class AuditTrailPage implements OnInit {
  private readonly graphql = inject(GraphQLClient);
  private readonly route = inject(ActivatedRoute);
  protected types = '';
  protected since = '';
  protected readonly events = new CursorPager<AuditRow>(async (after) => {
    const types = this.types.split(',').map((type) => type.trim()).filter(Boolean);
    const filter = { types: types.length ? types : null, occurredAfter: this.since ? new Date(this.since).toISOString() : null };
    const data = await this.graphql.request(AUDIT_EVENTS, { filter, first: 50, after });
    return data.auditEvents;
  });

  ngOnInit(): void {
    const params = this.route.snapshot.queryParamMap;
    this.types = params.get('type') ?? '';
    this.since = params.get('since') ?? '';
    void this.events.first();
  }
}
