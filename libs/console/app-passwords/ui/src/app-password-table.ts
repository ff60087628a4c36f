import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AppPasswordRow, AppPasswordSort, SortField } from '@keyward/console/app-passwords/util';

interface Column {
  field: SortField | null;
  title: string;
}

/**
 * App passwords as a table: sortable headers, optional selection of active rows, links to each
 * credential and owner, and a revoke action per row. It presents; the page decides.
 */
@Component({
  selector: 'kw-app-password-table',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table [attr.aria-label]="caption()" [attr.aria-busy]="isLoading()">
      <thead>
        <tr>
          @if (isSelectable()) {
            <th class="narrow">
              <input type="checkbox" aria-label="Select every active app password on this page" [checked]="isAllSelected()" (change)="toggleAll.emit()" />
            </th>
          }
          @for (column of columns(); track column.title) {
            <th scope="col" [attr.aria-sort]="ariaSort(column.field)">
              @if (column.field && sort(); as current) {
                <button type="button" class="sort" (click)="sortBy.emit(column.field)">
                  {{ column.title }}<span aria-hidden="true">{{ current.field === column.field ? (current.direction === 'ASC' ? ' ▲' : ' ▼') : '' }}</span>
                </button>
              } @else {
                {{ column.title }}
              }
            </th>
          }
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr [class.selected]="selected().has(row.id)">
            @if (isSelectable()) {
              <td class="narrow">
                @if (row.status === 'ACTIVE') {
                  <input type="checkbox" [attr.aria-label]="'Select ' + row.label + ' of ' + row.user.userPrincipalName" [checked]="selected().has(row.id)" (change)="toggle.emit(row.id)" />
                }
              </td>
            }
            <td><a [routerLink]="['/app-passwords', row.id]">{{ row.label }}</a><br /><code class="muted">{{ row.id }}</code></td>
            @if (showUser()) {
              <td>
                @if (linksUsers()) { <a [routerLink]="['/users', row.user.id]">{{ row.user.userPrincipalName }}</a> } @else { {{ row.user.userPrincipalName }} }
              </td>
            }
            <td><span class="status status-{{ row.status }}">{{ row.status }}</span>
              @if (row.revokeReason) { <br /><span class="muted">{{ row.revokeReason }}</span> }</td>
            <td>{{ row.scopes.join(', ') }}</td>
            <td>{{ row.createdAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</td>
            <td>{{ row.expiresAt ? (row.expiresAt | date: 'yyyy-MM-dd' : 'UTC') : 'never' }}</td>
            <td>
              @if (row.lastUsedAt) { {{ row.lastUsedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}<br /><span class="muted">{{ row.lastUsedProtocol }} from {{ row.lastUsedIp }}</span> }
              @else { <span class="muted">never</span> }
            </td>
            <td class="number">{{ row.useCount }}</td>
            <td>
              @if (row.status === 'ACTIVE' && isRevocable()(row)) {
                <button type="button" class="danger small" (click)="revoke.emit(row)" [attr.aria-label]="'Revoke ' + row.label + ' of ' + row.user.userPrincipalName">Revoke</button>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AppPasswordTable {
  readonly rows = input.required<AppPasswordRow[]>();
  readonly caption = input('App passwords');
  readonly isLoading = input(false);
  /** The current sort; null when the table cannot be sorted. */
  readonly sort = input<AppPasswordSort | null>(null);
  /** Whether rows can be selected for a bulk action. */
  readonly isSelectable = input(false);
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly isAllSelected = input(false);
  /** Whether to show the owner column (not on one user's own list). */
  readonly showUser = input(true);
  /** Whether owners link to their user page (tenant-wide readers only). */
  readonly linksUsers = input(false);
  /** Whether the viewer may revoke this row's app password (the page asks the session). */
  readonly isRevocable = input<(row: AppPasswordRow) => boolean>(() => false);
  readonly sortBy = output<SortField>();
  readonly toggle = output<string>();
  readonly toggleAll = output<void>();
  readonly revoke = output<AppPasswordRow>();

  protected readonly columns = computed<Column[]>(() => [
    { field: 'LABEL', title: 'Label' },
    ...(this.showUser() ? [{ field: 'USER' as const, title: 'User' }] : []),
    { field: null, title: 'Status' },
    { field: null, title: 'Scopes' },
    { field: 'CREATED_AT', title: 'Created' },
    { field: 'EXPIRES_AT', title: 'Expires' },
    { field: 'LAST_USED_AT', title: 'Last used' },
    { field: 'USE_COUNT', title: 'Uses' },
  ]);

  protected ariaSort(field: SortField | null): string | null {
    const sort = this.sort();
    if (!field || !sort || sort.field !== field) return null;
    return sort.direction === 'ASC' ? 'ascending' : 'descending';
  }
}
