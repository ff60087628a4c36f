import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { badInput } from '@keyward/shared/domain';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionShape<Node> {
  edges: { node: Node; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `Node`, named `<Name>Connection`. */
export function Connection<Node>(nodeType: Type<Node>, name: string): Type<ConnectionShape<Node>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => nodeType) node!: Node;
    @Field() cursor!: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType as Type<ConnectionShape<Node>>;
}

/** The page size a connection argument asks for: 1 to 200, 50 by default. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 50;
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first must be between 1 and 200.');
  return first;
}

/** A page from a query handler, as the connection GraphQL returns. */
export function toConnection<Node>(page: {
  items: { item: Node; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}): ConnectionShape<Node> {
  return {
    edges: page.items.map(({ item, cursor }) => ({ node: item, cursor })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
