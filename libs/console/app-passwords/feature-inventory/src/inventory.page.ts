import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SessionStore } from '@keyward/console/shared/data-access';
import { GenerateDialog } from './generate-dialog';
import { InventoryStore, type InventoryFilter } from './inventory.store';
import { RevokeDialog } from './revoke-dialog';

/** The tenant's app passwords (a user's own, for role USER): filter, page, generate, revoke. */
@Component({
  selector: 'kw-inventory-page',
  imports: [FormsModule, DatePipe, GenerateDialog, RevokeDialog],
  providers: [InventoryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>App passwords</h1>
    <form class="toolbar" (ngSubmit)="applyFilter()" role="search">
      <label class="grow">Search label or user
        <input name="search" [(ngModel)]="draft.search" placeholder="e.g. Thunderbird or alice@" />
      </label>
      <label>Status
        <select name="status" [(ngModel)]="draft.status">
          <option value="">Any</option>
          <option value="ACTIVE">Active</option>
          <option value="REVOKED">Revoked</option>
          <option value="EXPIRED">Expired</option>
        </select>
      </label>
      <button type="submit" class="secondary">Apply</button>
      @if (canGenerate()) {
        <button type="button" (click)="generateDialog().open()">Generate app password</button>
      }
    </form>
    @if (store.error()) {
      <p class="error" role="alert">{{ store.error() }} <button type="button" class="secondary" (click)="store.load()">Retry</button></p>
    }
    <table aria-label="App passwords" [attr.aria-busy]="store.isLoading()">
      <thead>
        <tr><th>Label</th><th>User</th><th>Status</th><th>Scopes</th><th>Created</th><th>Expires</th><th>Last used</th><th>Uses</th><th><span class="muted">Actions</span></th></tr>
      </thead>
      <tbody>
        @for (row of store.rows(); track row.id) {
          <tr>
            <td>{{ row.label }}<br /><code class="muted">{{ row.id }}</code></td>
            <td>{{ row.user.userPrincipalName }}</td>
            <td><span class="status status-{{ row.status }}">{{ row.status }}</span>
              @if (row.revokeReason) { <br /><span class="muted">{{ row.revokeReason }}</span> }</td>
            <td>{{ row.scopes.join(', ') }}</td>
            <td>{{ row.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ row.expiresAt ? (row.expiresAt | date: 'yyyy-MM-dd') : '—' }}</td>
            <td>
              @if (row.lastUsedAt) { {{ row.lastUsedAt | date: 'yyyy-MM-dd HH:mm' }}<br /><span class="muted">{{ row.lastUsedProtocol }} from {{ row.lastUsedIp }}</span> }
              @else { <span class="muted">never</span> }
            </td>
            <td>{{ row.useCount }}</td>
            <td>
              @if (session.canRevoke() && row.status === 'ACTIVE') {
                <button type="button" class="danger" (click)="revokeDialog().open(row)" [attr.aria-label]="'Revoke ' + row.label">Revoke</button>
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="9" class="empty">{{ store.isLoading() ? 'Loading…' : 'No app passwords match.' }}</td></tr>
        }
      </tbody>
    </table>
    <div class="pager">
      <span class="muted">{{ store.totalCount() }} in all · page {{ store.pageNumber() }}</span>
      <button type="button" class="secondary" [disabled]="store.pageNumber() === 1" (click)="store.previousPage()">Previous</button>
      <button type="button" class="secondary" [disabled]="!store.hasNextPage()" (click)="store.nextPage()">Next</button>
    </div>
    <kw-generate-dialog (generated)="store.load()" />
    <kw-revoke-dialog (revoked)="store.load()" />
  `,
})
export class InventoryPage implements OnInit {
  protected readonly store = inject(InventoryStore);
  protected readonly session = inject(SessionStore);
  protected readonly generateDialog = viewChild.required(GenerateDialog);
  protected readonly revokeDialog = viewChild.required(RevokeDialog);
  protected draft: InventoryFilter = { search: '', status: '' };

  ngOnInit(): void {
    void this.store.load();
  }

  protected canGenerate(): boolean {
    return this.session.isGlobalAdmin() || (this.session.me()?.roles.includes('USER') ?? false);
  }

  protected applyFilter(): void {
    void this.store.applyFilter({ ...this.draft });
  }
}
