import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { GenerationStore, RevocationStore, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog } from '@keyward/console/app-passwords/ui';
import { SCOPES, type AppPasswordRow, type GenerationRequest, type RevocationReason, type SortField } from '@keyward/console/app-passwords/util';
import { BulkRevocationStore, RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { BulkRevokeDialog } from '@keyward/console/incidents/ui';
import { urlForView, viewFromUrl } from './inventory-url';
import { InventoryStore, PAGE_SIZES } from './inventory.store';

/**
 * Every app password of the tenant: server-side filters and sort kept in the URL, cursor pages,
 * multi-select for bulk revocation, and a CSV download of exactly the current view.
 */
@Component({
  selector: 'kw-inventory-page',
  imports: [FormsModule, AppPasswordTable, PageState, Pager, GenerateDialog, RevokeDialog, BulkRevokeDialog],
  providers: [InventoryStore, RevocationStore, GenerationStore, BulkRevocationStore, RevocationCaseStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inventory.page.html',
})
export class InventoryPage implements OnInit {
  protected readonly store = inject(InventoryStore);
  protected readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly revocation = inject(RevocationStore);
  protected readonly generation = inject(GenerationStore);
  protected readonly bulkRevocation = inject(BulkRevocationStore);
  protected readonly scopes = SCOPES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly isRevocable = (row: AppPasswordRow) => this.session.can('appPasswords.revoke', row.user.id);
  /** The filter being edited; applied to the URL (and so to the table) on submit. */
  protected draft: AppPasswordFilter = {};
  protected neverUsed = '';

  ngOnInit(): void {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const view = viewFromUrl(params);
      // A select shows its "Any" option only for '', not for a missing value.
      this.draft = { status: '', protocol: '', ...view.filter };
      this.neverUsed = view.filter.isNeverUsed === undefined || view.filter.isNeverUsed === null ? '' : String(view.filter.isNeverUsed);
      void this.store.show(view.filter, view.sort, view.pageSize);
    });
  }

  protected applyFilter(): void {
    const filter = { ...this.draft, isNeverUsed: this.neverUsed === '' ? null : this.neverUsed === 'true' };
    this.navigate({ filter });
  }

  protected resetFilter(): void {
    this.neverUsed = '';
    this.navigate({ filter: {} });
  }

  protected sortBy(field: SortField): void {
    const current = this.store.sort();
    // A new column starts in its natural order: names A to Z, expiry soonest first, the rest newest or most first.
    const natural = field === 'LABEL' || field === 'USER' || field === 'EXPIRES_AT' ? 'ASC' : 'DESC';
    const direction = current.field !== field ? natural : current.direction === 'DESC' ? 'ASC' : 'DESC';
    this.navigate({ sort: { field, direction } });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: Number(pageSize) });
  }

  protected revokeSelected(): void {
    this.bulkRevocation.open({ ids: this.store.selectedRows().map((row) => row.id), origin: 'selected', reason: '' });
  }

  protected async revoke(reason: RevocationReason): Promise<void> {
    if (await this.revocation.confirm(reason)) await this.store.pager.reload();
  }

  protected async generate(request: GenerationRequest): Promise<void> {
    if (await this.generation.generate(request)) await this.store.pager.reload();
  }

  private navigate(change: Partial<{ filter: AppPasswordFilter; sort: ReturnType<InventoryStore['sort']>; pageSize: number }>): void {
    const view = { filter: this.store.filter(), sort: this.store.sort(), pageSize: this.store.pageSize(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: urlForView(view) });
  }
}
