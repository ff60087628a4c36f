import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { MAIN } from '@keyward/e2e/support';
import { cpuSeconds } from './process-cpu';
import { RssSampler, type RssFigures } from './rss-sampler';

/** One download: what came, how long it took from the request to the last byte, and what the server used meanwhile. */
export interface Download {
  readonly status: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The server's memory, and its CPU time, over the download (when its pid was given). */
  readonly serverRss: RssFigures | null;
  readonly serverCpuSeconds: number | null;
}

/** The pid of the Keyward server this process started (KeywardProcess keeps its child to itself). */
export function serverPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(MAIN)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error('no Keyward server started by this process');
}

/** POST /auth/login; the session cookie. */
export async function signIn(baseUrl: string, userPrincipalName: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName, password }) });
  if (response.status >= 300) throw new Error(`sign-in as ${userPrincipalName}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * The tenant's latest signed checkpoint's size. GET /audit/checkpoint waits until the log holds
 * every event written before it, which on a fresh store is the writer's whole catch-up: so this
 * is node:http, with no client timeout.
 */
export async function checkpointSize(baseUrl: string, cookie: string): Promise<number> {
  let note = '';
  const download = await get(`${baseUrl}/audit/checkpoint`, cookie, null, (chunk) => (note += chunk.toString('utf8')));
  if (download.status !== 200) throw new Error(`GET /audit/checkpoint: ${download.status} ${note}`);
  return Number(note.split('\n')[1]);
}

/**
 * GET `url` with the session cookie, counting the body's bytes (and writing them to `file` if
 * given) while sampling the server's VmRSS every 100 ms.
 */
export async function get(url: string, cookie: string, server: number | null, onChunk: ((chunk: Buffer) => void) | null = null, file: string | null = null): Promise<Download> {
  const sampler = server === null ? null : new RssSampler(server);
  const cpuBefore = server === null ? null : cpuSeconds(server);
  const started = performance.now();
  const sink = file ? createWriteStream(file) : null;
  const response = await new Promise<{ status: number; headers: Download['headers']; bytes: number }>((resolve, reject) => {
    const outgoing = request(url, { headers: { cookie } }, (incoming) => {
      let bytes = 0;
      incoming.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        onChunk?.(chunk);
        if (sink && !sink.write(chunk)) {
          incoming.pause();
          sink.once('drain', () => incoming.resume());
        }
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, bytes }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  }).finally(() => sink?.end());
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = server === null ? null : cpuSeconds(server);
  const serverRss = sampler?.stop() ?? null;
  if (sink) await finished(sink);
  return { ...response, seconds, serverRss, serverCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null };
}
