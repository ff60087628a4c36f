import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MAIN, NODE_FLAGS, ROOT } from './keyward-process';

/** Every read model's rows, in a stable order (checkpoints left out: see below). */
export function snapshotReadModels(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const tables = [
    'user_list',
    'api_token_list',
    'tenant_domains',
    'app_password_list',
    'app_password_owners',
    'usage_monthly',
    'usage_addresses',
    'usage_address_months',
    'usage_tenant_daily',
    'usage_rejections',
    'usage_client_names',
    'audit_lifecycle',
    'audit_runs',
    'audit_day_types',
    'audit_state',
    'audit_tenants',
    'audit_days',
    'revocation_cases',
    'revocation_outcomes',
  ];
  // Checkpoints are left out: a joint rebuild leaves each at the last event it read, a live
  // projection at the last event of its own; both are right.
  const result: Record<string, unknown[]> = {};
  for (const table of tables) result[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  db.close();
  return result;
}

/** `rebuild-read-models` on a stopped Keyward's data directory; its output. */
export function rebuildReadModels(dataDir: string): string {
  return execFileSync(process.execPath, [...NODE_FLAGS, MAIN, 'rebuild-read-models'], {
    cwd: ROOT,
    env: { ...process.env, KEYWARD_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}
