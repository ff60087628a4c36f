import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { badInput, stableId } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { CheckpointedSubscriber, DeadLetters, type SubscriberLogger } from '@keyward/shared/event-sourcing';
import { CLOCK, EVENT_STORE, ID_GENERATOR, KEYWARD_CONFIG, type Clock, type IdGenerator, type KeywardConfig } from '@keyward/shared/server';
import { formatCheckpoint, signNote, TreeReader } from '@keyward/shared/transparency';
import { AuditLogFile, type SignedCheckpoint } from './audit-log-file';
import { AuditLogWriter, CHECKPOINT_SIGNED, checkpointStreamId } from './audit-log-writer';
import { AuditKeys, originOf } from './audit-keys';
import { LeafReader } from './leaf-reader';
import { ExportLines } from './export/export-lines';
import { WRITER_OPTIONS } from './writer/writer-options';
import { AuditLogWriterThread } from './writer/writer-thread';

/** What keeps the log: a checkpointed subscriber on the event loop, or the writer's thread. */
interface LogWriter {
  start(): Promise<void>;
  stop(): Promise<void>;
  settled(): Promise<void>;
}

/**
 * Each tenant's transparency log (DESIGN §7): kept from the store by its own subscriber in its
 * own file (on a thread of its own when the build's worker script is there, so that logging a
 * burst of events does not hold up the event loop), signed periodically
 * (`KEYWARD_CHECKPOINT_SECONDS`) and on request. Every checkpoint signed is also recorded as an event (`AuditCheckpointSigned`), so it is itself in the log and
 * two notes that disagree prove a fork.
 */
@Injectable()
export class AuditLog implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  readonly file: AuditLogFile;
  readonly keys: AuditKeys;
  private readonly writer: LogWriter;
  private timer: NodeJS.Timeout | null = null;
  private readonly signing = new Map<string, Promise<SignedCheckpoint>>();
  /** The lines of `GET /exports/audit-log`, made on worker threads. */
  readonly exportLines: ExportLines;

  constructor(
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {
    this.file = new AuditLogFile(config.dataDir);
    this.keys = new AuditKeys(config.auditLog.keyFile, () => clock.now());
    const script = config.auditLog.workerScript;
    this.exportLines = new ExportLines(this.file, script, { dataDir: config.dataDir });
    const log: SubscriberLogger = {
      error: (message, details) => this.logger.error({ msg: message, ...details }),
      warn: (message, details) => this.logger.warn({ msg: message, ...details }),
    };
    this.writer = script
      ? new AuditLogWriterThread(script, { dataDir: config.dataDir, eventStoreUrl: config.eventStoreUrl }, log)
      : new CheckpointedSubscriber(new AuditLogWriter(this.file), store, this.file.db, new DeadLetters(this.file.db), log, { ...WRITER_OPTIONS, now: () => clock.now() });
  }

  onApplicationBootstrap(): void {
    this.logger.log({ msg: this.config.auditLog.workerScript ? 'the audit log is kept and exported on worker threads' : 'the audit log is kept and exported on the event loop (no worker script)' });
    void this.writer.start().catch((error: unknown) => this.logger.error({ msg: 'the audit log could not start', error: String(error) }));
    if (this.config.auditLog.checkpointMs > 0) {
      this.timer = setInterval(() => void this.signGrownLogs(), this.config.auditLog.checkpointMs);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.signing.values()]);
    await this.writer.stop();
    await this.exportLines.close();
  }

  onApplicationShutdown(): void {
    this.file.close();
  }

  /** Resolves once the log holds every event appended before the call. */
  async settled(): Promise<void> {
    await this.writer.settled();
  }

  origin(tenantId: string): string {
    return originOf(tenantId);
  }

  /** The tenant's log size once it holds every event written so far. */
  async size(tenantId: string): Promise<number> {
    await this.settled();
    return this.file.sizeOf(tenantId).size;
  }

  /**
   * The tenant's latest checkpoint, signed now if the log has grown by more than checkpoint
   * records since the last one (so asking twice gives the same note); with `size`, a checkpoint
   * of exactly that many leaves.
   */
  async checkpoint(tenantId: string, size?: number): Promise<SignedCheckpoint> {
    await this.settled();
    const log = this.file.sizeOf(tenantId);
    if (size !== undefined) {
      if (size > log.size) throw badInput(`The log has ${log.size} records; there is no checkpoint of size ${size}.`);
      return this.file.checkpointOfSize(tenantId, size) ?? this.sign(tenantId, size);
    }
    const latest = this.file.latestCheckpoint(tenantId);
    return latest && latest.size >= log.contentSize ? latest : this.sign(tenantId, log.size);
  }

  /** A reader of the tenant's tree as it is now: roots and proofs. */
  tree(tenantId: string): TreeReader {
    return new TreeReader(this.file.tiles(tenantId), this.file.sizeOf(tenantId).size);
  }

  leaves(): LeafReader {
    return new LeafReader(this.file);
  }

  /** Every tenant whose log grew since its last checkpoint gets a new one. */
  private async signGrownLogs(): Promise<void> {
    for (const tenantId of this.file.tenantIds()) {
      const { size, contentSize } = this.file.sizeOf(tenantId);
      const latest = this.file.latestCheckpoint(tenantId);
      if (latest && latest.size >= contentSize) continue;
      await this.sign(tenantId, size).catch((error: unknown) => this.logger.warn({ msg: 'signing a checkpoint failed; the next period tries again', tenantId, error: String(error) }));
    }
  }

  /** Signs a checkpoint of `size` leaves, saves it and records it; one signing per tenant and size at a time. */
  private sign(tenantId: string, size: number): Promise<SignedCheckpoint> {
    const key = `${tenantId} ${size}`;
    let pending = this.signing.get(key);
    if (!pending) {
      pending = this.signNow(tenantId, size).finally(() => this.signing.delete(key));
      this.signing.set(key, pending);
    }
    return pending;
  }

  private async signNow(tenantId: string, size: number): Promise<SignedCheckpoint> {
    const existing = this.file.checkpointOfSize(tenantId, size);
    if (existing) return existing;
    const rootHash = this.tree(tenantId).rootHash(size);
    const signer = this.keys.signerFor(tenantId);
    const note = signNote(formatCheckpoint({ origin: originOf(tenantId), size, rootHash }), [signer]);
    const checkpoint: SignedCheckpoint = { tenantId, size, rootHash, note, verifierKey: signer.verifierKey, signedAt: this.clock.now().toISOString() };
    this.file.saveCheckpoint(checkpoint);
    const correlationId = this.ids.newId();
    // The event id is the checkpoint's: two nodes (or a retry) signing the same checkpoint record it once.
    await this.store.appendToStream(
      checkpointStreamId(tenantId),
      [
        {
          id: stableId('audit-checkpoint', `${tenantId}/${size}/${rootHash.toString('base64')}/${signer.keyId}`),
          type: CHECKPOINT_SIGNED,
          data: { size, rootHash: rootHash.toString('base64'), verifierKey: signer.verifierKey, note },
          metadata: { tenantId, actor: 'system:audit-log', occurredAt: checkpoint.signedAt, correlationId, causationId: correlationId },
        },
      ],
      { expectedRevision: 'any' },
    );
    return this.file.checkpointOfSize(tenantId, size) ?? checkpoint;
  }
}
