import { Inject, Injectable, Logger, SetMetadata, type OnApplicationBootstrap, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { BackgroundCheckpoints, type EventStore } from '@keyward/shared/event-store';
import {
  catchUpTogether,
  CheckpointedSubscriber,
  DeadLetters,
  ProjectionRunner,
  reactionHandler,
  type DeadLetter,
  type FailurePolicy,
  type Reaction,
  type SubscriberLogger,
} from '@keyward/shared/event-sourcing';
import type { Projection, ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, EVENT_STORE, PROJECTIONS, READ_MODEL_DB, SUBSCRIBER_FAILURE_POLICY, type Clock } from './tokens';

const REACTION = 'keyward:reaction';

/** Marks a provider as a Reaction: the subscriber host runs it from the store with a checkpoint of its own. */
export const Reactor = (): ClassDecorator => SetMetadata(REACTION, true);

/** What GET /health reports of this node's subscribers. */
export interface SubscriberHealth {
  readonly status: 'ok' | 'degraded';
  readonly deadLetters: number;
  /** Subscribers retrying an event right now. */
  readonly retrying: string[];
}

/**
 * Runs this node's subscribers: every projection (caught up before the server listens) and every
 * provider marked @Reactor(), each a CheckpointedSubscriber in the read-model database. It also
 * answers for their health and their dead letters.
 */
@Injectable()
export class SubscriberHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Subscribers');
  private readonly log: SubscriberLogger = {
    error: (message, details) => this.logger.error({ msg: message, ...details }),
    warn: (message, details) => this.logger.warn({ msg: message, ...details }),
  };
  readonly deadLetters: DeadLetters;
  readonly projections: ProjectionRunner[];
  private reactions: CheckpointedSubscriber[] = [];
  private optimizer: NodeJS.Timeout | null = null;
  private readonly checkpoints?: BackgroundCheckpoints;

  constructor(
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SUBSCRIBER_FAILURE_POLICY) private readonly failures: FailurePolicy,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {
    this.deadLetters = new DeadLetters(db);
    this.checkpoints = BackgroundCheckpoints.start(db, (error) => this.logger.warn({ msg: 'read-model checkpoints in the background failed', error }));
    const options = { failures, now: () => clock.now() };
    this.projections = projections.map((projection) => new ProjectionRunner(projection, store, db, this.deadLetters, this.log, options));
  }

  async onApplicationBootstrap(): Promise<void> {
    // One joint pass first (each event read once for every read model), then each subscribes.
    await catchUpTogether(this.projections, this.store, this.db).catch((error: unknown) =>
      this.logger.warn({ msg: 'joint catch-up stopped; each read model goes on by itself', error: String(error) }),
    );
    await Promise.all(this.projections.map((runner) => runner.start()));
    // Query plans depend on statistics (which filters are selective): refresh them once caught
    // up and then hourly, as SQLite recommends for long-lived connections; bounded, so cheap.
    this.optimize();
    this.optimizer = setInterval(() => this.optimize(), 3_600_000);
    this.optimizer.unref();
    const now = () => this.clock.now();
    this.reactions = this.discoverReactions()
      .filter((reaction) => reaction.isEnabled?.() ?? true)
      .map((reaction) => new CheckpointedSubscriber(reactionHandler(reaction), this.store, this.db, this.deadLetters, this.log, { failures: reaction.failures ?? this.failures, now }));
    requireUniqueNames(this.subscribers().map((subscriber) => subscriber.name));
    for (const reaction of this.reactions) void reaction.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.optimizer) clearInterval(this.optimizer);
    await Promise.all(this.reactions.map((reaction) => reaction.stop()));
    await Promise.all(this.projections.map((runner) => runner.stop()));
    await this.store.close();
    await this.checkpoints?.stop();
    this.db.close();
  }

  /** Resolves once every read model holds every event appended before the call. */
  async settled(): Promise<void> {
    await Promise.all(this.projections.map((runner) => runner.settled()));
  }

  /** Resolves once every reaction has handled every event appended before the call. */
  async reactionsSettled(): Promise<void> {
    await Promise.all(this.reactions.map((reaction) => reaction.settled()));
  }

  health(): SubscriberHealth {
    const deadLetters = this.deadLetters.count();
    const retrying = this.subscribers().filter((subscriber) => subscriber.currentFailure !== null).map((subscriber) => subscriber.name);
    return { status: deadLetters > 0 || retrying.length > 0 ? 'degraded' : 'ok', deadLetters, retrying };
  }

  /** The dead letters of the tenant's events. */
  deadLettersOf(tenantId: string): DeadLetter[] {
    return this.deadLetters.list(tenantId);
  }

  /** Hands a dead letter of the tenant's to its subscriber once more. */
  async retry(id: number, tenantId: string): Promise<'resolved' | 'failed-again' | 'not-found'> {
    const found = this.deadLetters.find(id);
    if (!found || found.deadLetter.tenantId !== tenantId) return 'not-found';
    const subscriber = this.subscribers().find((candidate) => candidate.name === found.deadLetter.subscriber);
    if (!subscriber) return 'not-found';
    try {
      await subscriber.retryParked(id);
      return 'resolved';
    } catch (error) {
      this.logger.warn({ msg: 'a dead letter failed again', id, subscriber: subscriber.name, error: String(error) });
      return 'failed-again';
    }
  }

  private subscribers(): CheckpointedSubscriber[] {
    return [...this.projections.map((runner) => runner.subscriber), ...this.reactions];
  }

  private discoverReactions(): Reaction[] {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && this.reflector.get<boolean>(REACTION, wrapper.metatype as Type))
      .map((wrapper) => wrapper.instance as Reaction);
  }

  private optimize(): void {
    this.db.pragma('analysis_limit = 1000');
    this.db.pragma('optimize = 0x10002');
  }
}

/**
 * Checkpoints, failure counts and dead letters are kept by subscriber name: two subscribers of
 * one name would move each other's checkpoint and skip events. Refuses to start with such a pair.
 */
export function requireUniqueNames(names: readonly string[]): void {
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`Two subscribers (projections or reactions) share a name: ${[...new Set(repeated)].join(', ')}`);
}
