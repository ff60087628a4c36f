import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';

interface AuditRow {
  id: string;
  type: string;
  occurredAt: string;
  actor: string;
  streamId: string;
  data: unknown;
}

const AUDIT_EVENTS = `query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor streamId data } }
  }
}`;
const PAGE_SIZE = 50;

/** Every event of the tenant, oldest first, filterable by type. */
@Component({
  selector: 'kw-audit-trail-page',
  imports: [FormsModule, DatePipe, JsonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Audit trail</h1>
    <form class="toolbar" (ngSubmit)="reload()" role="search">
      <label class="grow">Event type
        <input name="type" [(ngModel)]="type" placeholder="e.g. AppPasswordRevoked" />
      </label>
      <button type="submit" class="secondary">Apply</button>
    </form>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    <table aria-label="Audit events">
      <thead><tr><th>When</th><th>Event</th><th>Actor</th><th>Stream</th><th>Data</th></tr></thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr>
            <td>{{ row.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            <td>{{ row.type }}</td>
            <td><code>{{ row.actor }}</code></td>
            <td><code>{{ row.streamId }}</code></td>
            <td><code>{{ row.data | json }}</code></td>
          </tr>
        } @empty {
          <tr><td colspan="5" class="empty">{{ isLoading() ? 'Loading…' : 'No events match.' }}</td></tr>
        }
      </tbody>
    </table>
    <div class="pager">
      <span class="muted">{{ rows().length }} of {{ totalCount() }}</span>
      <button type="button" class="secondary" [disabled]="!endCursor()" (click)="loadMore()">Load more</button>
    </div>
  `,
})
export class AuditTrailPage implements OnInit {
  private readonly graphql = inject(GraphQLClient);
  protected readonly rows = signal<AuditRow[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly isLoading = signal(false);
  protected readonly error = signal('');
  protected type = '';

  ngOnInit(): void {
    void this.reload();
  }

  protected reload(): Promise<void> {
    this.rows.set([]);
    this.endCursor.set(null);
    return this.loadMore();
  }

  protected async loadMore(): Promise<void> {
    this.isLoading.set(true);
    try {
      const data = await this.graphql.request<{
        auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AuditRow }[] };
      }>(AUDIT_EVENTS, { filter: { types: this.type ? [this.type.trim()] : null }, first: PAGE_SIZE, after: this.endCursor() });
      this.rows.update((rows) => [...rows, ...data.auditEvents.edges.map((edge) => edge.node)]);
      this.totalCount.set(data.auditEvents.totalCount);
      this.endCursor.set(data.auditEvents.pageInfo.hasNextPage ? data.auditEvents.pageInfo.endCursor : null);
      this.error.set('');
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isLoading.set(false);
    }
  }
}
