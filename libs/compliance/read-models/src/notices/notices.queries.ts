import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { scopeOf, type UserPrincipal } from '@keyward/identity/domain';
import type { NoticeView } from './notices.projection';
import type { Page } from '../access-reviews/access-reviews.queries';

/** The mail Keyward sent (or is sending): the tenant's for its readers, one's own otherwise. */
export class GetNoticesQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

type Row = Record<string, string | number | null>;

@QueryHandler(GetNoticesQuery)
export class GetNoticesHandler implements IQueryHandler<GetNoticesQuery, Page<NoticeView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, first, after }: GetNoticesQuery): Promise<Page<NoticeView>> {
    const everyone = scopeOf(principal, 'notices.read') === 'TENANT';
    const where = `tenant_id = @tenantId${everyone ? '' : ' AND user_id = @me'}`;
    const params: Record<string, unknown> = { tenantId: principal.tenantId, me: principal.userId, limit: first + 1 };
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM notices WHERE ${where}`).get(params) as { n: number }).n;
    let page = '';
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      page = ' AND (queued_at, notice_id) < (@afterKey, @afterId)';
      Object.assign(params, { afterKey: keys[0], afterId: keys[1] });
    }
    const rows = this.db.prepare(`SELECT * FROM notices WHERE ${where}${page} ORDER BY queued_at DESC, notice_id DESC LIMIT @limit`).all(params) as Row[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toView(row), cursor: encodeCursor([row['queued_at'] as string, row['notice_id'] as string]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

function toView(row: Row): NoticeView {
  const status = row['status'] as NoticeView['status'];
  return {
    id: row['notice_id'] as string,
    kind: row['kind'] as NoticeView['kind'],
    userId: row['user_id'] as string,
    recipient: row['recipient'] as string,
    subject: row['subject'] as string,
    status,
    attempts: row['attempts'] as number,
    queuedAt: row['queued_at'] as string,
    sentAt: row['sent_at'] as string | null,
    nextAttemptAt: status === 'SENT' ? null : (row['due_at'] as string),
    lastError: row['last_error'] as string | null,
  };
}
