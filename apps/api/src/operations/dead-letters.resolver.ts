import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { badInput, notFound } from '@keyward/shared/domain';
import { DateTimeScalar, SubscriberHost } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';

@ObjectType('DeadLetter', { description: "An event of the tenant's that a subscriber of this node gave up on after repeated failures." })
export class DeadLetterModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The projection or reaction that failed.' }) subscriber!: string;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field() streamId!: string;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => Int) attempts!: number;
  @Field() lastError!: string;
  @Field(() => DateTimeScalar) parkedAt!: string;
}

@ObjectType('DeadLetterRetry')
export class DeadLetterRetryModel {
  @Field({ description: 'Whether the subscriber handled the event this time (the dead letter is then gone).' }) isResolved!: boolean;
  @Field(() => DeadLetterModel, { nullable: true, description: 'The dead letter as it stands after a failed retry: one more attempt, the newest error.' })
  deadLetter!: DeadLetterModel | null;
}

/** Dead letters for global admins: the console's banner lists them, and a retry hands one to its subscriber again. */
@Resolver(() => DeadLetterModel)
export class DeadLettersResolver {
  constructor(private readonly subscribers: SubscriberHost) {}

  @Query(() => [DeadLetterModel], { description: "Events of the tenant this node's subscribers parked after repeated failures, oldest first." })
  @Requires('operations.read')
  deadLetters(@CurrentPrincipal() principal: UserPrincipal): DeadLetterModel[] {
    return this.subscribers.deadLettersOf(principal.tenantId).map((letter) => ({ ...letter, id: String(letter.id) }));
  }

  @Mutation(() => DeadLetterRetryModel, { description: 'Hands a dead letter to its subscriber once more.' })
  @Requires('operations.retry')
  async retryDeadLetter(@CurrentPrincipal() principal: UserPrincipal, @Args('id', { type: () => ID }) id: string): Promise<DeadLetterRetryModel> {
    if (!/^\d{1,15}$/.test(id)) throw badInput('Not a dead letter id.');
    const outcome = await this.subscribers.retry(Number(id), principal.tenantId);
    if (outcome === 'not-found') throw notFound('No such dead letter.');
    if (outcome === 'resolved') return { isResolved: true, deadLetter: null };
    const letter = this.subscribers.deadLettersOf(principal.tenantId).find((candidate) => candidate.id === Number(id)) ?? null;
    return { isResolved: false, deadLetter: letter && { ...letter, id: String(letter.id) } };
  }
}
