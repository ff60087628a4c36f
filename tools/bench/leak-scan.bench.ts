import * as argon2 from 'argon2';
import { performance } from 'node:perf_hooks';
import { groupForDisplay } from '@keyward/app-passwords/domain';
import { findAppPasswordCandidates } from '@keyward/incidents/domain';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess } from '@keyward/e2e/support';
import { hashSecret } from '@keyward/shared/security';

export interface LeakScanFigures {
  /** Characters scanned and app passwords in them. */
  textLength: number;
  embedded: number;
  /** findAppPasswordCandidates over the text, in this process (median of the rounds). */
  findMs: number;
  /** As many bare argon2id verifications as passwords embedded, two at a time as a scan runs them. */
  argon2Ms: number;
  /** The same, with as many at once as the thread pool has threads: what argon2 can do here at best. */
  argon2PoolMs: number;
  /** POST /leaks/scan of the text on a real Keyward: upload, find, prove every one, record, answer. */
  uploadMs: number;
  proven: number;
}

/** Made-up prose: words, punctuation, numbers and line breaks, never an app password. */
function prose(length: number): string {
  const words = ['the', 'config', 'mail', 'server', 'password:', 'kiwi', 'kwanza', 'token=abc123', '(see', 'ticket)', '2026-12-06', 'user@contoso.example', 'KW', 'Kelvin'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const word = words[(i * 7 + (i >> 4)) % words.length];
    parts.push(word, i % 13 === 12 ? '\n' : ' ');
    size += word.length + 1;
  }
  return parts.join('').slice(0, length);
}

/** `count` passwords spread evenly over `length` characters of prose, written every way people write them. */
function textWith(passwords: string[], length: number): string {
  const gap = Math.floor(length / passwords.length);
  const writings = [(p: string) => p, (p: string) => groupForDisplay(p), (p: string) => groupForDisplay(p).replace(/ /g, '-'), (p: string) => p.toUpperCase(), (p: string) => `${p.slice(0, 15)}\n${p.slice(15)}`];
  return passwords.map((password, index) => `${prose(gap - 45)} ${writings[index % writings.length](password.replace(/ /g, ''))}\n`).join('');
}

/**
 * Scanning text for leaked app passwords: a 5 MB text with `count` app passwords in it (each a
 * real credential of a real Keyward). Finding the candidates is compared with the argon2 checks
 * that proving them costs, measured in the same run; the upload is the whole path end to end.
 */
export async function benchLeakScan(count: number, rounds: number): Promise<LeakScanFigures> {
  const keyward = await new KeywardProcess({ env: { KEYWARD_LOG_LEVEL: 'warn' } }).start();
  try {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const passwords: string[] = [];
    for (let user = 0; passwords.length < count; user++) {
      const { id } = await createUser(admin, `leaky-${user}@contoso.example`);
      for (let i = 0; i < 40 && passwords.length < count; i++) passwords.push((await generate(admin, id, `leaked ${i}`)).secret);
    }
    const text = textWith(passwords, 5_000_000);
    const findMs = median(Array.from({ length: rounds }, () => timed(() => findAppPasswordCandidates(text)).ms));
    if (findAppPasswordCandidates(text).length !== count) throw new Error('the finder missed an embedded password');

    const secret = passwords[0].replace(/ /g, '').slice(12, 30);
    const hash = await hashSecret(secret);
    const argon2Ms = await verifications(hash, secret, count, 2);
    const argon2PoolMs = await verifications(hash, secret, count, Number(process.env['UV_THREADPOOL_SIZE'] ?? 4));

    const started = performance.now();
    const response = await fetch(`${keyward.baseUrl}/leaks/scan`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: admin.sessionCookie }, body: text });
    const scan = (await response.json()) as { matches: { proven: boolean }[] };
    const uploadMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`POST /leaks/scan answered ${response.status}: ${JSON.stringify(scan)}`);
    return { textLength: text.length, embedded: count, findMs, argon2Ms, argon2PoolMs, uploadMs, proven: scan.matches.filter((match) => match.proven).length };
  } finally {
    await keyward.stop();
    keyward.removeData();
  }
}

/** Milliseconds for `count` argon2id verifications, `atOnce` at a time. */
async function verifications(hash: string, secret: string, count: number, atOnce: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next++ < count) await argon2.verify(hash, secret);
    }),
  );
  return performance.now() - started;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
