import { InjectionToken } from '@angular/core';

/** A chunk read from a response body, as `ReadableStreamDefaultReader.read()` answers. */
export type BodyChunk = { done: false; value: Uint8Array<ArrayBuffer> } | { done: true; value?: unknown };

/** The part of a fetch Response an export reads: status, headers, and the body as a stream. */
export interface StreamedResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): { read(): Promise<BodyChunk> } } | null;
  text(): Promise<string>;
}

/** Sends a GET that can be aborted, and answers before the body has arrived. */
export type StreamedFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string>; credentials: 'same-origin' }) => Promise<StreamedResponse>;

/**
 * The browser's `fetch`, for downloads too large for HttpClient's whole-body answers: an export is
 * read chunk by chunk, so its progress shows and a cancel aborts it. A test provides a double.
 */
export const STREAMED_FETCH = new InjectionToken<StreamedFetch>('STREAMED_FETCH', {
  factory: () => (url, init) => fetch(url, init),
});
