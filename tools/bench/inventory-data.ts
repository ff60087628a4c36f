import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@keyward/shared/domain';
import { EVENTS_FILE, SqliteEventStore, type NewEvent } from '@keyward/shared/event-store';
import { tenantIdForDomain, userIdFor } from '@keyward/identity/domain';
import { KEY_ID_LENGTH, SECRET_ALPHABET } from '@keyward/app-passwords/domain';

const DAY = 86_400_000;
const LABELS = ['Thunderbird on laptop', 'iPhone Mail', 'Outlook 2013', 'Scanner', 'Backup script', 'Android phone', 'CRM sync', 'Printer', 'NAS alerts'];
const SCOPE_SETS = [['imap', 'smtp'], ['smtp'], ['http'], ['pop', 'smtp'], ['imap']];

export interface InventoryDataSize {
  /** Two letters that start every key id of this tenant, so two tenants' ids never meet. */
  keyPrefix?: string;
  users: number;
  appPasswordsPerUser: number;
  usesPerAppPassword: number;
}

/** A key id valid in the password format, unique per (prefix, counter). */
function keyId(prefix: string, counter: number): string {
  let id = '';
  for (let rest = counter, i = 0; i < KEY_ID_LENGTH - prefix.length; i++, rest = Math.floor(rest / 32)) id = SECRET_ALPHABET[rest % 32] + id;
  return `${prefix}${id}`;
}

/**
 * Writes a tenant's history straight through the embedded store, before Keyward first starts on
 * the directory: users, their app passwords (a tenth revoked) and `usesPerAppPassword` sign-ins
 * each over the last 30 days, 4 % of them rejections. Keyward's bootstrap adds the tenant and its
 * admin at the first start. Returns how many events were written and how long it took.
 */
export async function writeInventoryData(dataDir: string, domain: string, size: InventoryDataSize, now = new Date()): Promise<{ events: number; seconds: number }> {
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  const tenantId = tenantIdForDomain(domain);
  const started = performance.now();
  let events = 0;
  const event = (type: string, data: object, at: number, actor: Actor, extra: object = {}): NewEvent => {
    const correlationId = randomUUID();
    return { id: randomUUID(), type, data, metadata: { tenantId, actor, occurredAt: new Date(at).toISOString(), correlationId, causationId: correlationId, ...extra } };
  };
  const BATCH = 25;
  for (let first = 0; first < size.users; first += BATCH) {
    const appends: Promise<unknown>[] = [];
    for (let u = first; u < Math.min(first + BATCH, size.users); u++) {
      const upn = `user${u}@${domain}`;
      const userId = userIdFor(upn);
      const createdAt = now.getTime() - 60 * DAY + (u % 100) * 3_600_000;
      appends.push(store.appendToStream(`user-${userId}`, [event('UserCreated', { userId, tenantId, userPrincipalName: upn, displayName: `User ${u}`, roles: ['USER'], mfaRegistered: true, passwordHash: null }, createdAt, 'system:bench')]));
      const reservations: NewEvent[] = [];
      for (let c = 0; c < size.appPasswordsPerUser; c++) {
        const n = u * size.appPasswordsPerUser + c;
        const appPasswordId = keyId(size.keyPrefix ?? 'bn', n);
        const generatedAt = createdAt + (c + 1) * 3_600_000;
        reservations.push(event('AppPasswordSlotReserved', { appPasswordId, userId, reservedAt: new Date(generatedAt).toISOString() }, generatedAt, 'system:bench'));
        const scopes = SCOPE_SETS[n % SCOPE_SETS.length];
        const lifecycle = [
          event('AppPasswordGenerated', { appPasswordId, userId, tenantId, label: LABELS[n % LABELS.length], scopes, expiresAt: new Date(generatedAt + (n % 7 === 0 ? 70 : 365) * DAY).toISOString(), secretHash: 'bench-not-a-hash' }, generatedAt, 'system:bench'),
        ];
        if (n % 10 === 3) lifecycle.push(event('AppPasswordRevoked', { appPasswordId, reason: 'Benchmark revocation', incidentRef: null }, now.getTime() - (n % 20) * DAY, 'system:bench'));
        appends.push(store.appendToStream(`appPassword-${appPasswordId}`, lifecycle));
        const uses: NewEvent[] = [];
        for (let k = 0; k < size.usesPerAppPassword; k++) {
          const at = now.getTime() - 30 * DAY + Math.floor(((k + 0.5) / size.usesPerAppPassword) * 30 * DAY) - (n % 3_600_000);
          const protocol = scopes[k % scopes.length];
          const sourceIp = `198.51.${n % 200}.${k % 3}`;
          const isRejected = k % 25 === 24;
          const data = { appPasswordId, userId, protocol, sourceIp, client: 'bench', ...(isRejected ? { reason: 'WRONG_SECRET' } : {}) };
          uses.push(event(isRejected ? 'AppPasswordRejected' : 'AppPasswordUsed', data, at, 'gateway:bench', { sourceIp, protocol, client: 'bench' }));
        }
        if (uses.length > 0) appends.push(store.appendToStream(`appPasswordUsage-${appPasswordId}`, uses));
        events += lifecycle.length + uses.length + 1;
      }
      appends.push(store.appendToStream(`appPasswordKeyring-${userId}`, reservations));
      events += 1;
    }
    await Promise.all(appends);
  }
  await store.close();
  return { events, seconds: (performance.now() - started) / 1000 };
}
