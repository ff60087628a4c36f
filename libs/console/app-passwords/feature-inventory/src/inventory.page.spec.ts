import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { SessionStore, type ConnectionPage, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { AppPasswordsApi, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import type { AppPasswordRow, AppPasswordSort } from '@keyward/console/app-passwords/util';
import { InventoryPage } from './inventory.page';
import { InventoryPageHarness } from './testing/inventory-page.harness';

const ADMIN: Permission[] = ['appPasswords.read', 'appPasswords.revoke', 'appPasswords.generate', 'incidents.respond', 'users.read', 'reports.read'];

function rowOf(id: string, label: string): AppPasswordRow {
  return {
    id, label, status: 'ACTIVE', scopes: ['imap'], createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'user:admin', expiresAt: null, lastUsedAt: null, lastUsedIp: null,
    lastUsedProtocol: null, lastUsedClient: null, useCount: 0, revokedAt: null, revokedBy: null, revokeReason: null, user: { id: 'u-alice', userPrincipalName: 'alice@contoso.example' },
  };
}

/** The inventory's reads: the present (`list`) and a past moment (`listAsOf`), each recorded. */
class InventoryApiDouble {
  readonly calls: { call: 'list' | 'listAsOf'; at?: string; filter: AppPasswordFilter; sort: AppPasswordSort }[] = [];
  rows = [rowOf('k1', 'Thunderbird'), rowOf('k2', 'Phone')];

  async list(filter: AppPasswordFilter, sort: AppPasswordSort): Promise<ConnectionPage<AppPasswordRow>> {
    this.calls.push({ call: 'list', filter, sort });
    return this.page();
  }

  async listAsOf(at: string, filter: AppPasswordFilter, sort: AppPasswordSort): Promise<ConnectionPage<AppPasswordRow>> {
    this.calls.push({ call: 'listAsOf', at, filter, sort });
    return this.page();
  }

  private page(): ConnectionPage<AppPasswordRow> {
    return { totalCount: this.rows.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: this.rows.map((node) => ({ node })) };
  }
}

async function showInventory(url = '/app-passwords', granted: Permission[] = ADMIN) {
  const api = new InventoryApiDouble();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'app-passwords', component: InventoryPage }]),
      { provide: AppPasswordsApi, useValue: api },
      { provide: SessionStore, useValue: new SessionDouble(granted) },
    ],
  });
  const router = await RouterTestingHarness.create();
  await router.navigateByUrl(url, InventoryPage);
  await router.fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(router.fixture, InventoryPageHarness);
  return { api, page, settle: () => router.fixture.whenStable() };
}

describe('the inventory as of a past moment', () => {
  it('reads the inventory as it stood at the moment typed (UTC), keeping it in the URL', async () => {
    const { api, page, settle } = await showInventory();
    expect(await page.getAsOfHint()).toBe('Blank: now. A past moment shows the inventory as it stood then.');
    await page.fill('user', 'alice');
    await page.fill('asOf', '2026-09-30T23:59:30');
    await page.applyFilters();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/app-passwords?user=alice&asOf=2026-09-30T23:59:30.000Z');
    expect(api.calls.at(-1)).toEqual({ call: 'listAsOf', at: '2026-09-30T23:59:30.000Z', filter: { user: 'alice' }, sort: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(await page.getCount()).toBe('2 app passwords match as of 2026-09-30 23:59:30 UTC');
  });

  it('keeps every filter on, the sign-in ones meaning sign-ins as they stood, and says so', async () => {
    const { api, page, settle } = await showInventory();
    await page.fill('asOf', '2026-09-30T00:00');
    expect(await page.getDisabledFields()).toEqual([]);
    expect(await page.getAsOfHint()).toBe('The moment applies to statuses, owners, labels and sign-ins alike.');
    await page.fill('neverUsed', 'true');
    await page.fill('protocol', 'smtp');
    await page.fill('lastUsedBefore', '2026-09-20');
    await page.applyFilters();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/app-passwords?protocol=smtp&lastUsedBefore=2026-09-20&isNeverUsed=true&asOf=2026-09-30T00:00:00.000Z');
    expect(api.calls.at(-1)).toEqual({
      call: 'listAsOf',
      at: '2026-09-30T00:00:00.000Z',
      filter: { protocol: 'smtp', lastUsedBefore: '2026-09-21T00:00:00.000Z', isNeverUsed: true },
      sort: { field: 'CREATED_AT', direction: 'DESC' },
    });
  });

  it('takes the sign-in filters and the sorts by use a link brings along, and shows the moment it names', async () => {
    const { api, page } = await showInventory('/app-passwords?asOf=2026-09-30T00:00:00Z&protocol=imap&unusedForDays=30&sort=LAST_USED_AT&label=Mail');
    expect(api.calls).toEqual([
      { call: 'listAsOf', at: '2026-09-30T00:00:00.000Z', filter: { label: 'Mail', protocol: 'imap', unusedForDays: 30 }, sort: { field: 'LAST_USED_AT', direction: 'DESC' } },
    ]);
    // The field shows the moment in UTC (a browser leaves zero seconds out).
    expect(await page.getValue('asOf')).toBe('2026-09-30T00:00');
    expect(await page.getValue('protocol')).toBe('imap');
    expect(await page.getValue('unusedForDays')).toBe('30');
  });

  it('hides what changes app passwords, and sorts on every column, by use too', async () => {
    const { api, page, settle } = await showInventory('/app-passwords?asOf=2026-09-30T00:00:00.000Z');
    expect(await page.getActions()).toEqual(['Download the inventory as of then (CSV)', 'Generate app password']);
    expect(await page.getDownloadUrl()).toBe('/reports/inventory?format=csv&asOf=2026-09-30T00%3A00%3A00.000Z');
    const table = (await page.table())!;
    expect(await table.getSelectableNames()).toEqual([]);
    expect(await table.hasRevokeButton('Thunderbird')).toBe(false);
    await table.sortBy('Uses');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/app-passwords?sort=USE_COUNT&direction=DESC&asOf=2026-09-30T00:00:00.000Z');
    expect(api.calls.at(-1)).toEqual({ call: 'listAsOf', at: '2026-09-30T00:00:00.000Z', filter: {}, sort: { field: 'USE_COUNT', direction: 'DESC' } });
    await table.sortBy('Last used');
    await settle();
    expect(api.calls.at(-1)).toEqual({ call: 'listAsOf', at: '2026-09-30T00:00:00.000Z', filter: {}, sort: { field: 'LAST_USED_AT', direction: 'DESC' } });
    expect(await (await page.table())!.getSelectableNames()).toEqual([]);
  });

  it('shows the present again once the moment is cleared, with its actions', async () => {
    const { api, page, settle } = await showInventory('/app-passwords?asOf=2026-09-30T00:00:00.000Z');
    await page.resetFilters();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/app-passwords');
    expect(api.calls.at(-1)?.call).toBe('list');
    expect(await page.getActions()).toEqual(['Download CSV of this view', 'Revoke selected (0)', 'Generate app password']);
    expect(await (await page.table())!.hasRevokeButton('Thunderbird')).toBe(true);
  });
});
