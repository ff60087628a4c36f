import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { openEventStore, type EventStore } from '@keyward/shared/event-store';
import { Aggregates, DEFAULT_FAILURE_POLICY } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, type Projection } from '@keyward/shared/read-models';
import { v7 as uuidv7 } from 'uuid';
import type { KeywardConfig } from './keyward-config';
import { withTimedAppends } from './metrics';
import { SubscriberHost } from './subscriber-host';
import {
  CLOCK,
  EVENT_STORE,
  ID_GENERATOR,
  KEYWARD_CONFIG,
  PROJECTIONS,
  READ_MODEL_DB,
  SUBSCRIBER_FAILURE_POLICY,
  type Clock,
  type IdGenerator,
} from './tokens';

/**
 * The infrastructure every scope shares: configuration, the event store (reached through
 * Aggregates only, by application code), this node's read-model database, the clock, id
 * generation, and the subscribers' lifecycle.
 */
@Global()
@Module({})
export class KeywardCoreModule {
  /** `clock`: the wall clock unless a test moves time itself (a sweep weeks later). */
  static forRoot(config: KeywardConfig, projections: Projection[], clock: Clock = { now: () => new Date() }): DynamicModule {
    const ids: IdGenerator = { newId: () => uuidv7() };
    return {
      module: KeywardCoreModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: KEYWARD_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => withTimedAppends(openEventStore(config)) },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDatabase(config.dataDir) },
        { provide: CLOCK, useValue: clock },
        { provide: ID_GENERATOR, useValue: ids },
        { provide: PROJECTIONS, useValue: projections },
        { provide: SUBSCRIBER_FAILURE_POLICY, useValue: DEFAULT_FAILURE_POLICY },
        { provide: Aggregates, useFactory: (store: EventStore) => new Aggregates(store, () => ids.newId()), inject: [EVENT_STORE] },
        SubscriberHost,
      ],
      exports: [KEYWARD_CONFIG, EVENT_STORE, READ_MODEL_DB, CLOCK, ID_GENERATOR, SubscriberHost, Aggregates],
    };
  }
}
