import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { AuditLogApi, type DownloadProgress } from './audit-log.api';
import { STREAMED_FETCH, type BodyChunk, type StreamedFetch, type StreamedResponse } from './streamed-fetch';
import { keysOf, noteOf } from './testing/audit-fixtures';

/** A response whose body arrives in these chunks; `breakAfter` chunks, the connection drops; an aborted signal stops it. */
function responseOf(chunks: number[], { status = 200, headers = {} as Record<string, string>, body = '', breakAfter = Infinity, signal = null as AbortSignal | null } = {}): StreamedResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  let index = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => body,
    body: {
      getReader: () => ({
        read: async (): Promise<BodyChunk> => {
          if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
          if (index >= breakAfter) throw new TypeError('network error');
          if (index >= chunks.length) return { done: true };
          return { done: false, value: new Uint8Array(chunks[index++]) };
        },
      }),
    },
  };
}

function setUp(fetch: StreamedFetch = async () => responseOf([])) {
  const calls: { url: string; init: Parameters<StreamedFetch>[1] }[] = [];
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: STREAMED_FETCH, useValue: ((url, init) => (calls.push({ url, init }), fetch(url, init))) satisfies StreamedFetch }],
  });
  return { api: TestBed.inject(AuditLogApi), http: TestBed.inject(HttpTestingController), calls };
}

const sent = () => new Promise((resolve) => setTimeout(resolve));
const AUDIT_LOG = { kind: 'audit-log', from: 0, to: 120, sinceSize: null } as const;

describe('the audit log API', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reads the latest checkpoint as text and parses it', async () => {
    const { api, http } = setUp();
    const answer = api.latestCheckpoint();
    await sent();
    const request = http.expectOne('/audit/checkpoint');
    expect(request.request.responseType).toBe('text');
    request.flush(noteOf(120));
    expect(await answer).toMatchObject({ size: 120, note: noteOf(120) });
  });

  it('answers null when the log has no checkpoint yet', async () => {
    const { api, http } = setUp();
    const answer = api.latestCheckpoint();
    await sent();
    http.expectOne('/audit/checkpoint').flush(JSON.stringify({ error: 'not_found', message: 'No checkpoint yet.' }), { status: 404, statusText: 'Not Found' });
    expect(await answer).toBeNull();
  });

  it('turns a refused checkpoint into an ApiError', async () => {
    const { api, http } = setUp();
    const answer = api.latestCheckpoint();
    await sent();
    http.expectOne('/audit/checkpoint').flush('{"statusCode":403,"message":"Forbidden resource"}', { status: 403, statusText: 'Forbidden' });
    await expect(answer).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads the published verifier keys', async () => {
    const { api, http } = setUp();
    const answer = api.verifierKeys();
    await sent();
    http.expectOne('/.well-known/keyward/audit-keys').flush({ keys: keysOf() });
    expect(await answer).toEqual(keysOf());
  });

  it('downloads a bundle chunk by chunk, telling the bytes so far and the records the header announced', async () => {
    const headers = { 'X-Keyward-Records': '120', 'Content-Disposition': 'attachment; filename="keyward-audit-log-0-120.zip"' };
    const { api, calls } = setUp(async () => responseOf([1000, 500, 24], { headers }));
    const progress: DownloadProgress[] = [];
    const downloaded = await api.downloadBundle(AUDIT_LOG, new AbortController().signal, (step) => progress.push(step));

    expect(calls).toEqual([{ url: '/exports/bundle?kind=audit-log&from=0&to=120', init: expect.objectContaining({ credentials: 'same-origin', headers: { Accept: 'application/zip' } }) }]);
    expect(progress.map((step) => step.receivedBytes)).toEqual([0, 1000, 1500, 1524]);
    expect(progress.every((step) => step.records === 120 && step.totalBytes === null)).toBe(true);
    expect(downloaded).toMatchObject({ fileName: 'keyward-audit-log-0-120.zip', bytes: 1524, records: 120 });
    expect(downloaded.blob.size).toBe(1524);
    expect(downloaded.blob.type).toBe('application/zip');
  });

  it('tells the total bytes when Content-Length gives them, and names the file itself when the server does not', async () => {
    const { api } = setUp(async () => responseOf([10], { headers: { 'Content-Length': '10' } }));
    const progress: DownloadProgress[] = [];
    const downloaded = await api.downloadBundle({ kind: 'inventory', sinceSize: null }, new AbortController().signal, (step) => progress.push(step));
    expect(progress.at(-1)).toEqual({ receivedBytes: 10, totalBytes: 10, records: null });
    expect(downloaded.fileName).toBe('keyward-inventory.zip');
  });

  it('keeps the server’s message of a 400, and tells a step-up from the role', async () => {
    const badRange = setUp(async () => responseOf([], { status: 400, body: '{"error":"bad_request","message":"from (9) is after to (3)."}' }));
    await expect(badRange.api.downloadBundle(AUDIT_LOG, new AbortController().signal, () => undefined)).rejects.toEqual(new ApiError('BAD_USER_INPUT', 'from (9) is after to (3).'));
    TestBed.resetTestingModule();
    const stepUp = setUp(async () => responseOf([], { status: 403, body: '{"error":"step_up_required"}' }));
    await expect(stepUp.api.downloadBundle(AUDIT_LOG, new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED', details: { status: 403 } });
  });

  it('says CANCELLED, with the bytes received, when aborted while the body arrives', async () => {
    const controller = new AbortController();
    const { api } = setUp(async (_url, init) => responseOf([100, 100, 100], { signal: init.signal }));
    const answer = api.downloadBundle(AUDIT_LOG, controller.signal, (step) => step.receivedBytes === 200 && controller.abort());
    await expect(answer).rejects.toMatchObject({ code: 'CANCELLED', details: { receivedBytes: 200 } });
  });

  it('says CANCELLED when aborted before the answer came, and NETWORK when it never came', async () => {
    const controller = new AbortController();
    controller.abort();
    const { api } = setUp(async () => Promise.reject(new DOMException('aborted', 'AbortError')));
    await expect(api.downloadBundle(AUDIT_LOG, controller.signal, () => undefined)).rejects.toMatchObject({ code: 'CANCELLED', details: { receivedBytes: 0 } });
    await expect(api.downloadBundle(AUDIT_LOG, new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('says INTERRUPTED when the connection drops before the end', async () => {
    const { api } = setUp(async () => responseOf([100, 100, 100], { breakAfter: 2 }));
    await expect(api.downloadBundle(AUDIT_LOG, new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'INTERRUPTED', details: { receivedBytes: 200 } });
  });
});
