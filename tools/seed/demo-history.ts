import type { Actor, DomainEvent } from '@keyward/shared/domain';
import { KEY_ID_LENGTH, SECRET_ALPHABET } from '@keyward/app-passwords/domain';

/** One event of the demo history, with when and by whom it happened. */
export interface DemoEvent {
  readonly streamId: string;
  readonly event: DomainEvent;
  readonly at: Date;
  readonly actor: Actor;
  readonly sourceIp?: string;
  readonly protocol?: string;
  readonly client?: string;
}

export interface DemoSettings {
  readonly tenantId: string;
  readonly domain: string;
  readonly adminUserId: string;
  readonly now: Date;
  /** A real argon2id hash: demo credentials share it, so none of them can be used. */
  readonly secretHash: string;
  /** The console password hash of the first three demo users (a user, an auditor, a responder), so each role can be tried. */
  readonly userPasswordHash?: string | null;
  readonly userId: (userPrincipalName: string) => string;
  readonly users?: number;
  readonly days?: number;
  readonly seed?: number;
}

const FIRST = ['Alice', 'Bruno', 'Chen', 'Dara', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Maya', 'Nils', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wen', 'Yusuf', 'Zoe'];
const LAST = ['Andersen', 'Bakker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jansen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Silva', 'Tanaka', 'Weber'];
const DEVICES: [string, string[], string][] = [
  ['Thunderbird on laptop', ['imap', 'smtp'], 'Thunderbird/128.3'],
  ['iPhone Mail', ['imap', 'smtp'], 'iOS Mail/18.1'],
  ['Outlook 2013 at home', ['imap', 'smtp'], 'Outlook/15.0'],
  ['Scanner (scan to email)', ['smtp'], 'Xerox WorkCentre'],
  ['Backup script', ['http'], 'curl/8.5'],
  ['Old Android phone', ['pop', 'smtp'], 'K-9 Mail/6.8'],
  ['CRM mail sync', ['imap'], 'LegacyCRM/4.2'],
];
const REVOKE_REASONS = ['Device lost', 'Employee left the team', 'Replaced by a new phone', 'Found in a public repository'];
const NETS = ['192.0.2.', '198.51.100.', '203.0.113.'];
const DAY = 86_400_000;

/** `dem…`: a valid key id that no generated password can be mistaken for in the demo. */
function demoKeyId(counter: number): string {
  let id = '';
  for (let rest = counter, i = 0; i < KEY_ID_LENGTH - 3; i++, rest = Math.floor(rest / 32)) id = SECRET_ALPHABET[rest % 32] + id;
  return `dem${id}`;
}

/** A small deterministic PRNG (mulberry32), so the same seed gives the same demo. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic tenant history, oldest first: users, their app passwords, weeks of sign-ins, and a
 * few anomalies worth finding (a burst of wrong secrets, a revoked password still being tried, a
 * password used from a new address).
 */
