import { availableParallelism } from 'node:os';

// argon2 runs in libuv's thread pool (4 threads by default). With more hashing threads than
// cores they preempt the event loop, which must dispatch requests and commit events; one
// thread per core measured 6 % more verifications per second on 2 cores (docs/benchmarks.md).
// Imported first, before anything uses the pool; an explicit UV_THREADPOOL_SIZE wins.
process.env['UV_THREADPOOL_SIZE'] ??= String(Math.max(2, availableParallelism()));
