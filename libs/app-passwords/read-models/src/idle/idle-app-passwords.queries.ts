import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';

/** Tenants that hold at least one active app password: the ones an idle sweep looks at. */
export class GetTenantsWithActiveAppPasswordsQuery {}

/** Active app passwords of a tenant neither used nor created since `unusedSince` (at most `limit`, the longest idle first). */
export class GetIdleAppPasswordsQuery {
  constructor(
    readonly tenantId: string,
    readonly unusedSince: string,
    readonly limit: number,
  ) {}
}

@QueryHandler(GetTenantsWithActiveAppPasswordsQuery)
export class GetTenantsWithActiveAppPasswordsHandler implements IQueryHandler<GetTenantsWithActiveAppPasswordsQuery, string[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute(): Promise<string[]> {
    const rows = this.db.prepare("SELECT DISTINCT tenant_id FROM app_password_list WHERE status = 'ACTIVE'").all() as { tenant_id: string }[];
    return rows.map((row) => row.tenant_id);
  }
}

@QueryHandler(GetIdleAppPasswordsQuery)
export class GetIdleAppPasswordsHandler implements IQueryHandler<GetIdleAppPasswordsQuery, string[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ tenantId, unusedSince, limit }: GetIdleAppPasswordsQuery): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT app_password_id FROM app_password_list
         WHERE tenant_id = ? AND status = 'ACTIVE' AND coalesce(last_used_at, created_at) < ?
         ORDER BY coalesce(last_used_at, created_at) LIMIT ?`,
      )
      .all(tenantId, unusedSince, limit) as { app_password_id: string }[];
    return rows.map((row) => row.app_password_id);
  }
}
