import { computed, inject, Injectable, signal } from '@angular/core';
import { RequestState } from '@keyward/console/shared/data-access';
import type { AuditCheckpoint } from './audit-checkpoint';
import { signingKeyOf, tenantKeysOf, type AuditKey } from './audit-key';
import { AuditLogApi } from './audit-log.api';
import { exportErrorMessage } from './export-errors';

/**
 * What an export is proven against: the tenant's latest signed checkpoint and its verifier keys
 * (the current one, and the retired ones an older bundle may need), read together.
 */
@Injectable()
export class AuditEvidenceStore {
  private readonly api = inject(AuditLogApi);
  private readonly publishedKeys = signal<AuditKey[]>([]);

  readonly request = new RequestState(true);
  /** The latest checkpoint; null before it is read, and when the log has none yet. */
  readonly checkpoint = signal<AuditCheckpoint | null>(null);
  /** Whether the checkpoint and keys have been read at least once. */
  readonly isLoaded = signal(false);
  /** This tenant's keys, the current one first. */
  readonly keys = computed(() => tenantKeysOf(this.publishedKeys(), this.checkpoint()));
  /** The key whose signature is on the latest checkpoint, or null. */
  readonly signingKey = computed(() => signingKeyOf(this.keys(), this.checkpoint()));
  /** The key to verify with: the one that signed the checkpoint, else the current one. */
  readonly verifyingKey = computed(() => this.signingKey() ?? this.keys().find((key) => key.retiredAt === null) ?? null);

  /** Reads the checkpoint and the keys again. */
  load(): Promise<void> {
    return this.request.run(async () => {
      try {
        const [checkpoint, keys] = await Promise.all([this.api.latestCheckpoint(), this.api.verifierKeys()]);
        this.checkpoint.set(checkpoint);
        this.publishedKeys.set(keys);
        this.isLoaded.set(true);
      } catch (error) {
        throw new Error(exportErrorMessage(error));
      }
    });
  }
}
