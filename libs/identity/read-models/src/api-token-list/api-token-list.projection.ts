import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection } from '@keyward/shared/read-models';
import type { ApiTokenEvent } from '@keyward/identity/domain';

/** `ApiTokenList`: every API token of every tenant, for the console's list (never its hash). */
export const apiTokenListProjection: Projection = {
  name: 'api-token-list',
  filter: { streamPrefixes: ['apiToken-'] },

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS api_token_list (
        api_token_id TEXT PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at   TEXT,
        revoked_by   TEXT
      );
      CREATE INDEX IF NOT EXISTS api_token_list_by_tenant ON api_token_list (tenant_id, created_at, api_token_id);
      CREATE INDEX IF NOT EXISTS api_token_list_by_user ON api_token_list (user_id, created_at, api_token_id);`);
  },

  reset(db) {
    db.exec('DELETE FROM api_token_list;');
  },

  apply(db, event) {
    const typed = event as RecordedEvent & ApiTokenEvent;
    switch (typed.type) {
      case 'ApiTokenCreated': {
        const { apiTokenId, tenantId, userId, name, role, expiresAt } = typed.data;
        statement(db, 'INSERT OR IGNORE INTO api_token_list VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)').run(apiTokenId, tenantId, userId, name, role, typed.metadata.occurredAt, expiresAt);
        return;
      }
      case 'ApiTokenRevoked':
        statement(db, 'UPDATE api_token_list SET revoked_at = ?, revoked_by = ? WHERE api_token_id = ? AND revoked_at IS NULL').run(typed.metadata.occurredAt, typed.metadata.actor, typed.data.apiTokenId);
        return;
      case 'ApiTokenUsed':
        statement(db, 'UPDATE api_token_list SET last_used_at = max(coalesce(last_used_at, ?), ?) WHERE api_token_id = ?').run(typed.data.usedAt, typed.data.usedAt, typed.data.apiTokenId);
        return;
    }
  },
};
