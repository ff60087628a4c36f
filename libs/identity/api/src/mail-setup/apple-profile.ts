import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { build } from 'plist';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import type { Request } from 'express';
import { CLOCK, KEYWARD_CONFIG, publicOriginOf, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { parseMailServer, type ActiveTenant, type MailServer, type TenantMailServers } from '@keyward/identity/domain';

/**
 * The tenant's mail servers: those an admin entered, else the defaults KEYWARD_MAIL_IMAP,
 * KEYWARD_MAIL_POP and KEYWARD_MAIL_SUBMISSION name (checked at start).
 */
export function tenantMailServers(tenant: ActiveTenant | null, config: KeywardConfig): TenantMailServers {
  if (tenant?.mailServers) return tenant.mailServers;
  const { imap, pop, submission } = config.mailServers;
  return {
    imap: imap ? parseMailServer('imap', imap) : null,
    pop: pop ? parseMailServer('pop3', pop) : null,
    submission: submission ? parseMailServer('smtp', submission) : null,
  };
}

/** The servers of a tenant's set, in the order clients are told them. */
export function mailServerList(servers: TenantMailServers): MailServer[] {
  return [servers.imap, servers.pop, servers.submission].filter((server): server is MailServer => server !== null);
}

/** How long a profile link works, once. */
export const PROFILE_LINK_MINUTES = 10;

/** What a profile sets up: one mail account, with its app password. */
export interface ProfileAccount {
  readonly userPrincipalName: string;
  readonly label: string;
  readonly secret: string;
}

/**
 * An Apple configuration profile (`.mobileconfig`, a property list built by `plist`) with one
 * `com.apple.mail.managed` payload: the incoming server (IMAP, else POP), the submission server,
 * the user principal name as the user name, and the app password for both.
 */
export function appleMailProfile(account: ProfileAccount, servers: readonly MailServer[], organization: string): string {
  const incoming = servers.find((server) => server.protocol === 'imap') ?? servers.find((server) => server.protocol === 'pop3');
  const outgoing = servers.find((server) => server.protocol === 'smtp');
  if (!incoming) throw new Error('A mail profile needs an incoming server.');
  const mail = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `com.keyward.mail.${randomUUID()}`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: `Mail: ${account.userPrincipalName}`,
    EmailAccountDescription: `${organization} (${account.label})`,
    EmailAccountType: incoming.protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    EmailAddress: account.userPrincipalName,
    IncomingMailServerHostName: incoming.host,
    IncomingMailServerPortNumber: incoming.port,
    IncomingMailServerUseSSL: true,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: account.userPrincipalName,
    IncomingPassword: account.secret,
    ...(outgoing
      ? {
          OutgoingMailServerHostName: outgoing.host,
          OutgoingMailServerPortNumber: outgoing.port,
          OutgoingMailServerUseSSL: true,
          OutgoingMailServerAuthentication: 'EmailAuthPassword',
          OutgoingMailServerUsername: account.userPrincipalName,
          OutgoingPasswordSameAsIncomingPassword: true,
        }
      : {}),
  };
  return build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `com.keyward.profile.${randomUUID()}`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: `${organization} mail`,
    PayloadDescription: `Sets up mail for ${account.userPrincipalName} with the app password "${account.label}".`,
    PayloadOrganization: organization,
    PayloadRemovalDisallowed: false,
    PayloadContent: [mail],
  });
}

/**
 * Single-use links to a profile that carries a new app password, offered right after generation.
 * This node keeps, for at most 10 minutes, only the SHA-256 of each link's token and the account
 * sealed (AES-256-GCM) with a key derived from the token: the database alone opens nothing. The
 * first download deletes it.
 */
@Injectable()
export class AppleProfileLinks {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS apple_profile_links (
      token_hash TEXT PRIMARY KEY,
      sealed     BLOB NOT NULL,
      created_at INTEGER NOT NULL
    )`);
  }

  /** A new single-use link to the account's profile, or null where the tenant has no incoming mail server. */
  linkFor(request: Request, account: ProfileAccount, tenant: ActiveTenant): string | null {
    const servers = tenantMailServers(tenant, this.config);
    if (servers.imap === null && servers.pop === null) return null;
    // As typed into an app: without the display's spaces.
    return `${publicOriginOf(request, this.config)}/mail/profile/${this.issue({ ...account, secret: account.secret.replace(/\s/g, '') })}`;
  }

  /** A new link's token for the account. */
  issue(account: ProfileAccount): string {
    const now = this.clock.now().getTime();
    this.db.prepare('DELETE FROM apple_profile_links WHERE created_at < ?').run(now - PROFILE_LINK_MINUTES * 60_000);
    const token = randomBytes(32).toString('base64url');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyOf(token), iv);
    const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(account), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    this.db.prepare('INSERT INTO apple_profile_links (token_hash, sealed, created_at) VALUES (?, ?, ?)').run(hashOf(token), sealed, now);
    return token;
  }

  /** The account behind the token, once; null when unknown, used already or older than 10 minutes. */
  take(token: string): ProfileAccount | null {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = this.db.prepare('DELETE FROM apple_profile_links WHERE token_hash = ? RETURNING sealed, created_at').get(hashOf(token)) as
      | { sealed: Buffer; created_at: number }
      | undefined;
    if (!row || this.clock.now().getTime() - row.created_at > PROFILE_LINK_MINUTES * 60_000) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(token), row.sealed.subarray(0, 12));
    decipher.setAuthTag(row.sealed.subarray(row.sealed.length - 16));
    const plain = Buffer.concat([decipher.update(row.sealed.subarray(12, row.sealed.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as ProfileAccount;
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function keyOf(token: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(token, 'base64url'), Buffer.alloc(0), 'keyward apple mail profile', 32));
}
