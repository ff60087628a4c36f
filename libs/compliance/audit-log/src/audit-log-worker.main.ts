import { workerData } from 'node:worker_threads';
import { runExportWorker } from './export/export-worker';
import { lowerThreadPriority } from './nice-thread';
import { runWriterWorker } from './writer/writer-worker';

// The audit log's worker threads' entry point (apps/api's build bundles it as
// dist/apps/api/audit-log-worker.js): the log's writer, or an export worker.
lowerThreadPriority();
if ((workerData as { role?: string } | null)?.role === 'writer') runWriterWorker();
else runExportWorker();
