import { availableParallelism } from 'node:os';

// The argon2 baseline runs with the thread pool Keyward itself uses (one thread per core), so
// both sides of the ratio hash with the same parallelism. Imported first.
process.env['UV_THREADPOOL_SIZE'] ??= String(Math.max(2, availableParallelism()));
