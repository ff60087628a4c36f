import { Args, Field, ID, Int, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Connection, DateTimeScalar, pageSize, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import { NOTICE_KINDS, type NoticeKind } from '@keyward/compliance/domain';
import { GetNoticesQuery, type NoticeView, type Page } from '@keyward/compliance/read-models';

export const NoticeKindEnum = Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, kind])) as Record<NoticeKind, NoticeKind>;
registerEnumType(NoticeKindEnum, { name: 'NoticeKind' });
export const NoticeStatusEnum = { QUEUED: 'QUEUED', SENDING: 'SENDING', FAILED: 'FAILED', SENT: 'SENT' } as const;
registerEnumType(NoticeStatusEnum, { name: 'NoticeStatus', description: 'FAILED: the mail server refused it or was down; it is tried again at nextAttemptAt.' });

@ObjectType('Notice', { description: 'A mail Keyward sent (or is sending) to a person. It never carries a secret.' })
export class NoticeModel {
  @Field(() => ID) id!: string;
  @Field(() => NoticeKindEnum) kind!: NoticeKind;
  @Field(() => ID) userId!: string;
  @Field() recipient!: string;
  @Field() subject!: string;
  @Field(() => NoticeStatusEnum) status!: NoticeView['status'];
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeScalar) queuedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) sentAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) nextAttemptAt!: string | null;
  @Field(() => String, { nullable: true, description: "The mail server's last refusal." }) lastError!: string | null;
}

const NoticeConnection = Connection(NoticeModel, 'Notice');

@Resolver(() => NoticeModel)
export class NoticesResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => NoticeConnection, { description: "The mail Keyward sent, newest first: the tenant's for admins, responders and auditors, one's own otherwise." })
  @Requires('notices.read')
  async notices(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<NoticeView> = await this.queries.execute(new GetNoticesQuery(principal, pageSize(first), after ?? null));
    return toConnection(page);
  }
}
