import type {
  AppPasswordGenerated,
  AppPasswordRejected,
  AppPasswordRenamed,
  AppPasswordRevoked,
  AppPasswordUsed,
  SignInFailed,
} from '@keyward/app-passwords/domain';
import { auditRecordBytes, auditRecordOf, type AuditableEvent, type AuditRecord } from '@keyward/compliance/domain';
import { DEFAULT_TENANT_POLICY, type TenantCreated, type UserCreated, type UserPasswordReset } from '@keyward/identity/domain';

export const TEST_TENANT = 'b6f1c0de-5a7e-4c1b-9d2e-7f3a1c2b4d5e';
/** An argon2id PHC string as the store keeps it: the audit record commits to it, never carries it. */
export const ARGON2_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** A deterministic 32-bit generator, so a history is the same for the same seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const CREDENTIALS = ['k7m3p9x2qa', 'q2w3e4r5t6', 'z9y8x7w6v5'];
const USERS = ['a11ce000-0000-5000-8000-000000000001', 'b0b00000-0000-5000-8000-000000000002'];

/**
 * A tenant's history of `count` events of the real event types (tenant and users created, app
 * passwords generated, used, rejected, renamed, revoked, sign-ins matching nothing, a password
 * reset), as audit records: hashes committed to, nothing secret. Same seed, same records.
 */
export function fabricateHistory(count: number, seed = 1, tenantId = TEST_TENANT): AuditRecord[] {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const signIn = () => ({ protocol: pick(['imap', 'smtp', 'pop', 'http'] as const), sourceIp: `203.0.113.${Math.floor(random() * 250)}`, client: pick(['Thunderbird 128', 'Outlook, "classic"', null]) });
  const events: { type: string; streamId: string; data: unknown; actor: string }[] = [
    { type: 'TenantCreated', streamId: `tenant-${tenantId}`, actor: 'system:bootstrap', data: { tenantId, name: 'Contoso', domains: ['contoso.example'], policy: DEFAULT_TENANT_POLICY } satisfies TenantCreated['data'] },
    ...USERS.map((userId, i) => ({
      type: 'UserCreated', streamId: `user-${userId}`, actor: 'system:bootstrap',
      data: { userId, tenantId, userPrincipalName: `user${i}@contoso.example`, displayName: `User ${i}`, roles: ['USER'], mfaRegistered: true, passwordHash: ARGON2_HASH } satisfies UserCreated['data'],
    })),
    ...CREDENTIALS.map((appPasswordId, i) => ({
      type: 'AppPasswordGenerated', streamId: `appPassword-${appPasswordId}`, actor: `user:${USERS[i % 2]}`,
      data: { appPasswordId, userId: USERS[i % 2], tenantId, label: `Mail client ${i}, laptop`, scopes: ['imap', 'smtp'], expiresAt: null, secretHash: ARGON2_HASH } satisfies AppPasswordGenerated['data'],
    })),
  ];
  while (events.length < count) events.push(nextEvent(random, pick, signIn, tenantId));
  return events.slice(0, count).map((event, i) => auditRecordOf(stored(event, i, tenantId)));
}

type Pick = <T>(items: readonly T[]) => T;

function nextEvent(random: () => number, pick: Pick, signIn: () => { protocol: 'imap' | 'smtp' | 'pop' | 'http'; sourceIp: string; client: string | null }, tenantId: string) {
  const appPasswordId = pick(CREDENTIALS);
  const userId = pick(USERS);
  const roll = random();
  if (roll < 0.6) return { type: 'AppPasswordUsed', streamId: `appPasswordUsage-${appPasswordId}`, actor: 'gateway:nginx', data: { appPasswordId, userId, ...signIn() } satisfies AppPasswordUsed['data'] };
  if (roll < 0.75) return { type: 'AppPasswordRejected', streamId: `appPasswordUsage-${appPasswordId}`, actor: 'gateway:nginx', data: { appPasswordId, userId, reason: pick(['WRONG_SECRET', 'TYPO', 'REVOKED'] as const), ...signIn() } satisfies AppPasswordRejected['data'] };
  if (roll < 0.88) return { type: 'SignInFailed', streamId: `signInFailures-${tenantId}`, actor: 'gateway:postfix', data: { userPrincipalName: 'mallory@contoso.example', reason: 'UNKNOWN_USER', ...signIn() } satisfies SignInFailed['data'] };
  if (roll < 0.94) return { type: 'AppPasswordRenamed', streamId: `appPassword-${appPasswordId}`, actor: `user:${userId}`, data: { appPasswordId, label: `Renamed = ${Math.floor(random() * 1000)}\nsecond line` } satisfies AppPasswordRenamed['data'] };
  if (roll < 0.97) return { type: 'UserPasswordReset', streamId: `user-${userId}`, actor: `user:${userId}`, data: { userId, passwordHash: ARGON2_HASH, revokesAppPasswords: true } satisfies UserPasswordReset['data'] };
  return { type: 'AppPasswordRevoked', streamId: `appPassword-${appPasswordId}`, actor: `user:${userId}`, data: { appPasswordId, reason: 'Laptop stolen', incidentRef: 'INC-7' } satisfies AppPasswordRevoked['data'] };
}

function stored(event: { type: string; streamId: string; data: unknown; actor: string }, i: number, tenantId: string): AuditableEvent {
  return {
    id: `e0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    type: event.type,
    streamId: event.streamId,
    data: event.data,
    metadata: {
      tenantId,
      actor: event.actor,
      occurredAt: new Date(Date.UTC(2026, 2, 1, 12, 0, 0) + i * 37_000).toISOString(),
      correlationId: `corr-${i + 1}`,
      causationId: `cause-${i + 1}`,
    },
  };
}

/** The leaves of a history: each record's canonical JSON. */
export function leavesOf(records: readonly AuditRecord[]): Buffer[] {
  return records.map(auditRecordBytes);
}
