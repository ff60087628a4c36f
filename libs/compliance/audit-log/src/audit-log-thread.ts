import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a thread of the audit log (its writer, an export worker) on the plain-JavaScript worker
 * script, with none of the parent's Node flags (`execArgv: []`: a TypeScript loader, say).
 *
 * V8's flags are the process's, not a thread's, and `--max-semi-space-size` (which `npm start`
 * sets for the event loop's catch-ups) overrides the young generation a worker's
 * `resourceLimits` ask for: with it, each export worker grew a young generation of about 64 MB,
 * and a million-record OCSF export grew its process by 215 MB instead of 100. So the flag is
 * unset before a thread starts. A heap already made keeps its size (the event loop's does:
 * V8 reads the flag only when it makes one).
 */
export function startAuditLogThread(script: string, options: Omit<WorkerOptions, 'execArgv'>): Worker {
  setFlagsFromString('--max-semi-space-size=0');
  return new Worker(script, { ...options, execArgv: [] });
}
