import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { addressMatcher, isAddressOrBlock, type ClientAddressHeader } from './request-context';

/** `name:token`, as a gateway proves its name (`X-Keyward-Gateway-Token`). */
const GATEWAY_TOKEN = /^[a-z0-9-]{1,32}:[A-Za-z0-9_-]{24,256}$/;

/** The key a gateway's token is found by: its SHA-256, so that the tokens themselves are not kept. */
export function gatewayTokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
/** `ROLE=name;ROLE=name` as [role, name] pairs (KEYWARD_SCIM_GROUPS, KEYWARD_OIDC_ROLES). */
const roleAssignments = (value: string) =>
  value
    .split(';')
    .filter((entry) => entry.trim())
    .map((entry) => entry.split('=').map((part) => part.trim()));
/** The console roles (the identity domain's ROLES, which this shared library cannot import). */
const ROLE_NAMES = new Set(['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER', 'USER']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A mail server as mail clients are told it (the identity domain's parseMailServer reads it). */
const mailServer = z.string().regex(/^[A-Za-z0-9.-]{1,253}:\d{1,5}(\/(ssl|starttls))?$/i, 'must be host:port, optionally /ssl or /starttls (imap.contoso.com:993)');

const schema = z.object({
  KEYWARD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  KEYWARD_HOST: z.string().default('127.0.0.1'),
  KEYWARD_DATA_DIR: z.string().default('./data'),
  KEYWARD_EVENTSTORE_URL: z
    .string()
    .regex(/^(esdb|kurrentdb)(\+discover)?:\/\//, 'must start with esdb:// or esdb+discover://')
    .optional(),
  KEYWARD_BOOTSTRAP_DOMAIN: z.string().default('contoso.example'),
  KEYWARD_BOOTSTRAP_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  KEYWARD_TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1,::ffff:127.0.0.1')
    .refine((value) => list(value).every(isAddressOrBlock), 'must be comma-separated IP addresses or CIDR blocks (10.0.0.0/8)'),
  KEYWARD_CLIENT_ADDRESS_HEADER: z
    .string()
    .default('x-forwarded-for')
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['x-forwarded-for', 'x-real-ip'], { message: 'must be X-Forwarded-For or X-Real-IP' })),
  KEYWARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEYWARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  KEYWARD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  KEYWARD_STEP_UP_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  KEYWARD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  KEYWARD_GATEWAY_TOKENS: z
    .string()
    .default('')
    .refine((value) => list(value).every((entry) => GATEWAY_TOKEN.test(entry)), 'must be comma-separated name:token pairs (a name of a-z, 0-9 and -, a token of at least 24 letters, digits, - or _)')
    .refine((value) => new Set(list(value).map((entry) => entry.split(':')[0])).size === list(value).length, 'names a gateway twice'),
  KEYWARD_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  KEYWARD_CONSOLE_DIR: z.string().default('dist/apps/console/browser'),
  KEYWARD_VERIFY_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(100).default(100),
  KEYWARD_UNKNOWN_USER_EVENTS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(60),
  KEYWARD_METRICS: z.enum(['true', 'false']).default('false'),
  KEYWARD_METRICS_TOKEN: z.string().min(16).optional(),
  KEYWARD_REFUSAL_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
  KEYWARD_USAGE_MAX_AGE_DAYS: z.coerce.number().int().min(1).optional(),
  KEYWARD_USAGE_MAX_COUNT: z.coerce.number().int().min(1).optional(),
  KEYWARD_DOVEADM_URL: z.url({ protocol: /^https?$/ }).optional(),
  KEYWARD_DOVEADM_API_KEY: z.string().min(1).optional(),
  KEYWARD_IDLE_SWEEP_SECONDS: z.coerce.number().int().min(1).default(3600),
  KEYWARD_REVIEW_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  KEYWARD_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  KEYWARD_MAIL_FROM: z.string().min(3).max(200).optional(),
  KEYWARD_MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  KEYWARD_NOTICE_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  KEYWARD_VERIFY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  KEYWARD_VERIFY_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  KEYWARD_CASE_STEP: z.coerce.number().int().min(1).max(5000).default(1000),
  KEYWARD_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  KEYWARD_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  KEYWARD_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  KEYWARD_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  KEYWARD_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(12),
  KEYWARD_ALERT_BURST_FAILURES: z.coerce.number().int().min(2).max(1000).default(20),
  KEYWARD_ALERT_BURST_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  KEYWARD_ALERT_SPRAY_ACCOUNTS: z.coerce.number().int().min(2).max(200).default(10),
  KEYWARD_ALERT_SPRAY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  KEYWARD_ALERT_LEARNING_SECONDS: z.coerce.number().int().min(0).default(86_400),
  KEYWARD_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  KEYWARD_AUDIT_KEY_FILE: z.string().optional(),
  KEYWARD_SYSLOG_URL: z.url({ protocol: /^tcp$/ }).optional(),
  KEYWARD_SYSLOG_FORMAT: z.enum(['record', 'ocsf']).default('record'),
  KEYWARD_HEC_URL: z.url({ protocol: /^https?$/ }).optional(),
  KEYWARD_HEC_TOKEN: z.string().min(1).optional(),
  KEYWARD_HEC_FORMAT: z.enum(['record', 'ocsf']).default('record'),
  KEYWARD_SIEM_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  KEYWARD_OIDC_ISSUER: z
    .url({ protocol: /^https?$/ })
    .refine((value) => new URL(value).protocol === 'https:' || LOOPBACK.has(new URL(value).hostname), 'must be https (http only on a loopback address, for tests)')
    .optional(),
  KEYWARD_OIDC_CLIENT_ID: z.string().min(1).max(256).optional(),
  KEYWARD_OIDC_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  KEYWARD_OIDC_ROLES: z
    .string()
    .default('')
    .refine((value) => roleAssignments(value).every(([role, name]) => ROLE_NAMES.has(role) && /^[^=;\p{Cc}]{1,256}$/u.test(name ?? '')), 'must be ROLE=claim value pairs separated by ";" (roles GLOBAL_ADMIN, AUDITOR, INCIDENT_RESPONDER, USER)'),
  KEYWARD_MAIL_IMAP: mailServer.optional(),
  KEYWARD_MAIL_POP: mailServer.optional(),
  KEYWARD_MAIL_SUBMISSION: mailServer.optional(),
  KEYWARD_SCIM_GROUPS: z
    .string()
    .default('')
    .refine(
      (value) => roleAssignments(value).every(([role, name]) => role !== 'USER' && ROLE_NAMES.has(role) && /^[^=;\p{Cc}]{1,256}$/u.test(name ?? '')),
      'must be ROLE=group name pairs separated by ";" (roles GLOBAL_ADMIN, AUDITOR, INCIDENT_RESPONDER)',
    ),
});

/** The SCIM group each console role is provisioned through, unless KEYWARD_SCIM_GROUPS names it otherwise. */
export const DEFAULT_SCIM_GROUPS: Readonly<Record<string, string>> = {
  GLOBAL_ADMIN: 'Keyward Global Admins',
  AUDITOR: 'Keyward Auditors',
  INCIDENT_RESPONDER: 'Keyward Incident Responders',
};

/** Keyward's settings, read once from the environment at start. */
export interface KeywardConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStoreUrl?: string;
  /** EventStoreDB only: retention of usage streams ($maxAge in days, $maxCount); unset keeps them forever. */
  readonly usageRetention?: { readonly maxAgeDays?: number; readonly maxCount?: number };
  readonly bootstrapDomains: string[];
  readonly bootstrapPassword?: string;
  readonly trustedProxies: string[];
  /** Whether an address is one of `trustedProxies` (an address, or in a block). */
  readonly isTrustedProxy: (address: string) => boolean;
  /** The one header trusted proxies state the client's address in (see clientAddressOf). */
  readonly clientAddressHeader: ClientAddressHeader;
  readonly logLevel: string;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  /** How long a sign-in or a step-up lets a console session do sensitive things (KEYWARD_STEP_UP_SECONDS). */
  readonly stepUpMs: number;
  /** Where browsers reach Keyward (`KEYWARD_PUBLIC_URL`, through its TLS proxy); undefined when not set. */
  readonly publicUrl?: string;
  /** Session cookies carry `Secure`: `KEYWARD_SECURE_COOKIES`, by default true when the public URL is https. */
  readonly secureCookies: boolean;
  /** Answers carry `Strict-Transport-Security`: only when the public URL is https. */
  readonly strictTransportSecurity: boolean;
  /**
   * The gateways that can prove their name (`KEYWARD_GATEWAY_TOKENS`), by the key of their token
   * (`gatewayTokenKey`). A sign-in is recorded as `gateway:<name>` only with a token found here;
   * any other is `gateway:verify`, whatever the request says it is.
   */
  readonly gatewayTokens: ReadonlyMap<string, string>;
  readonly consoleDir: string;
  /** Consecutive failures per account before verification is slowed down (NIST: at most 100). */
  readonly verifyFailuresBeforeDelay: number;
  /** Failures of unknown user names recorded one by one per minute, tenant and gateway; the rest are summarized. */
  readonly unknownUserEventsPerMinute: number;
  /** `GET /metrics` is served (`KEYWARD_METRICS=true`), to whoever sends `Authorization: Bearer <metricsToken>` when one is set. */
  readonly metrics: { readonly isEnabled: boolean; readonly token: string | null };
  /** How long /verify holds a 429 or 503 before sending it (at most its Retry-After): a flood's loops slow to one request a pause. */
  readonly refusalPauseMs: number;
  /** Dovecot's doveadm HTTP API (`http://host:port/doveadm/v1`): revocations end open mail sessions there. */
  readonly doveadm?: { readonly url: string; readonly apiKey: string };
  /** How often app passwords left unused longer than the tenant policy allows are revoked. */
  readonly idleSweepMs: number;
  /** How often access reviews past their due date are looked for and completed (DESIGN §8: within 10 s). */
  readonly reviewSweepMs: number;
  /**
   * Mail to people (KEYWARD_SMTP_URL, KEYWARD_MAIL_FROM): revocation and expiry notices, reviewers'
   * requests. Without a server, nothing is queued. A failed send is retried after `firstRetryMs`,
   * then twice as long each time, up to an hour, and never given up.
   */
  readonly mail: { readonly smtpUrl: string; readonly from: string; readonly firstRetryMs: number } | null;
  /** How often expiry reminders and reviewers' reminders are looked for. */
  readonly noticeSweepMs: number;
  /** The warm verification path: how long a secret that passed argon2 is remembered (0: never), and how many. */
  readonly verifyCache: { readonly ttlMs: number; readonly maxEntries: number };
  /** Credentials a revocation case takes per step (their appends share commits; smaller steps let verification in between). */
  readonly caseStep: number;
  /** Where alerts are delivered, signed with `secret` (HMAC-SHA256); retried from `retryMs`, doubling up to 5 minutes. */
  readonly webhook?: { readonly url: string; readonly secret: string; readonly timeoutMs: number; readonly retryMs: number; readonly maxAttempts: number };
  /** The alert detectors' thresholds and windows (event time). */
  readonly alerts: {
    readonly burstFailures: number;
    readonly burstWindowMs: number;
    readonly sprayAccounts: number;
    readonly sprayWindowMs: number;
    readonly learningMs: number;
  };
  /**
   * The transparency log: how often each tenant's checkpoint is signed (0: only on request), the
   * signing keys' file, and its worker threads' script (`audit-log-worker.js` beside the server's
   * own, as the build puts it; null when there is none, and the log's writer and exports run on
   * the event loop).
   */
  readonly auditLog: { readonly checkpointMs: number; readonly keyFile: string; readonly workerScript: string | null };
  /** Where audit records are streamed (at least once, in order, retried from `retryMs` doubling up to 5 minutes). */
  readonly siem: {
    readonly syslog?: { readonly url: string; readonly format: 'record' | 'ocsf' };
    readonly hec?: { readonly url: string; readonly token: string; readonly format: 'record' | 'ocsf' };
    readonly retryMs: number;
  };
  /** The mail servers mail clients are set up with (`host:port[/ssl|/starttls]`), for Mozilla autoconfig; unset ones are left out. */
  readonly mailServers: { readonly imap?: string; readonly pop?: string; readonly submission?: string };
  /** SCIM: the display name of the group that grants each console role (`KEYWARD_SCIM_GROUPS`). */
  readonly scimGroups: Readonly<Record<string, string>>;
  /**
   * Console single sign-on with OpenID Connect, when an issuer is set: the client Keyward is at
   * the provider, and the value of the ID token's `roles` claim that grants each console role.
   */
  readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly roleValues: Readonly<Record<string, string>> };
}

