import type { EventFilter, RecordedEvent } from '@keyward/shared/event-store';
import type { FailurePolicy, SaveCheckpoint, SubscriberHandler } from './checkpointed-subscriber';

/**
 * Something Keyward does when an event happens (revoke a disabled user's app passwords, end mail
 * sessions). Fed by a CheckpointedSubscriber one event at a time, or in batches (reactToBatch): a reaction runs at least once,
 * so it must be idempotent (revoking twice writes one event).
 */
export interface Reaction {
  /** Stable name: the checkpoint, failures and dead letters are kept under it. */
  readonly name: string;
  readonly filter: EventFilter;
  /** Whether this node reacts at all (a reaction may depend on configuration). */
  isEnabled?(): boolean;
  /**
   * How a failing event is retried before it is parked, when the subscribers' default (a few
   * seconds in all) is too short: a webhook receiver may be away for minutes.
   */
  readonly failures?: FailurePolicy;
  /**
   * Reacts to one event; a throw is a failure, retried and eventually parked. `save` moves the
   * checkpoint past the event: a reaction that keeps state of its own in the read-model
   * database (ReactionMemory) calls it in the transaction that writes that state. The
   * subscriber saves the same position again afterwards, which changes nothing.
   */
  react(event: RecordedEvent, save: SaveCheckpoint): Promise<void>;
  /**
   * Reacts to several events at once (one request to Dovecot for a whole revocation case, say).
   * When it throws, the events are handed to `react` one at a time, so that only the failing one
   * is retried and parked.
   */
  reactToBatch?(events: readonly RecordedEvent[], save: SaveCheckpoint): Promise<void>;
}

/** The subscriber's view of a reaction: react, then move the checkpoint past the event. */
export function reactionHandler(reaction: Reaction): SubscriberHandler {
  return {
    name: reaction.name,
    filter: reaction.filter,
    isBatched: reaction.reactToBatch !== undefined,
    async handle(events, save) {
      if (reaction.reactToBatch && events.length > 1) {
        await reaction.reactToBatch(events, save);
        save(events[events.length - 1].position);
        return;
      }
      for (const event of events) {
        await reaction.react(event, save);
        save(event.position);
      }
    },
  };
}