export function demoHistory(settings: DemoSettings): DemoEvent[] {
  const rand = random(settings.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const days = settings.days ?? 30;
  const start = settings.now.getTime() - (days + 30) * DAY;
  const admin: Actor = `user:${settings.adminUserId}`;
  const events: DemoEvent[] = [];
  let credentialCount = 0;

  for (let u = 0; u < (settings.users ?? 200); u++) {
    const first = FIRST[u % FIRST.length];
    const last = LAST[Math.floor(u / FIRST.length + u) % LAST.length];
    const upn = `${first}.${last}${u >= FIRST.length ? u : ''}@${settings.domain}`.toLowerCase();
    const userId = settings.userId(upn);
    const roles = u === 1 ? ['AUDITOR'] : u === 2 ? ['INCIDENT_RESPONDER'] : ['USER'];
    const createdAt = new Date(start + rand() * 10 * DAY);
    const hasMfa = rand() > 0.08;
    events.push({
      streamId: `user-${userId}`,
      at: createdAt,
      actor: admin,
      event: {
        type: 'UserCreated',
        data: { userId, tenantId: settings.tenantId, userPrincipalName: upn, displayName: `${first} ${last}`, roles, mfaRegistered: u < 3 || hasMfa, passwordHash: u < 3 ? (settings.userPasswordHash ?? null) : null },
      },
    });
    const home = `${pick(NETS)}${10 + u}`;
    const count = Math.floor(rand() * 5);
    for (let c = 0; c < count; c++) {
      const [label, scopes, client] = pick(DEVICES);
      const id = demoKeyId(credentialCount++);
      events.push(...credentialHistory({ settings, rand, id, userId, label, scopes, client, home, admin, createdAt: new Date(createdAt.getTime() + rand() * 20 * DAY), days }));
    }
  }
  events.push(...passwordSpray(settings));
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Six hours ago, one address tried names that do not exist: a password spray that matched nothing. */
function passwordSpray(settings: DemoSettings): DemoEvent[] {
  const start = settings.now.getTime() - 6 * 3_600_000;
  return Array.from({ length: 30 }, (_, i) => {
    const data = { userPrincipalName: `${['info', 'sales', 'test', 'admin2', 'hr'][i % 5]}@${settings.domain}`, reason: 'UNKNOWN_USER', protocol: 'smtp', sourceIp: '203.0.113.66', client: null };
    return { streamId: `signInFailures-${settings.tenantId}`, at: new Date(start + i * 4000), actor: 'gateway:demo' as Actor, event: { type: 'SignInFailed', data }, sourceIp: data.sourceIp, protocol: 'smtp' };
  });
}

interface CredentialPlan {
  settings: DemoSettings;
  rand: () => number;
  id: string;
  userId: string;
  label: string;
  scopes: string[];
  client: string;
  home: string;
  admin: Actor;
  createdAt: Date;
  days: number;
}

function credentialHistory(plan: CredentialPlan): DemoEvent[] {
  const { settings, rand, id, userId, createdAt } = plan;
  const events: DemoEvent[] = [];
  const expiresAt = new Date(createdAt.getTime() + (rand() < 0.1 ? 70 : 365) * DAY).toISOString();
  events.push({ streamId: `appPasswordKeyring-${userId}`, at: createdAt, actor: plan.admin, event: { type: 'AppPasswordSlotReserved', data: { appPasswordId: id, userId, reservedAt: createdAt.toISOString() } } });
  events.push({
    streamId: `appPassword-${id}`,
    at: createdAt,
    actor: plan.admin,
    event: { type: 'AppPasswordGenerated', data: { appPasswordId: id, userId, tenantId: settings.tenantId, label: plan.label, scopes: plan.scopes, expiresAt, secretHash: settings.secretHash } },
  });
  const revokedAt = rand() < 0.12 ? new Date(settings.now.getTime() - rand() * 20 * DAY) : null;
  const isStillTried = revokedAt !== null && rand() < 0.5;
  const usage = (at: Date, type: 'AppPasswordUsed' | 'AppPasswordRejected', reason?: string, ip = plan.home): DemoEvent => {
    const protocol = plan.scopes[Math.floor(rand() * plan.scopes.length)];
    const data = { appPasswordId: id, userId, protocol, sourceIp: ip, client: plan.client, ...(reason ? { reason } : {}) };
    return { streamId: `appPasswordUsage-${id}`, at, actor: 'gateway:demo', event: { type, data }, sourceIp: ip, protocol, client: plan.client };
  };
  const perDay = Math.floor(rand() * 4);
  for (let day = plan.days; day >= 0; day--) {
    for (let n = 0; n < perDay; n++) {
      const at = new Date(settings.now.getTime() - day * DAY + rand() * DAY * 0.9 - DAY);
      if (at < createdAt || at > settings.now) continue;
      if (revokedAt && at > revokedAt) {
        if (isStillTried) events.push(usage(at, 'AppPasswordRejected', 'REVOKED'));
        continue;
      }
      const isTypo = rand() < 0.03;
      events.push(isTypo ? usage(at, 'AppPasswordRejected', 'TYPO') : usage(at, 'AppPasswordUsed'));
    }
  }
  if (revokedAt) {
    events.push({ streamId: `appPassword-${id}`, at: revokedAt, actor: plan.admin, event: { type: 'AppPasswordRevoked', data: { appPasswordId: id, reason: REVOKE_REASONS[Math.floor(rand() * REVOKE_REASONS.length)], incidentRef: null } } });
  }
  if (rand() < 0.04) {
    // A burst of wrong secrets from one address yesterday: someone guessing.
    const burstStart = settings.now.getTime() - DAY;
    for (let i = 0; i < 40; i++) events.push(usage(new Date(burstStart + i * 1500), 'AppPasswordRejected', 'WRONG_SECRET', '198.51.100.250'));
  }
  if (rand() < 0.04 && !revokedAt) events.push(usage(new Date(settings.now.getTime() - 3 * 3_600_000), 'AppPasswordUsed', undefined, '203.0.113.199'));
  return events;
}