/** Parses the environment, or throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KeywardConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.KEYWARD_DOVEADM_URL && !e.KEYWARD_DOVEADM_API_KEY) {
    throw new Error('Invalid configuration:\n  KEYWARD_DOVEADM_API_KEY: required with KEYWARD_DOVEADM_URL');
  }
  if (e.KEYWARD_WEBHOOK_URL && !e.KEYWARD_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  KEYWARD_WEBHOOK_SECRET: required with KEYWARD_WEBHOOK_URL (deliveries are always signed)');
  }
  if (e.KEYWARD_OIDC_ISSUER && (!e.KEYWARD_OIDC_CLIENT_ID || !e.KEYWARD_OIDC_CLIENT_SECRET)) {
    throw new Error('Invalid configuration:\n  KEYWARD_OIDC_CLIENT_ID, KEYWARD_OIDC_CLIENT_SECRET: required with KEYWARD_OIDC_ISSUER');
  }
  if (e.KEYWARD_HEC_URL && !e.KEYWARD_HEC_TOKEN) {
    throw new Error('Invalid configuration:\n  KEYWARD_HEC_TOKEN: required with KEYWARD_HEC_URL');
  }
  const dataDir = resolve(e.KEYWARD_DATA_DIR);
  const isHttps = e.KEYWARD_PUBLIC_URL?.startsWith('https:') ?? false;
  return {
    port: e.KEYWARD_PORT,
    host: e.KEYWARD_HOST,
    dataDir,
    eventStoreUrl: e.KEYWARD_EVENTSTORE_URL,
    usageRetention: { maxAgeDays: e.KEYWARD_USAGE_MAX_AGE_DAYS, maxCount: e.KEYWARD_USAGE_MAX_COUNT },
    bootstrapDomains: list(e.KEYWARD_BOOTSTRAP_DOMAIN).map((d) => d.toLowerCase()),
    bootstrapPassword: e.KEYWARD_BOOTSTRAP_PASSWORD,
    trustedProxies: list(e.KEYWARD_TRUSTED_PROXIES),
    isTrustedProxy: addressMatcher(list(e.KEYWARD_TRUSTED_PROXIES)),
    clientAddressHeader: e.KEYWARD_CLIENT_ADDRESS_HEADER,
    logLevel: e.KEYWARD_LOG_LEVEL,
    sessionIdleMs: e.KEYWARD_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.KEYWARD_SESSION_MAX_HOURS * 3_600_000,
    stepUpMs: e.KEYWARD_STEP_UP_SECONDS * 1000,
    publicUrl: e.KEYWARD_PUBLIC_URL,
    // Behind HTTPS (the public URL says so), cookies are Secure unless told otherwise.
    secureCookies: e.KEYWARD_SECURE_COOKIES === undefined ? isHttps : e.KEYWARD_SECURE_COOKIES === 'true',
    // HSTS only when browsers reach Keyward over HTTPS: sent over plain HTTP it means nothing, and
    // pins a name that has no HTTPS yet.
    strictTransportSecurity: isHttps,
    gatewayTokens: new Map(list(e.KEYWARD_GATEWAY_TOKENS).map((entry) => {
      const at = entry.indexOf(':');
      return [gatewayTokenKey(entry.slice(at + 1)), entry.slice(0, at)];
    })),
    consoleDir: resolve(e.KEYWARD_CONSOLE_DIR),
    verifyFailuresBeforeDelay: e.KEYWARD_VERIFY_FAILURES_BEFORE_DELAY,
    unknownUserEventsPerMinute: e.KEYWARD_UNKNOWN_USER_EVENTS_PER_MINUTE,
    refusalPauseMs: e.KEYWARD_REFUSAL_PAUSE_MS,
    metrics: { isEnabled: e.KEYWARD_METRICS === 'true', token: e.KEYWARD_METRICS_TOKEN ?? null },
    doveadm: e.KEYWARD_DOVEADM_URL ? { url: e.KEYWARD_DOVEADM_URL, apiKey: e.KEYWARD_DOVEADM_API_KEY ?? '' } : undefined,
    idleSweepMs: e.KEYWARD_IDLE_SWEEP_SECONDS * 1000,
    reviewSweepMs: e.KEYWARD_REVIEW_SWEEP_SECONDS * 1000,
    mail: e.KEYWARD_SMTP_URL
      ? {
          smtpUrl: e.KEYWARD_SMTP_URL,
          from: e.KEYWARD_MAIL_FROM ?? `Keyward <keyward@${list(e.KEYWARD_BOOTSTRAP_DOMAIN)[0]?.toLowerCase() ?? 'localhost'}>`,
          firstRetryMs: e.KEYWARD_MAIL_RETRY_SECONDS * 1000,
        }
      : null,
    noticeSweepMs: e.KEYWARD_NOTICE_SWEEP_SECONDS * 1000,
    verifyCache: { ttlMs: e.KEYWARD_VERIFY_CACHE_SECONDS * 1000, maxEntries: e.KEYWARD_VERIFY_CACHE_ENTRIES },
    caseStep: e.KEYWARD_CASE_STEP,
    webhook: e.KEYWARD_WEBHOOK_URL
      ? {
          url: e.KEYWARD_WEBHOOK_URL,
          secret: e.KEYWARD_WEBHOOK_SECRET ?? '',
          timeoutMs: e.KEYWARD_WEBHOOK_TIMEOUT_SECONDS * 1000,
          retryMs: e.KEYWARD_WEBHOOK_RETRY_SECONDS * 1000,
          maxAttempts: e.KEYWARD_WEBHOOK_MAX_ATTEMPTS,
        }
      : undefined,
    alerts: {
      burstFailures: e.KEYWARD_ALERT_BURST_FAILURES,
      burstWindowMs: e.KEYWARD_ALERT_BURST_WINDOW_SECONDS * 1000,
      sprayAccounts: e.KEYWARD_ALERT_SPRAY_ACCOUNTS,
      sprayWindowMs: e.KEYWARD_ALERT_SPRAY_WINDOW_SECONDS * 1000,
      learningMs: e.KEYWARD_ALERT_LEARNING_SECONDS * 1000,
    },
    auditLog: {
      checkpointMs: e.KEYWARD_CHECKPOINT_SECONDS * 1000,
      keyFile: resolve(e.KEYWARD_AUDIT_KEY_FILE ?? join(dataDir, 'audit-keys.json')),
      workerScript: besideMainScript(AUDIT_LOG_WORKER_SCRIPT),
    },
    siem: {
      syslog: e.KEYWARD_SYSLOG_URL ? { url: e.KEYWARD_SYSLOG_URL, format: e.KEYWARD_SYSLOG_FORMAT } : undefined,
      hec: e.KEYWARD_HEC_URL ? { url: e.KEYWARD_HEC_URL, token: e.KEYWARD_HEC_TOKEN ?? '', format: e.KEYWARD_HEC_FORMAT } : undefined,
      retryMs: e.KEYWARD_SIEM_RETRY_SECONDS * 1000,
    },
    mailServers: { imap: e.KEYWARD_MAIL_IMAP, pop: e.KEYWARD_MAIL_POP, submission: e.KEYWARD_MAIL_SUBMISSION },
    scimGroups: { ...DEFAULT_SCIM_GROUPS, ...Object.fromEntries(roleAssignments(e.KEYWARD_SCIM_GROUPS)) },
    oidc: e.KEYWARD_OIDC_ISSUER
      ? {
          issuer: e.KEYWARD_OIDC_ISSUER,
          clientId: e.KEYWARD_OIDC_CLIENT_ID ?? '',
          clientSecret: e.KEYWARD_OIDC_CLIENT_SECRET ?? '',
          roleValues: { ...Object.fromEntries([...ROLE_NAMES].map((role) => [role, role])), ...Object.fromEntries(roleAssignments(e.KEYWARD_OIDC_ROLES)) },
        }
      : undefined,
  };
}

/** The audit log's worker threads' script, which the build writes beside the server's main.js. */
const AUDIT_LOG_WORKER_SCRIPT = 'audit-log-worker.js';

function besideMainScript(fileName: string): string | null {
  const main = process.argv[1];
  const path = main ? join(dirname(resolve(main)), fileName) : null;
  return path && existsSync(path) ? path : null;
}
