import { inject, Injectable, signal } from '@angular/core';
import { DeadLettersApi, messageOf, SessionStore, type DeadLetter } from '@keyward/console/shared/data-access';

/**
 * The dead letters of this node for whoever holds operations.read: kept fresh by polling, and
 * retried one at a time. A retry that resolves drops the letter; one that fails shows its new error.
 */
@Injectable()
export class DeadLetterStore {
  private readonly api = inject(DeadLettersApi);
  private readonly session = inject(SessionStore);
  private readonly retrying = signal<ReadonlySet<string>>(new Set());
  private readonly retryErrors = signal<ReadonlyMap<string, string>>(new Map());
  private requestNumber = 0;

  /** The dead letters as last read, oldest first. */
  readonly letters = signal<DeadLetter[]>([]);

  isRetrying(id: string): boolean {
    return this.retrying().has(id);
  }

  /** Why the last retry of this dead letter failed, or ''. */
  retryErrorOf(id: string): string {
    return this.retryErrors().get(id) ?? '';
  }

  /** Reads the dead letters again; nothing is asked of the server without operations.read. */
  async refresh(): Promise<void> {
    if (!this.session.can('operations.read')) {
      this.letters.set([]);
      return;
    }
    const request = ++this.requestNumber;
    try {
      const letters = await this.api.list();
      if (request === this.requestNumber) this.letters.set(letters);
    } catch {
      // A failed poll keeps the last list; the next one tries again, and pages show their own errors.
    }
  }

  /** Reads now and then every `intervalMs`; the answer stops it. */
  poll(intervalMs: number): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), intervalMs);
    return () => clearInterval(timer);
  }

  async retry(id: string): Promise<void> {
    this.retrying.update((ids) => new Set(ids).add(id));
    this.setRetryError(id, '');
    try {
      const outcome = await this.api.retry(id);
      // A poll sent before this answer would show the letter as it was; let it be dropped.
      this.requestNumber++;
      const after = outcome.deadLetter;
      if (outcome.isResolved || !after) this.letters.update((letters) => letters.filter((letter) => letter.id !== id));
      else {
        this.letters.update((letters) => letters.map((letter) => (letter.id === id ? { ...letter, attempts: after.attempts, lastError: after.lastError } : letter)));
        this.setRetryError(id, `The retry failed too: ${after.lastError}`);
      }
    } catch (error) {
      this.setRetryError(id, messageOf(error));
    } finally {
      this.retrying.update((ids) => new Set([...ids].filter((other) => other !== id)));
    }
  }

  private setRetryError(id: string, message: string): void {
    this.retryErrors.update((errors) => {
      const next = new Map(errors);
      if (message) next.set(id, message);
      else next.delete(id);
      return next;
    });
  }
}
