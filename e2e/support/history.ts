import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Actor } from '@keyward/shared/domain';
import { EVENTS_FILE, SqliteEventStore, type NewEvent } from '@keyward/shared/event-store';
import { tenantIdForDomain, userIdFor } from '@keyward/identity/domain';
import { KEY_ID_LENGTH, SECRET_ALPHABET } from '@keyward/app-passwords/domain';

/** Streams appended at once: their appends share group commits. */
const CONCURRENT_STREAMS = 500;

/**
 * Writes a history into a data directory's embedded store before Keyward first starts on it: how
 * a test gets events from weeks ago, or thousands of credentials, which no API makes quickly.
 */
export async function writeHistory(dataDir: string, streams: Record<string, NewEvent[]>): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  try {
    const entries = Object.entries(streams);
    for (let start = 0; start < entries.length; start += CONCURRENT_STREAMS) {
      await Promise.all(entries.slice(start, start + CONCURRENT_STREAMS).map(([streamId, events]) => store.appendToStream(streamId, events)));
    }
  } finally {
    await store.close();
  }
}

/**
 * A fleet of app passwords for a history: `users` users of the domain, each holding `perUser`
 * active app passwords labelled `label` (no secret verifies: the hash is a placeholder).
 */
export function fleetHistory(domain: string, fleet: { name: string; users: number; perUser: number; label: string; at: Date }): Record<string, NewEvent[]> {
  const tenantId = tenantIdForDomain(domain);
  const event = (type: string, data: object, actor: Actor = 'system:e2e'): NewEvent => {
    const correlationId = randomUUID();
    return { id: randomUUID(), type, data, metadata: { tenantId, actor, occurredAt: fleet.at.toISOString(), correlationId, causationId: correlationId } };
  };
  const streams: Record<string, NewEvent[]> = {};
  for (let u = 0; u < fleet.users; u++) {
    const upn = `${fleet.name}${u}@${domain}`;
    const userId = userIdFor(upn);
    streams[`user-${userId}`] = [event('UserCreated', { userId, tenantId, userPrincipalName: upn, displayName: upn, roles: ['USER'], mfaRegistered: true, passwordHash: null })];
    const reservations: NewEvent[] = [];
    for (let c = 0; c < fleet.perUser; c++) {
      const appPasswordId = randomKeyId();
      reservations.push(event('AppPasswordSlotReserved', { appPasswordId, userId, reservedAt: fleet.at.toISOString() }));
      const generated = { appPasswordId, userId, tenantId, label: fleet.label, scopes: ['imap', 'smtp'], expiresAt: null, secretHash: 'placeholder-not-a-hash' };
      streams[`appPassword-${appPasswordId}`] = [event('AppPasswordGenerated', generated)];
    }
    streams[`appPasswordKeyring-${userId}`] = reservations;
  }
  return streams;
}

/** A random key id in the password format (50 bits: no two of a test's fleet meet). */
function randomKeyId(): string {
  return Array.from(randomBytes(KEY_ID_LENGTH), (byte) => SECRET_ALPHABET[byte % 32]).join('');
}
