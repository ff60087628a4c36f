import { computed, inject, Injectable, signal } from '@angular/core';
import { CursorPager } from '@keyward/console/shared/data-access';
import type { AlertFilter, AlertRow } from '@keyward/console/incidents/util';
import { alertErrorMessage } from './alert-errors';
import { AlertsApi } from './alerts.api';
import { IncidentsApi } from './incidents.api';

export const ALERTS_PAGE_SIZE = 25;

/**
 * The tenant's alerts: the filter, cursor pages, and acknowledging one, which changes its row in
 * place (it stays on the page, whatever the filter, until the list is read again). Who
 * acknowledged is named as a person where the viewer may read users.
 */
@Injectable()
export class AlertListStore {
  private readonly api = inject(AlertsApi);
  private readonly incidents = inject(IncidentsApi);
  private readonly acknowledgingIds = signal<ReadonlySet<string>>(new Set());

  /** The alerts being acknowledged now, by id. */
  readonly acknowledging = this.acknowledgingIds.asReadonly();
  readonly filter = signal<AlertFilter>({});
  readonly isFiltered = computed(() => Object.values(this.filter()).some((value) => value !== undefined && value !== ''));
  readonly pager = new CursorPager<AlertRow>(async (after) => {
    try {
      const page = await this.api.list(this.filter(), ALERTS_PAGE_SIZE, after);
      void this.nameActors(page.edges.map((edge) => edge.node));
      return page;
    } catch (error) {
      throw new Error(alertErrorMessage(error));
    }
  });
  /** `user:<id>` → principal name, for who acknowledged. */
  readonly names = signal<ReadonlyMap<string, string>>(new Map());
  /** Why the last acknowledgement failed, or ''. */
  readonly actionError = signal('');

  /** Shows the first page of what the filter matches. */
  show(filter: AlertFilter): Promise<void> {
    this.filter.set(filter);
    this.actionError.set('');
    return this.pager.first();
  }

  /** Acknowledges the alert and shows it as the server now has it; false when refused (`actionError` says why). */
  async acknowledge(id: string): Promise<boolean> {
    this.acknowledgingIds.update((ids) => new Set(ids).add(id));
    this.actionError.set('');
    try {
      const acknowledged = await this.api.acknowledge(id);
      this.pager.rows.update((rows) => rows.map((row) => (row.id === id ? acknowledged : row)));
      await this.nameActors([acknowledged]);
      return true;
    } catch (error) {
      this.actionError.set(alertErrorMessage(error));
      return false;
    } finally {
      this.acknowledgingIds.update((ids) => new Set([...ids].filter((other) => other !== id)));
    }
  }

  private async nameActors(rows: AlertRow[]): Promise<void> {
    const actors = rows.map((row) => row.acknowledgedBy).filter((actor): actor is string => !!actor && !this.names().has(actor));
    if (actors.length === 0) return;
    const found = await this.incidents.actorNames(actors);
    this.names.update((names) => new Map([...names, ...found]));
  }
}
