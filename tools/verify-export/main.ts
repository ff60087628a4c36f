// npm run verify-export -- <bundle.zip> --key <verifierKey> [--key …] [--since <checkpoint file>]
// Verifies an export bundle offline; see docs/audit-log.md. Exit 0 OK, 1 a failed check, 2 a bad question.
import { runVerifyExport } from './verify-export-cli';
import { runAsProcess } from './process-output';

runAsProcess('verify-export', (output) => runVerifyExport(process.argv.slice(2), output));
