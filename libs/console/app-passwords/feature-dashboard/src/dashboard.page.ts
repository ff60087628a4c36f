import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { graphql, GraphQLClient, RequestState, type Gql } from '@keyward/console/shared/data-access';
import { ChartView, PageState, StatCard, type ChartSeries } from '@keyward/console/shared/ui';

const DASHBOARD = graphql(`
  query Dashboard {
    dashboard {
      counts { active expiringSoon unused30Days neverUsed revokedThisWeek rejectedLast24Hours }
      signInsPerDay { day key count } rejectionsPerDay { day key count } activePerDay { day count }
    }
  }
`);

type Dashboard = Gql.DashboardQuery['dashboard'];
type Breakdown = Dashboard['signInsPerDay'][number];

/** Per key, one value for each day (zero where the key has no count that day). */
export function seriesByKey(days: string[], rows: Breakdown[]): ChartSeries[] {
  const keys = [...new Set(rows.map((row) => row.key))].sort();
  return keys.map((key) => {
    const byDay = new Map(rows.filter((row) => row.key === key).map((row) => [row.day, row.count]));
    return { name: key, values: days.map((day) => byDay.get(day) ?? 0) };
  });
}

/** The tenant at a glance: the counts that matter, each a link to its list, and 30 days of history. */
@Component({
  selector: 'kw-dashboard-page',
  imports: [ChartView, PageState, StatCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Dashboard</h1>
    <kw-page-state [isLoading]="request.isLoading()" [error]="request.error()" [isEmpty]="!dashboard()" (retry)="load()">
      @if (dashboard(); as d) {
        <section class="stats" aria-label="Counts">
          <kw-stat-card label="Active app passwords" [value]="d.counts.active" [query]="{ status: 'ACTIVE' }" />
          <kw-stat-card label="Expiring within 14 days" [value]="d.counts.expiringSoon" [query]="{ expiresWithinDays: '14', sort: 'EXPIRES_AT', direction: 'ASC' }" />
          <kw-stat-card label="Unused for 30+ days" [value]="d.counts.unused30Days" [query]="{ unusedForDays: '30', sort: 'LAST_USED_AT', direction: 'ASC' }" />
          <kw-stat-card label="Never used" [value]="d.counts.neverUsed" [query]="{ status: 'ACTIVE', isNeverUsed: 'true' }" />
          <kw-stat-card label="Revoked this week" [value]="d.counts.revokedThisWeek" [query]="{ status: 'REVOKED' }" />
          <kw-stat-card label="Rejected sign-ins, 24 h" [value]="d.counts.rejectedLast24Hours" link="/audit" [query]="{ type: 'AppPasswordRejected,SignInFailed,SignInFailuresSummarized', since: yesterday }" />
        </section>
        <div class="charts">
          <section class="panel"><kw-chart title="Sign-ins per day by protocol" [labels]="labels()" [series]="signIns()" [isStacked]="true" /></section>
          <section class="panel"><kw-chart title="Rejected sign-ins per day by reason" [labels]="labels()" [series]="rejections()" [isStacked]="true" /></section>
          <section class="panel wide"><kw-chart title="Active app passwords" kind="line" [labels]="labels()" [series]="active()" /></section>
        </div>
        <p class="muted">Days are UTC. The plots are drawn from the event history: every use, rejection, generation and revocation.</p>
      }
    </kw-page-state>
  `,
})
export class DashboardPage implements OnInit {
  private readonly graphql = inject(GraphQLClient);
  protected readonly dashboard = signal<Dashboard | null>(null);
  protected readonly request = new RequestState(true);
  /** The audit trail from this day on holds the last 24 hours' rejections. */
  protected readonly yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  private readonly days = computed(() => this.dashboard()?.activePerDay.map((d) => d.day) ?? []);
  protected readonly labels = computed(() => this.days().map((day) => day.slice(5)));
  protected readonly signIns = computed(() => seriesByKey(this.days(), this.dashboard()?.signInsPerDay ?? []));
  protected readonly rejections = computed(() => seriesByKey(this.days(), this.dashboard()?.rejectionsPerDay ?? []));
  protected readonly active = computed(() => [{ name: 'Active', values: this.dashboard()?.activePerDay.map((d) => d.count) ?? [] }]);

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => this.dashboard.set((await this.graphql.request(DASHBOARD)).dashboard));
  }
}
