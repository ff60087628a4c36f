import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { alertOf, AlertsApiDouble, SPRAY } from './testing/alerts-api.double';
import { IncidentsApiDouble } from './testing/incidents-api.double';
import { ALERTS_PAGE_SIZE, AlertListStore } from './alert-list.store';
import { AlertsApi } from './alerts.api';
import { IncidentsApi } from './incidents.api';

function storeWith(api: AlertsApiDouble): AlertListStore {
  TestBed.configureTestingModule({ providers: [AlertListStore, { provide: AlertsApi, useValue: api }, { provide: IncidentsApi, useValue: new IncidentsApiDouble() }] });
  return TestBed.inject(AlertListStore);
}

describe('the alert list', () => {
  it('pages through the alerts with cursors, forwards and back', async () => {
    const api = new AlertsApiDouble();
    api.rows = Array.from({ length: ALERTS_PAGE_SIZE + 5 }, (_, index) => alertOf(`a${index}`));
    const store = storeWith(api);
    await store.show({});
    expect(store.pager.rows()).toHaveLength(ALERTS_PAGE_SIZE);
    expect(store.pager.totalCount()).toBe(30);
    expect(store.pager.hasNextPage()).toBe(true);

    await store.pager.next();
    expect(store.pager.rows().map((row) => row.id)).toEqual(['a25', 'a26', 'a27', 'a28', 'a29']);
    expect(store.pager.hasNextPage()).toBe(false);
    expect(store.pager.pageNumber()).toBe(2);
    await store.pager.previous();
    expect(store.pager.rows()[0].id).toBe('a0');
    expect(api.listed.map((request) => request.after)).toEqual([null, '25', null]);
    expect(api.listed.every((request) => request.first === ALERTS_PAGE_SIZE)).toBe(true);
  });

  it('asks for a new filter from the first page', async () => {
    const api = new AlertsApiDouble();
    const store = storeWith(api);
    await store.show({});
    expect(store.isFiltered()).toBe(false);
    await store.pager.next();
    await store.show({ kind: 'PASSWORD_SPRAY', acknowledged: false });
    expect(api.listed.at(-1)).toEqual({ filter: { kind: 'PASSWORD_SPRAY', acknowledged: false }, first: ALERTS_PAGE_SIZE, after: null });
    expect(store.pager.rows()).toEqual([SPRAY]);
    expect(store.pager.pageNumber()).toBe(1);
    expect(store.isFiltered()).toBe(true);
  });

  it('acknowledges an alert: its row changes in place and names who acknowledged it', async () => {
    const api = new AlertsApiDouble();
    const store = storeWith(api);
    await store.show({ acknowledged: false });
    expect(await store.acknowledge('revoked-1')).toBe(true);
    expect(api.acknowledged).toEqual(['revoked-1']);
    expect(store.pager.rows().map((row) => [row.id, row.acknowledged])).toEqual([
      ['revoked-1', true],
      ['spray-1', false],
    ]);
    expect(store.pager.rows()[0].acknowledgedBy).toBe('user:rita');
    expect(store.names().get('user:rita')).toBe('rita@contoso.example');
    expect(store.acknowledging().size).toBe(0);
  });

  it('says why an acknowledgement was refused and leaves the row as it was', async () => {
    const api = new AlertsApiDouble();
    api.acknowledgeError = new ApiError('FORBIDDEN', 'Forbidden');
    const store = storeWith(api);
    await store.show({});
    expect(await store.acknowledge('spray-1')).toBe(false);
    expect(store.actionError()).toMatch(/^Your role does not allow this\. .*only global admins and incident responders acknowledge them\.$/);
    expect(store.pager.rows()[1].acknowledged).toBe(false);
  });

  it('says in a sentence why the list could not be read, keeping the server’s words for a bad filter', async () => {
    const api = new AlertsApiDouble();
    api.listError = new ApiError('UNAUTHENTICATED', 'No session');
    const store = storeWith(api);
    await store.show({});
    expect(store.pager.error()).toBe('Your session has ended. Sign in again, then repeat this.');
    api.listError = new ApiError('BAD_USER_INPUT', 'sourceIp must be an IP address or a CIDR block.');
    await store.show({ sourceIp: 'nope' });
    expect(store.pager.error()).toBe('sourceIp must be an IP address or a CIDR block.');
    api.listError = null;
    await store.pager.reload();
    expect(store.pager.error()).toBe('');
    expect(store.pager.rows()).toHaveLength(2);
  });
});
