import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
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
  export: 'usage: export --kind audit-log|usage|inventory|access-review [--user <upn>] [--since <ISO>] [--until <ISO>] [--id <review id>] [--out <file>] [--json]',
  revoke: "usage: revoke --filter '<AppPasswordFilter as JSON>' --reason <text> --incident <ref> [--dry-run] [--suspend] [--yes] [--json]",
  'scan-leaks': 'usage: scan-leaks <file> [--revoke --reason <text> --incident <ref> [--yes]] [--json]',
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
  if (response.status >= 400 && response.status < 500) {
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
  const options = optionsOf(args, ['kind', 'user', 'since', 'until', 'id', 'out'], ['json']);
  if (typeof options === 'string' || typeof options['kind'] !== 'string' || !['audit-log', 'usage', 'inventory', 'access-review'].includes(options['kind'])) {
    output.err(`export: ${typeof options === 'string' ? options : '--kind is audit-log, usage, inventory or access-review'}; ${API_USAGE.export}`);
    return 2;
  }
  const api = apiOf(output, 'export');
  if (!api) return 2;
  const query = new URLSearchParams(Object.entries(options).filter(([name, value]) => ['kind', 'user', 'since', 'until', 'id'].includes(name) && typeof value === 'string') as [string, string][]);
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

const CASE_FIELDS = 'id action status matched revoked alreadyRevoked failed usersAffected recentlyUsed';
const BULK = (action: 'revokeAppPasswords' | 'suspendAppPasswords') => `mutation($input: BulkRevokeInput!) { ${action}(input: $input) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { revocationCase(id: $id) { ${CASE_FIELDS} } }`;
interface CaseNode {
  id: string;
  action: string;
  status: 'DRY_RUN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  matched: number;
  revoked: number;
  alreadyRevoked: number;
  failed: number;
  usersAffected: number;
  recentlyUsed: number;
}

/** A progress bar on stderr when it is a terminal (`label [#####-----] 50/100`); nothing otherwise. */
function progressBar(label: string): { show(done: number, total: number): void; end(): void } {
  const isTerminal = process.stderr.isTTY === true;
  let shownAt = 0;
  return {
    show(done, total) {
      if (!isTerminal || (Date.now() - shownAt < 200 && done < total)) return;
      shownAt = Date.now();
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (isTerminal) process.stderr.write('\n');
    },
  };
}

/** Asks on a terminal; without one, only --yes goes ahead. */
async function confirmed(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

/**
 * Takes out of service what `filter` matches, as a case: a preview first (the case's DRY_RUN), then,
 * confirmed, the case itself with the preview's count as `expectedMatched`, followed to its end.
 */
async function runCase(
  api: Api,
  output: CliOutput,
  command: string,
  request: { filter: Record<string, unknown>; reason: string; incident: string; suspend: boolean; dryRun: boolean; yes: boolean; json: boolean },
): Promise<number> {
  const action = request.suspend ? 'suspendAppPasswords' : 'revokeAppPasswords';
  const input = { filter: request.filter, reason: request.reason, incidentRef: request.incident };
  const preview = (await graphql<Record<string, CaseNode>>(api, BULK(action), { input: { ...input, dryRun: true } }))[action];
  const summary = `${preview.matched} active app password${preview.matched === 1 ? '' : 's'} of ${preview.usersAffected} user${preview.usersAffected === 1 ? '' : 's'} (${preview.recentlyUsed} used in the last 24 hours)`;
  if (request.dryRun || preview.matched === 0) {
    output.out(request.json ? JSON.stringify({ dryRun: true, ...preview }) : `${request.dryRun ? 'would ' : ''}${request.suspend ? 'suspend' : 'revoke'}: ${summary}; preview case ${preview.id}`);
    return 0;
  }
  if (!(await confirmed(`${request.suspend ? 'Suspend' : 'Revoke'} ${summary}?`, request.yes))) {
    output.err(`${command}: not confirmed; nothing changed (add --yes to go ahead without a question)`);
    return 2;
  }
  let current = (await graphql<Record<string, CaseNode>>(api, BULK(action), { input: { ...input, expectedMatched: preview.matched } }))[action];
  const bar = progressBar(`${command} ${current.id}`);
  while (current.status === 'RUNNING') {
    bar.show(current.revoked + current.alreadyRevoked + current.failed, current.matched);
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = (await graphql<{ revocationCase: CaseNode }>(api, CASE, { id: current.id })).revocationCase;
  }
  bar.show(current.revoked + current.alreadyRevoked + current.failed, current.matched);
  bar.end();
  output.out(
    request.json
      ? JSON.stringify(current)
      : `${current.status} case ${current.id}: ${current.revoked} ${request.suspend ? 'suspended' : 'revoked'}, ${current.alreadyRevoked} already out of service, ${current.failed} failed`,
  );
  return current.failed > 0 ? 3 : 0;
}

/** `revoke --filter JSON --reason R --incident REF [--dry-run] [--suspend] [--yes] [--json]`: bulk revocation as a case, previewed first. */
export async function runRevoke(args: readonly string[], output: CliOutput): Promise<number> {
  const options = optionsOf(args, ['filter', 'reason', 'incident'], ['dry-run', 'suspend', 'yes', 'json']);
  let filter: unknown = null;
  try {
    filter = typeof options === 'string' || typeof options['filter'] !== 'string' ? null : JSON.parse(options['filter']);
  } catch {
    filter = null;
  }
  if (typeof options === 'string' || typeof filter !== 'object' || filter === null || Array.isArray(filter) || typeof options['reason'] !== 'string' || typeof options['incident'] !== 'string') {
    const problem = typeof options === 'string' ? options : typeof options['filter'] !== 'string' || filter === null ? '--filter must be a JSON object (an AppPasswordFilter)' : '--reason and --incident are required';
    output.err(`revoke: ${problem}; ${API_USAGE.revoke}`);
    return 2;
  }
  const api = apiOf(output, 'revoke');
  if (!api) return 2;
  let code = 0;
  const result = await job('revoke', output, async () => {
    code = await runCase(api, output, 'revoke', {
      filter: filter as Record<string, unknown>,
      reason: options['reason'] as string,
      incident: options['incident'] as string,
      suspend: options['suspend'] === true,
      dryRun: options['dry-run'] === true,
      yes: options['yes'] === true,
      json: options['json'] === true,
    });
  });
  return result === 0 ? code : result;
}

interface LeakScanAnswer {
  id: string;
  candidates: number;
  matches: { appPassword: { id: string; label: string; status: string; user: { userPrincipalName: string } }; proven: boolean }[];
  provenActiveIds: string[];
}

/** `scan-leaks FILE [--revoke --reason R --incident REF [--yes]] [--json]`: a file scanned for the tenant's app passwords, and the proven active ones revoked. */
export async function runScanLeaks(args: readonly string[], output: CliOutput): Promise<number> {
  const [file, ...rest] = args;
  const options = optionsOf(rest, ['reason', 'incident'], ['revoke', 'yes', 'json']);
  if (!file || file.startsWith('--') || typeof options === 'string' || (options['revoke'] && (typeof options['reason'] !== 'string' || typeof options['incident'] !== 'string'))) {
    const problem = !file || file.startsWith('--') ? 'name the file to scan' : typeof options === 'string' ? options : '--revoke needs --reason and --incident';
    output.err(`scan-leaks: ${problem}; ${API_USAGE['scan-leaks']}`);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    output.err(`scan-leaks: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const api = apiOf(output, 'scan-leaks');
  if (!api) return 2;
  let code = 0;
  const result = await job('scan-leaks', output, async () => {
    const bar = progressBar('scan-leaks: uploading');
    let sent = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        bar.show(sent, size);
        done(null, chunk);
      },
    });
    const body = Readable.toWeb(createReadStream(file).pipe(counted)) as unknown as BodyInit;
    const response = await request(api, '/leaks/scan', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(size) },
      body,
      duplex: 'half',
    } as RequestInit);
    bar.end();
    const scan = (await response.json()) as LeakScanAnswer;
    if (options['json']) output.out(JSON.stringify(scan));
    else {
      output.out(`scanned ${file}: ${scan.candidates} app-password-shaped string${scan.candidates === 1 ? '' : 's'}, ${scan.matches.length} of this tenant's (scan ${scan.id})`);
      for (const { appPassword, proven } of scan.matches) {
        output.out(`  ${appPassword.status.padEnd(9)} ${proven ? 'proven ' : 'partial'} ${appPassword.user.userPrincipalName}  ${appPassword.label}  ${appPassword.id}`);
      }
    }
    if (!options['revoke']) return;
    if (scan.provenActiveIds.length === 0) {
      if (!options['json']) output.out('nothing to revoke: no proven match is active');
      return;
    }
    code = await runCase(api, output, 'scan-leaks', {
      filter: { ids: scan.provenActiveIds },
      reason: options['reason'] as string,
      incident: options['incident'] as string,
      suspend: false,
      dryRun: false,
      yes: options['yes'] === true,
      json: options['json'] === true,
    });
  });
  return result === 0 ? code : result;
}
