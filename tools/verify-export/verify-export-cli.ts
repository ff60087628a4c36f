import { readFile } from 'node:fs/promises';
import { BundleInputError, verifyBundle, type VerifyResult } from '@keyward/compliance/bundle';

export const USAGE = 'usage: verify-export <bundle.zip> --key <verifierKey> [--key <verifierKey> …] [--since <checkpoint file>]';

/** Where the CLI writes: stdout gets the verdict, stderr what went wrong with the question. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** What was asked, or why it cannot be understood. */
type Arguments = { bundle: string; keys: string[]; since?: string } | { problem: string };

/**
 * `verify-export <bundle.zip> --key K [--key K …] [--since FILE]`: exit 0 and `OK <n> records`;
 * exit 1 and the first failure, `FAIL record <index>: <reason>` or `FAIL <file>: <reason>`; exit 2
 * and one line on stderr for a question that cannot be answered (bad arguments, a missing or
 * unreadable file, not a ZIP, a malformed key). Never a stack trace.
 */
export async function runVerifyExport(args: readonly string[], output: CliOutput): Promise<number> {
  const parsed = parseArguments(args);
  if ('problem' in parsed) {
    output.err(`verify-export: ${parsed.problem}; ${USAGE}`);
    return 2;
  }
  try {
    const since = parsed.since === undefined ? undefined : await readSince(parsed.since);
    const result = await verifyBundle(parsed.bundle, { keys: parsed.keys, since });
    output.out(verdict(result));
    return result.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof BundleInputError)) throw error;
    output.err(`verify-export: ${error.message}`);
    return 2;
  }
}

/** The one line a result prints as. */
export function verdict(result: VerifyResult): string {
  if (result.ok) return `OK ${result.records} records`;
  const subject = result.index !== undefined ? `record ${result.index}` : (result.file ?? 'bundle');
  return `FAIL ${subject}: ${oneLine(result.reason)}`;
}

function parseArguments(args: readonly string[]): Arguments {
  const keys: string[] = [];
  const positional: string[] = [];
  let since: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--key' || arg === '--since') {
      const value = args[++i];
      if (value === undefined || value === '') return { problem: `${arg} needs a value` };
      if (arg === '--key') keys.push(value);
      else if (since !== undefined) return { problem: '--since is given twice' };
      else since = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { problem: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) return { problem: positional.length === 0 ? 'no bundle given' : `one bundle at a time, not ${positional.length}` };
  if (keys.length === 0) return { problem: 'at least one --key is needed' };
  return { bundle: positional[0], keys, ...(since === undefined ? {} : { since }) };
}

async function readSince(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BundleInputError(code === 'ENOENT' ? `--since ${path}: no such file` : `cannot read --since ${path}: ${(error as Error).message}`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
