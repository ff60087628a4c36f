import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { openEventStore, type EventStore } from '@keyward/shared/event-store';
import {
  openReadModelDatabase,
  ProjectionRunner,
  type Projection,
  type ReadModelDatabase,
} from '@keyward/shared/read-models';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from './aggregates';
import type { KeywardConfig } from './keyward-config';
import { CLOCK, EVENT_STORE, ID_GENERATOR, KEYWARD_CONFIG, PROJECTIONS, READ_MODEL_DB, type Clock, type IdGenerator } from './tokens';

/** Starts every projection at boot (caught up before the server listens) and stops them at shutdown. */
class ProjectionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly runners: ProjectionRunner[];

  constructor(
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(projection, store, db, {
          error: (message, error) => this.logger.error(message, error instanceof Error ? error.stack : String(error)),
        }),
    );
  }

  private optimizer: NodeJS.Timeout | null = null;

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
    // Query plans depend on statistics (which filters are selective): refresh them once caught
    // up and then hourly, as SQLite recommends for long-lived connections; bounded, so cheap.
    this.optimize();
    this.optimizer = setInterval(() => this.optimize(), 3_600_000);
    this.optimizer.unref();
  }

  private optimize(): void {
    this.db.pragma('analysis_limit = 1000');
    this.db.pragma('optimize = 0x10002');
  }

  /** Resolves once every read model holds every event appended before the call. */
  async settled(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.settled()));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.optimizer) clearInterval(this.optimizer);
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.store.close();
    this.db.close();
  }
}

export { ProjectionHost };

/**
 * The infrastructure every scope shares: configuration, the event store, this node's read-model
 * database, the clock, id generation, and the projections' lifecycle.
 */
@Global()
@Module({})
export class KeywardCoreModule {
  static forRoot(config: KeywardConfig, projections: Projection[]): DynamicModule {
    const clock: Clock = { now: () => new Date() };
    const ids: IdGenerator = { newId: () => uuidv7() };
    return {
      module: KeywardCoreModule,
      providers: [
        { provide: KEYWARD_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDatabase(config.dataDir) },
        { provide: CLOCK, useValue: clock },
        { provide: ID_GENERATOR, useValue: ids },
        { provide: PROJECTIONS, useValue: projections },
        ProjectionHost,
        Aggregates,
      ],
      exports: [KEYWARD_CONFIG, EVENT_STORE, READ_MODEL_DB, CLOCK, ID_GENERATOR, ProjectionHost, Aggregates],
    };
  }
}
