import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';

/**
 * How many of these app passwords of a tenant were used at or after `since`: what revoking them
 * breaks. For a process that has its credentials by id already (leak reports); a person's query
 * goes through MatchAppPasswordsQuery, which applies what the person may see.
 */
export class CountRecentlyUsedQuery {
  constructor(
    readonly tenantId: string,
    readonly appPasswordIds: readonly string[],
    readonly since: string,
  ) {}
}

@QueryHandler(CountRecentlyUsedQuery)
export class CountRecentlyUsedHandler implements IQueryHandler<CountRecentlyUsedQuery, number> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ tenantId, appPasswordIds, since }: CountRecentlyUsedQuery): Promise<number> {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM app_password_list WHERE tenant_id = ? AND last_used_at >= ? AND app_password_id IN (SELECT value FROM json_each(?))')
      .get(tenantId, since, JSON.stringify(appPasswordIds)) as { n: number };
    return row.n;
  }
}
