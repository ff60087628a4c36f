import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json/canonical-json';
import { put } from '../canonical-json/own-member';
import { parseAppPassword, SECRET_FIELDS } from '@keyward/app-passwords/domain';

/**
 * An event as the transparency log holds it (DESIGN §7): leaf `i` of a tenant's log is the
 * RFC 8785 canonical JSON of the audit record of the tenant's `i`-th event. Nothing secret is in
 * it: a hash field (`secretHash`, `passwordHash`) becomes a SHA-256 commitment to the hash
 * (`secretHashSha256`), and a string that holds an app password (a user name typed with the
 * password in it, say) has the password replaced by `[app password]`, and an argon2 hash in a
 * free-text field (a label, a reason) by `[argon2 hash]`: `secretIn` finds nothing in a record.
 */
export interface AuditRecord {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly tenantId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: unknown;
}

/** The parts of a stored event a record is made of (a RecordedEvent has them). */
export interface AuditableEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly data: unknown;
  readonly metadata: { tenantId: string; actor: string; occurredAt: string; correlationId: string; causationId: string };
}

/** The suffix a committed hash field gets: `secretHash` → `secretHashSha256`. */
export const HASH_COMMITMENT_SUFFIX = 'Sha256';
export const REDACTED_APP_PASSWORD = '[app password]';
export const REDACTED_ARGON2_HASH = '[argon2 hash]';

/**
 * An app password, any case: `kw` and 30 symbols of the alphabet (checked with its checksum), in
 * one piece or in the console's groups of four split by a space or a dash (`kwab cdef ghij …`).
 */
const APP_PASSWORD_LIKE = /kw[a-km-np-z2-9]{2}(?:[\s-]?[a-km-np-z2-9]{4}){7}/gi;
const ARGON2_LIKE = /\$argon2(id|i|d)\$/;
/** An argon2 PHC string: the marker, then `$`-led fields (`v=19`, `m=19456,t=2,p=1`, salt, hash). */
const ARGON2_HASH = /\$argon2(?:id|i|d)(?:\$[A-Za-z0-9+/=.-]+(?:,[A-Za-z0-9+/=.-]+)*)*\$?/g;

export function auditRecordOf(event: AuditableEvent): AuditRecord {
  const { tenantId, actor, occurredAt, correlationId, causationId } = event.metadata;
  // In canonical key order, so canonical JSON writes the record without copying it.
  return {
    actor,
    causationId,
    correlationId,
    data: withoutSecrets(event.data),
    id: event.id,
    occurredAt,
    streamId: event.streamId,
    tenantId,
    type: event.type,
  };
}

/** The leaf's text: RFC 8785 canonical JSON. */
export function auditRecordJson(record: AuditRecord): string {
  return canonicalJson(record);
}

/** The leaf's bytes: RFC 8785 canonical JSON, UTF-8. */
export function auditRecordBytes(record: AuditRecord): Buffer {
  return Buffer.from(auditRecordJson(record), 'utf8');
}

/**
 * A commitment instead of each hash field, and no app password in any string, at any depth. What
 * holds nothing to take out is handed back as it is (an event's data is never changed after it
 * is read), so a clean record costs no copy.
 */
function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return redactAppPasswords(value.replace(ARGON2_HASH, REDACTED_ARGON2_HASH));
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(withoutSecrets);
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const inner = source[key];
    const isSecret = SECRET_FIELDS.includes(key);
    const clean = isSecret ? undefined : withoutSecrets(inner);
    if (copy === null && (isSecret || clean !== inner)) copy = membersBefore(source, keys, i);
    if (copy === null) continue;
    if (!isSecret) put(copy, key, clean);
    else if (typeof inner === 'string') put(copy, key + HASH_COMMITMENT_SUFFIX, createHash('sha256').update(inner, 'utf8').digest('hex'));
  }
  return copy ?? source;
}

function membersBefore(source: Record<string, unknown>, keys: readonly string[], end: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < end; i++) put(copy, keys[i], source[keys[i]]);
  return copy;
}

function redactAppPasswords(text: string): string {
  if (!/kw/i.test(text)) return text;
  return text.replace(APP_PASSWORD_LIKE, (match) => {
    const parsed = parseAppPassword(match);
    return parsed.kind === 'parsed' && parsed.isChecksumValid ? REDACTED_APP_PASSWORD : match;
  });
}

/**
 * Why a record (parsed JSON, or its text) must not be in a log or an export: a hash field, an
 * argon2 hash, or an app password with a valid checksum anywhere in it. Null when it is clean.
 */
export function secretIn(record: unknown): string | null {
  const text = typeof record === 'string' ? record : JSON.stringify(record);
  if (ARGON2_LIKE.test(text)) return 'an argon2 hash';
  for (const field of SECRET_FIELDS) if (text.includes(`"${field}"`)) return `a ${field} field`;
  for (const match of text.match(APP_PASSWORD_LIKE) ?? []) {
    const parsed = parseAppPassword(match);
    if (parsed.kind === 'parsed' && parsed.isChecksumValid) return 'an app password';
  }
  return null;
}
