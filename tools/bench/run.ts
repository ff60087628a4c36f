// Keyward's benchmarks. Every figure is a ratio against a baseline measured in the same run,
// because this machine is shared and noisy. Usage: npm run bench [-- --quick]
import './threadpool';
import { cpus, totalmem } from 'node:os';
import { benchAppends } from './append.bench';
import { formatRow } from './measure';
import { benchGatewayHop } from './gateway.bench';
import { benchVerify } from './verify.bench';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE']}`);
  console.log('| benchmark | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  const appends = await benchAppends(quick ? 200 : 2000);
  console.log(formatRow('single-event append vs raw better-sqlite3 insert (WAL, synchronous=FULL)', appends.store, appends.raw, 0.5));
  const verify = await benchVerify(8, quick ? 3 : 10, quick ? 1 : 3);
  console.log(formatRow('GET /verify vs raw argon2id verify (m=19456, t=2, p=1), 8 concurrent', verify.verifyPerSecond, verify.argon2PerSecond, 0.9));
  const hop = await benchGatewayHop(8, quick ? 40 : 200, quick ? 1 : 3);
  console.log(formatRow('IMAP LOGIN through Dovecot (Lua passdb) vs direct POST /verify, 8 concurrent', hop.dovecot.perSecond, hop.direct.perSecond, null));
  console.log(`\n/verify latency: p50 ${verify.p50Ms.toFixed(1)} ms, p99 ${verify.p99Ms.toFixed(1)} ms; non-2xx or errors: ${verify.failures}`);
  for (const [name, figures] of [['direct POST /verify', hop.direct], ['IMAP LOGIN via Dovecot', hop.dovecot]] as const) {
    console.log(`${name}: p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, failures ${figures.failures}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
