import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { AuditLogApi } from './audit-log.api';
import { ExportDownloadStore } from './export-download.store';
import { FileSaver } from './file-saver';
import { AuditLogApiDouble, FileSaverDouble } from './testing/audit-log-api.double';

const AUDIT_LOG = { kind: 'audit-log', from: 0, to: 120, sinceSize: null } as const;

function storeWith(api = new AuditLogApiDouble()) {
  const saver = new FileSaverDouble();
  TestBed.configureTestingModule({ providers: [ExportDownloadStore, { provide: AuditLogApi, useValue: api }, { provide: FileSaver, useValue: saver }] });
  return { store: TestBed.inject(ExportDownloadStore), api, saver };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 2));
  if (!condition()) throw new Error('condition not met');
}

describe('downloading an export bundle', () => {
  it('saves the bundle under the server’s name, and says how large it is and how many records it holds', async () => {
    const { store, saver } = storeWith();
    expect(await store.download(AUDIT_LOG)).toBe(true);
    expect(saver.saved).toEqual([{ fileName: 'keyward-audit-log-0-120.zip', size: 3072 }]);
    expect(store.state()).toEqual({ status: 'saved', fileName: 'keyward-audit-log-0-120.zip', bytes: 3072, records: 120 });
    expect(store.lastFileName()).toBe('keyward-audit-log-0-120.zip');
  });

  it('shows the bytes received while it runs, one download at a time, and saves nothing when cancelled', async () => {
    const api = new AuditLogApiDouble();
    api.hold = new Promise(() => undefined);
    const { store, saver } = storeWith(api);
    const running = store.download(AUDIT_LOG);
    await until(() => store.state().status === 'running' && (store.state() as { receivedBytes: number }).receivedBytes === 1024);
    expect(store.state()).toEqual({ status: 'running', kind: 'audit-log', receivedBytes: 1024, totalBytes: null, records: 120 });
    expect(await store.download({ kind: 'inventory', sinceSize: null })).toBe(false);

    store.cancel();
    expect(await running).toBe(false);
    expect(store.state()).toEqual({ status: 'cancelled', receivedBytes: 1024 });
    expect(saver.saved).toEqual([]);
    expect(api.requested).toEqual([AUDIT_LOG]);
  });

  it('says why the server refused, and keeps the last saved file’s name for the verify command', async () => {
    const { store, api } = storeWith();
    await store.download(AUDIT_LOG);
    api.refusal = new ApiError('BAD_USER_INPUT', 'No user alice@fabrikam.example in this tenant.');
    expect(await store.download({ kind: 'usage', user: 'alice@fabrikam.example', since: null, until: null, sinceSize: null })).toBe(false);
    expect(store.state()).toEqual({ status: 'failed', message: 'No user alice@fabrikam.example in this tenant.' });
    expect(store.lastFileName()).toBe('keyward-audit-log-0-120.zip');
  });

  it('aborts a running download when the page goes', async () => {
    const api = new AuditLogApiDouble();
    api.hold = new Promise(() => undefined);
    const { store } = storeWith(api);
    const running = store.download(AUDIT_LOG);
    await until(() => store.isRunning());
    TestBed.resetTestingModule();
    expect(await running).toBe(false);
    expect(store.state().status).toBe('cancelled');
  });
});
