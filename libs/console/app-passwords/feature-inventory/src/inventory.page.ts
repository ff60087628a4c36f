import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { instantOfUtcField, PageState, Pager, utcFieldOf } from '@keyward/console/shared/ui';
import { GenerationStore, RevocationStore, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog } from '@keyward/console/app-passwords/ui';
import { SCOPES, type AppPasswordRow, type GenerationRequest, type RevocationReason, type SortField } from '@keyward/console/app-passwords/util';
import { BulkRevocationStore, RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { BulkRevokeDialog } from '@keyward/console/incidents/ui';
import { urlForView, viewFromUrl, type InventoryView } from './inventory-url';
import { InventoryStore, PAGE_SIZES } from './inventory.store';

/**
 * Every app password of the tenant: server-side filters and sort kept in the URL, cursor pages,
 * multi-select for bulk revocation, and a CSV download of exactly the current view. "As of" shows
 * the inventory as it stood at a past moment (appPasswordsAsOf): every filter and sort as without
 * it, sign-ins included as they stood then, and nothing that changes app passwords.
 */
@Component({
  selector: 'kw-inventory-page',
  imports: [DatePipe, FormsModule, AppPasswordTable, PageState, Pager, GenerateDialog, RevokeDialog, BulkRevokeDialog],
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
  // Revoking is for the present: a row as it stood in the past offers nothing to do.
  protected readonly isRevocable = (row: AppPasswordRow) => !this.store.asOf() && this.session.can('appPasswords.revoke', row.user.id);
  /** The filter being edited; applied to the URL (and so to the table) on submit. */
  protected draft: AppPasswordFilter = {};
  protected neverUsed = '';
  /** The "As of" field (`datetime-local`, UTC); blank: now. */
  protected asOfField = '';
  /** Why the "As of" field cannot be read, or ''. */
  protected asOfProblem = '';

  ngOnInit(): void {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const view = viewFromUrl(params);
      // A select shows its "Any" option only for '', not for a missing value.
      this.draft = { status: '', protocol: '', ...view.filter };
      this.neverUsed = view.filter.isNeverUsed === undefined || view.filter.isNeverUsed === null ? '' : String(view.filter.isNeverUsed);
      this.asOfField = view.asOf ? utcFieldOf(view.asOf) : '';
      this.asOfProblem = '';
      void this.store.show(view.filter, view.sort, view.pageSize, view.asOf ?? null);
    });
  }

  /** Whether the form asks for a past moment (the hint says what that means). */
  protected isAsOf(): boolean {
    return this.asOfField.trim() !== '';
  }

  protected applyFilter(): void {
    const asOf = instantOfUtcField(this.asOfField);
    this.asOfProblem = asOf === undefined ? 'As of must be a date and time (UTC), or blank for now.' : '';
    if (asOf === undefined) return;
    const filter = { ...this.draft, isNeverUsed: this.neverUsed === '' ? null : this.neverUsed === 'true' };
    this.navigate({ filter, asOf: asOf ?? undefined });
  }

  protected resetFilter(): void {
    this.neverUsed = '';
    this.asOfField = '';
    this.navigate({ filter: {}, asOf: undefined });
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

  private navigate(change: Partial<InventoryView>): void {
    const view: InventoryView = { filter: this.store.filter(), sort: this.store.sort(), pageSize: this.store.pageSize(), asOf: this.store.asOf() ?? undefined, ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: urlForView(view) });
  }
}
