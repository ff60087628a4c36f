import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext } from '@keyward/shared/domain';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { Aggregates, type Reaction, type SaveCheckpoint } from '@keyward/shared/event-sourcing';
import { ReactionMemory, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, Reactor, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { SIGN_IN_EVENT_TYPES } from '@keyward/app-passwords/domain';
import { alertDecider, alertStreamId, DEFAULT_ALERT_SETTINGS, detectInBatch, watermarkOf, type AlertSettings, type AlertWrite } from '@keyward/incidents/domain';

/** The actor of every alert event: the detection, not a person. */
export const ALERT_DETECTION_ACTOR = 'system:alert-detection';

/**
 * Runs the alert detectors over every sign-in event, in log order, from a checkpoint. What the
 * detectors remember (recent failures, known networks, open alerts) is kept in the read-model
 * database and written in the same transaction as the checkpoint, after the alerts of the batch
 * are in the store. A crash in between hands the batch over again to the memory as it was, which
 * decides the same alerts with the same ids and totals: the store takes none of them twice.
 * Every node runs it; their alerts meet in the same streams.
 */
@Injectable()
@Reactor()
export class AlertDetection implements Reaction {
  readonly name = 'alert-detection';
  readonly filter = { streamPrefixes: ['appPasswordUsage-', 'signInFailures-'], eventTypes: SIGN_IN_EVENT_TYPES };
  readonly memory: ReactionMemory;
  private readonly settings: AlertSettings;
  private readonly logger = new Logger('Alerts');

  constructor(
    private readonly aggregates: Aggregates,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
  ) {
    this.memory = new ReactionMemory(db, this.name);
    this.settings = { ...DEFAULT_ALERT_SETTINGS, ...config.alerts };
  }

  react(event: RecordedEvent, save: SaveCheckpoint): Promise<void> {
    return this.reactToBatch([event], save);
  }

  async reactToBatch(events: readonly RecordedEvent[], save: SaveCheckpoint): Promise<void> {
    const memory = this.memory.begin();
    const writes = detectInBatch(memory, events, this.settings);
    // Each alert is in the batch's writes once, in a stream of its own: written together, they
    // share the store's group commits.
    await Promise.all(writes.map((write) => this.write(write)));
    this.db.transaction(() => {
      memory.write();
      // What the detectors no longer see, since the watermark passed it, need not be kept.
      const watermark = watermarkOf(memory);
      if (Number.isFinite(watermark)) memory.expire(watermark);
      save(events[events.length - 1].position);
    })();
  }

  private async write({ tenantId, causedBy, command }: AlertWrite): Promise<void> {
    const context: CommandContext = { actor: ALERT_DETECTION_ACTOR, tenantId, now: this.clock.now(), correlationId: causedBy.metadata.correlationId, causationId: causedBy.id };
    const { events } = await this.aggregates.handle(alertStreamId(command.data.alertId), alertDecider, command, context);
    for (const event of events) {
      if (event.type === 'AlertRaised') {
        const { alertId, kind, severity, subject, count } = event.data;
        this.logger.warn({ msg: 'alert raised', alertId, tenantId, kind, severity, subject, count });
      }
    }
  }
}
