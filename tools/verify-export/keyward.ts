// The entry of dist/tools/keyward.mjs, one file that runs with plain node and nothing installed:
//   node keyward.mjs verify-export <bundle.zip> --key <verifierKey> [--key …] [--since <checkpoint file>]
//   node keyward.mjs alerts [--since <ISO>] [--all] [--json]            (KEYWARD_URL, KEYWARD_TOKEN)
//   node keyward.mjs export --kind audit-log|usage|inventory|access-review [--out …]  (KEYWARD_URL, KEYWARD_TOKEN)
//   node keyward.mjs revoke --filter '<JSON>' --reason … --incident … [--dry-run] [--suspend] [--yes]
//   node keyward.mjs scan-leaks <file> [--revoke --reason … --incident … [--yes]]
// A subcommand per tool, so the file can grow.
import { runAlerts, runExport, runRevoke, runScanLeaks } from './api-cli';
import { runAsProcess } from './process-output';
import { runVerifyExport, type CliOutput } from './verify-export-cli';

const COMMANDS: Record<string, (args: readonly string[], output: CliOutput) => Promise<number>> = {
  'verify-export': runVerifyExport,
  alerts: runAlerts,
  export: runExport,
  revoke: runRevoke,
  'scan-leaks': runScanLeaks,
};

runAsProcess('keyward', async (output) => {
  const [name, ...args] = process.argv.slice(2);
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    const problem = name === undefined ? 'no command given' : `unknown command ${name}`;
    output.err(`keyward: ${problem}; usage: node keyward.mjs <command> …, commands: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  return command(args, output);
});
