import { inject, Injectable } from '@angular/core';
import { graphql } from './gql';
import { GraphQLClient } from './graphql-client';

/** An event of the tenant's that a background subscriber of this node gave up on after repeated failures. */
export interface DeadLetter {
  id: string;
  /** The projection or reaction that failed. */
  subscriber: string;
  eventId: string;
  type: string;
  streamId: string;
  occurredAt: string;
  attempts: number;
  lastError: string;
  /** When the subscriber gave up on it. */
  parkedAt: string;
}

/** The outcome of a retry: resolved (the dead letter is gone), or the dead letter with one more attempt and its newest error. */
export interface DeadLetterRetry {
  isResolved: boolean;
  deadLetter: Pick<DeadLetter, 'id' | 'attempts' | 'lastError'> | null;
}

const DEAD_LETTERS = graphql(`
  query DeadLetters { deadLetters { id subscriber eventId type streamId occurredAt attempts lastError parkedAt } }
`);
const RETRY = graphql(`
  mutation RetryDeadLetter($id: ID!) { retryDeadLetter(id: $id) { isResolved deadLetter { id attempts lastError } } }
`);

/** The node's dead letters (operations.read) and their retry (operations.retry), typed. */
@Injectable({ providedIn: 'root' })
export class DeadLettersApi {
  private readonly graphql = inject(GraphQLClient);

  /** The tenant's dead letters on this node, oldest first. */
  async list(): Promise<DeadLetter[]> {
    return (await this.graphql.request(DEAD_LETTERS)).deadLetters;
  }

  /** Hands the dead letter to its subscriber once more. */
  async retry(id: string): Promise<DeadLetterRetry> {
    return (await this.graphql.request(RETRY, { id })).retryDeadLetter;
  }
}
