import type { CliOutput } from './verify-export-cli';

/**
 * Runs a command with the process's stdout and stderr and exits with its code once they are
 * flushed. Anything unexpected is one line on stderr and exit 2: a user never sees a stack trace.
 */
export function runAsProcess(name: string, command: (output: CliOutput) => Promise<number>): void {
  const output: CliOutput = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  command(output).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      output.err(`${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
