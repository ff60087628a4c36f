import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { scanOf } from './testing/leaks-api.double';
import { LeaksApi } from './leaks.api';

function setUp() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(LeaksApi), http: TestBed.inject(HttpTestingController) };
}

/** Lets the request reach the testing backend (the client sends it a microtask later). */
const sent = () => new Promise((resolve) => setTimeout(resolve));

describe('sending text to be scanned for leaks', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends a paste as the scanForLeakedAppPasswords mutation', async () => {
    const { api, http } = setUp();
    const answer = api.scanText('password: kwab…');
    await sent();
    const request = http.expectOne('/graphql');
    expect(request.request.body.variables).toEqual({ text: 'password: kwab…' });
    expect(request.request.body.query).toContain('scanForLeakedAppPasswords(text: $text)');
    request.flush({ data: { scanForLeakedAppPasswords: scanOf() } });
    expect(await answer).toEqual(scanOf());
  });

  it('uploads a paste too long for GraphQL’s 64 kB body, as a file is', async () => {
    const { api, http } = setUp();
    const answer = api.scanText('x'.repeat(70_000));
    await sent();
    const request = http.expectOne('/leaks/scan');
    expect((request.request.body as Blob).size).toBe(70_000);
    request.flush(scanOf());
    expect(await answer).toEqual(scanOf());
  });

  it('uploads a file’s bytes as UTF-8 text, whatever type the browser gave it', async () => {
    const { api, http } = setUp();
    const file = new File(['a log'], 'mail.log', { type: '' });
    const answer = api.scanFile(file);
    await sent();
    const request = http.expectOne({ method: 'POST', url: '/leaks/scan' });
    expect(request.request.body).toBe(file);
    expect(request.request.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    request.flush(scanOf());
    await answer;
  });

  it.each([
    [413, { statusCode: 413, message: 'The upload is 50.0 MB; at most 20 MB is scanned at once: split the file.' }, 'PAYLOAD_TOO_LARGE'],
    [415, { statusCode: 415, message: 'The upload is binary, not text: byte 4 is NUL.' }, 'UNSUPPORTED_MEDIA_TYPE'],
    [400, { code: 'BAD_USER_INPUT', message: 'The text holds more than 1,000 app passwords: scan at most 1,000 at a time (split it).' }, 'BAD_USER_INPUT'],
    [403, { statusCode: 403, message: 'Forbidden resource' }, 'FORBIDDEN'],
  ])('turns a refused upload (%i) into an ApiError with its code and the server’s message', async (status, body, code) => {
    const { api, http } = setUp();
    const answer = api.scanFile(new Blob(['text']));
    await sent();
    http.expectOne('/leaks/scan').flush(body, { status, statusText: 'Refused' });
    await expect(answer).rejects.toEqual(new ApiError(code, body.message));
    await expect(answer).rejects.toMatchObject({ code, details: { status } });
  });
});
