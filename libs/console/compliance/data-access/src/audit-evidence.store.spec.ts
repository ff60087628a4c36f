import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { AuditEvidenceStore } from './audit-evidence.store';
import { AuditLogApi } from './audit-log.api';
import { AuditLogApiDouble } from './testing/audit-log-api.double';
import { CURRENT_KEY, RETIRED_KEY } from './testing/audit-fixtures';

function storeWith(api: AuditLogApiDouble): AuditEvidenceStore {
  TestBed.configureTestingModule({ providers: [AuditEvidenceStore, { provide: AuditLogApi, useValue: api }] });
  return TestBed.inject(AuditEvidenceStore);
}

describe('the evidence an export is proven against', () => {
  it('reads the latest checkpoint and this tenant’s keys, and verifies with the key that signed it', async () => {
    const store = storeWith(new AuditLogApiDouble());
    expect(store.request.isLoading()).toBe(true);
    await store.load();
    expect(store.request.isLoading()).toBe(false);
    expect(store.checkpoint()?.size).toBe(120);
    expect(store.keys().map((key) => key.verifierKey)).toEqual([CURRENT_KEY, RETIRED_KEY]);
    expect(store.verifyingKey()?.verifierKey).toBe(CURRENT_KEY);
  });

  it('with no checkpoint yet, verifies with the current key of a one-tenant list', async () => {
    const api = new AuditLogApiDouble();
    api.checkpoint = null;
    api.keys = api.keys.filter((key) => key.tenantId === 't-contoso');
    const store = storeWith(api);
    await store.load();
    expect(store.checkpoint()).toBeNull();
    expect(store.isLoaded()).toBe(true);
    expect(store.verifyingKey()?.verifierKey).toBe(CURRENT_KEY);
  });

  it('says in a sentence why they could not be read', async () => {
    const api = new AuditLogApiDouble();
    api.readError = new ApiError('FORBIDDEN', 'Forbidden resource');
    const store = storeWith(api);
    await store.load();
    expect(store.request.error()).toMatch(/^Your role does not allow exports/);
    expect(store.isLoaded()).toBe(false);
  });
});
