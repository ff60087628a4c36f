import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CliOutput } from './verify-export-cli';

/**
 * The API jobs of the CLI, configured by KEYWARD_URL and KEYWARD_TOKEN (an API token). Exit codes:
 * 0 done; 2 a question that cannot be asked (arguments, configuration); 3 refused by Keyward (a
 * wrong or revoked token, a missing permission, bad input: its message is printed); 4 Keyward could
 * not be reached or failed. `--json` prints JSON lines instead of text.
 */
export const API_USAGE = {
  alerts: 'usage: alerts [--since <ISO date-time>] [--all] [--json]',
  export: 'usage: export --kind audit-log|usage|inventory [--user <upn>] [--since <ISO>] [--until <ISO>] [--out <file>] [--json]',
};

interface Api {
  readonly url: string;
  readonly token: string;
}

class Refused extends Error {}
class Unreachable extends Error {}

function apiOf(output: CliOutput, command: string): Api | null {
  const url = process.env['KEYWARD_URL']?.replace(/\/+$/, '');
  const token = process.env['KEYWARD_TOKEN'];
  if (!url || !token) {
    output.err(`${command}: set KEYWARD_URL (https://keyward.example.com) and KEYWARD_TOKEN (an API token, kwt_…)`);
    return null;
  }
  return { url, token };
}

/** Named options (`--since X`, `--json`) of the arguments; null with the first it does not know. */
function optionsOf(args: readonly string[], valued: readonly string[], flags: readonly string[]): Record<string, string | true> | string {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--/, '');
    if (!args[i].startsWith('--')) return `unexpected ${args[i]}`;
    if (flags.includes(name)) options[name] = true;
    else if (valued.includes(name) && args[i + 1] !== undefined) options[name] = args[++i];
    else return valued.includes(name) ? `${args[i]} needs a value` : `unknown option ${args[i]}`;
  }
  return options;
}

async function request(api: Api, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${api.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${api.token}` } });
  } catch (error) {
    throw new Unreachable(`cannot reach ${api.url}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`);
  }
  if (response.status === 401 || response.status === 403 || response.status === 400 || response.status === 404 || response.status === 429) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Refused(`${response.status}: ${body.message ?? response.statusText}`);
  }
  if (!response.ok) throw new Unreachable(`Keyward answered ${response.status}`);
  return response;
}

async function graphql<T>(api: Api, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await request(api, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Refused(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`);
  return body.data as T;
}

/** Runs a job; its failures become exit codes 3 and 4 with one line on stderr. */
async function job(command: string, output: CliOutput, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (error instanceof Refused) {
      output.err(`${command}: refused: ${error.message}`);
      return 3;
    }
    if (error instanceof Unreachable) {
      output.err(`${command}: ${error.message}`);
      return 4;
    }
    throw error;
  }
}

const ALERTS = `query($filter: AlertFilter, $after: String) { alerts(filter: $filter, first: 200, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id kind severity count sourceIp firstSeenAt lastSeenAt acknowledged } } } }`;
interface AlertNode {
  id: string;
  kind: string;
  severity: string;
  count: number;
  sourceIp: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  acknowledged: boolean;
}

/** `alerts [--since ISO] [--all] [--json]`: the unacknowledged alerts (every one with --all), page by page. */
export async function runAlerts(args: readonly string[], output: CliOutput): Promise<number> {
  const options = optionsOf(args, ['since'], ['all', 'json']);
  if (typeof options === 'string') {
    output.err(`alerts: ${options}; ${API_USAGE.alerts}`);
    return 2;
  }
  const api = apiOf(output, 'alerts');
  if (!api) return 2;
  return job('alerts', output, async () => {
    const filter = { ...(options['all'] ? {} : { acknowledged: false }), ...(typeof options['since'] === 'string' ? { since: options['since'] } : {}) };
    let after: string | null = null;
    let count = 0;
    do {
      const page: { alerts: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AlertNode }[] } } = await graphql(api, ALERTS, { filter, after });
      for (const { node } of page.alerts.edges) {
        count++;
        output.out(options['json'] ? JSON.stringify(node) : `${node.lastSeenAt}  ${node.severity.padEnd(6)} ${node.kind.padEnd(24)} ${String(node.count).padStart(6)}  ${node.sourceIp ?? '-'}  ${node.id}`);
      }
      after = page.alerts.pageInfo.hasNextPage ? page.alerts.pageInfo.endCursor : null;
    } while (after);
    if (!options['json'] && count === 0) output.err('alerts: none');
  });
}

/** `export --kind K [--user U] [--since ISO] [--until ISO] [--out FILE] [--json]`: a signed bundle, to a file, with its progress on a terminal. */
export async function runExport(args: readonly string[], output: CliOutput): Promise<number> {
  const options = optionsOf(args, ['kind', 'user', 'since', 'until', 'out'], ['json']);
  if (typeof options === 'string' || typeof options['kind'] !== 'string' || !['audit-log', 'usage', 'inventory'].includes(options['kind'])) {
    output.err(`export: ${typeof options === 'string' ? options : '--kind is audit-log, usage or inventory'}; ${API_USAGE.export}`);
    return 2;
  }
  const api = apiOf(output, 'export');
  if (!api) return 2;
  const query = new URLSearchParams(Object.entries(options).filter(([name, value]) => ['kind', 'user', 'since', 'until'].includes(name) && typeof value === 'string') as [string, string][]);
  const file = typeof options['out'] === 'string' ? options['out'] : `keyward-${options['kind']}-${new Date().toISOString().slice(0, 10)}.zip`;
  return job('export', output, async () => {
    const response = await request(api, `/exports/bundle?${query}`);
    let bytes = 0;
    let shownAt = 0;
    const isTerminal = process.stderr.isTTY === true;
    const progress = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (isTerminal && Date.now() - shownAt > 250) {
          shownAt = Date.now();
          process.stderr.write(`\rexport: ${(bytes / 1_048_576).toFixed(1)} MiB`);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), progress, createWriteStream(file));
    } catch (error) {
      throw new Unreachable(`the download broke off: ${(error as Error).message}`);
    } finally {
      if (isTerminal) process.stderr.write('\n');
    }
    output.out(options['json'] ? JSON.stringify({ file, bytes, checkpointSize: Number(response.headers.get('x-keyward-checkpoint-size')) }) : `OK ${file} ${bytes} bytes`);
  });
}
