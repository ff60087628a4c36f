import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of the audit log's threads: below the event loop and the argon2 threads of `/verify`. */
const NICE = 10;

/**
 * Lowers this thread's scheduling priority (Linux: a thread has a nice value of its own, and
 * `/proc/thread-self` names it). The log's writer and its exports are background work: on a busy
 * machine a revocation case and `/verify` go first, and the log catches up after. Elsewhere, or
 * where the system refuses, the thread keeps its priority.
 */
export function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(threadId) && threadId > 0) setPriority(threadId, NICE);
  } catch {
    // Not Linux, or not allowed: the thread runs at the process's priority.
  }
}
