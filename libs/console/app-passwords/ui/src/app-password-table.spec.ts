import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { AppPasswordRow, AppPasswordSort, SortField } from '@keyward/console/app-passwords/util';
import { AppPasswordTable } from './app-password-table';
import { AppPasswordTableHarness } from './testing/app-password-table.harness';

const row = (id: string, label: string, status: AppPasswordRow['status']): AppPasswordRow => ({
  id,
  label,
  status,
  scopes: ['imap'],
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'user:a',
  expiresAt: null,
  lastUsedAt: null,
  lastUsedIp: null,
  lastUsedProtocol: null,
  lastUsedClient: null,
  useCount: 0,
  revokedAt: null,
  revokedBy: null,
  revokeReason: null,
  user: { id: 'u1', userPrincipalName: 'alice@contoso.example' },
});

@Component({
  imports: [AppPasswordTable],
  template: `<kw-app-password-table [rows]="rows" [sort]="sort()" [isSelectable]="true" [selected]="selected()" [isRevocable]="everyRow"
    (sortBy)="sorted.push($event)" (toggle)="toggle($event)" (toggleAll)="toggleAll()" (revoke)="revoked.push($event.id)" />`,
})
class Host {
  rows = [row('k1', 'Thunderbird', 'ACTIVE'), row('k2', 'Old phone', 'REVOKED'), row('k3', 'Scanner', 'ACTIVE')];
  sort = signal<AppPasswordSort>({ field: 'CREATED_AT', direction: 'DESC' });
  selected = signal<ReadonlySet<string>>(new Set());
  everyRow = () => true;
  sorted: SortField[] = [];
  revoked: string[] = [];
  toggle(id: string) {
    const next = new Set(this.selected());
    if (!next.delete(id)) next.add(id);
    this.selected.set(next);
  }
  toggleAll() {
    this.selected.set(new Set(this.rows.filter((r) => r.status === 'ACTIVE').map((r) => r.id)));
  }
}

async function setUp() {
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(Host);
  const table = await TestbedHarnessEnvironment.harnessForFixture(fixture, AppPasswordTableHarness);
  return { host: fixture.componentInstance, table };
}

describe('the app-password table', () => {
  it('shows every row, and tells assistive technology how it is sorted', async () => {
    const { table } = await setUp();
    expect(await table.getLabels()).toEqual(['Thunderbird', 'Old phone', 'Scanner']);
    expect(await table.getAriaSort()).toEqual({ Created: 'descending' });
  });

  it('asks the page to sort when a column title is clicked', async () => {
    const { host, table } = await setUp();
    await table.sortBy('Label');
    await table.sortBy('Last used');
    expect(host.sorted).toEqual(['LABEL', 'LAST_USED_AT']);
  });

  it('offers only active app passwords for selection and revocation', async () => {
    const { host, table } = await setUp();
    expect(await table.getSelectableNames()).toEqual(['Select Thunderbird of alice@contoso.example', 'Select Scanner of alice@contoso.example']);
    expect(await table.hasRevokeButton('Old phone')).toBe(false);
    await table.toggleAll();
    expect(await table.getCheckedNames()).toHaveLength(2);
    await table.revoke('Scanner');
    expect(host.revoked).toEqual(['k3']);
  });
});
