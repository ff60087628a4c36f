import { computed, inject, Injectable, signal } from '@angular/core';
import { CursorPager } from '@keyward/console/shared/data-access';
import { AppPasswordsApi, exportUrl, toApiFilter, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import type { AppPasswordRow, AppPasswordSort } from '@keyward/console/app-passwords/util';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_SORT: AppPasswordSort = { field: 'CREATED_AT', direction: 'DESC' };

/**
 * The inventory's state: the filter and sort (which the URL carries), the moment it is shown as
 * of (null: now), the current page, and the selected rows. Every filter and sort runs on the server.
 */
@Injectable()
export class InventoryStore {
  private readonly api = inject(AppPasswordsApi);

  readonly filter = signal<AppPasswordFilter>({});
  readonly sort = signal<AppPasswordSort>(DEFAULT_SORT);
  readonly pageSize = signal<number>(50);
  /** The moment the inventory is shown as it stood then (ISO 8601); null: now. */
  readonly asOf = signal<string | null>(null);
  /** Selected rows by id; the selection holds across pages until the view changes. */
  private readonly selection = signal<ReadonlyMap<string, AppPasswordRow>>(new Map());
  readonly selected = computed<ReadonlySet<string>>(() => new Set(this.selection().keys()));
  readonly pager = new CursorPager<AppPasswordRow>((after) => {
    const asOf = this.asOf();
    const filter = toApiFilter(this.filter());
    return asOf ? this.api.listAsOf(asOf, filter, this.sort(), this.pageSize(), after) : this.api.list(filter, this.sort(), this.pageSize(), after);
  });
  /** The CSV of exactly what the table shows, every page of it (of now). */
  readonly csvUrl = computed(() => exportUrl(toApiFilter(this.filter()), this.sort()));
  /** The inventory report as of the moment (reports.read), every app password of the tenant as it stood; null for now. */
  readonly asOfReportUrl = computed(() => {
    const asOf = this.asOf();
    return asOf ? `/reports/inventory?${new URLSearchParams({ format: 'csv', asOf })}` : null;
  });
  /** Active rows of this page, the ones that can be selected. */
  readonly selectable = computed(() => this.pager.rows().filter((row) => row.status === 'ACTIVE'));
  readonly isAllSelected = computed(() => this.selectable().length > 0 && this.selectable().every((row) => this.selected().has(row.id)));

  show(filter: AppPasswordFilter, sort: AppPasswordSort, pageSize: number, asOf: string | null = null): Promise<void> {
    this.filter.set(filter);
    this.sort.set(sort);
    this.pageSize.set(pageSize);
    this.asOf.set(asOf);
    this.selection.set(new Map());
    return this.pager.first();
  }

  toggle(id: string): void {
    const row = this.pager.rows().find((candidate) => candidate.id === id);
    this.selection.update((selection) => {
      const next = new Map(selection);
      if (!next.delete(id) && row) next.set(id, row);
      return next;
    });
  }

  /** Selects every active row of this page, or unselects them when all already are. */
  toggleAll(): void {
    const isAll = this.isAllSelected();
    this.selection.update((selection) => {
      const next = new Map(selection);
      for (const row of this.selectable()) {
        if (isAll) next.delete(row.id);
        else next.set(row.id, row);
      }
      return next;
    });
  }

  selectedRows(): AppPasswordRow[] {
    return [...this.selection().values()];
  }

  clearSelection(): void {
    this.selection.set(new Map());
  }
}
