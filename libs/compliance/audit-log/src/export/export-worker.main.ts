import { runExportWorker } from './export-worker';

// The export worker thread's entry point: apps/api's build bundles it as dist/apps/api/export-worker.js.
runExportWorker();
