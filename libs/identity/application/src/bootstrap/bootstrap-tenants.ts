import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import { CLOCK, ID_GENERATOR, KEYWARD_CONFIG, type Clock, type IdGenerator, type KeywardConfig } from '@keyward/shared/server';
import {
  tenantDecider,
  tenantIdForDomain,
  tenantStreamId,
  userDecider,
  userIdFor,
  userStreamId,
} from '@keyward/identity/domain';

/**
 * On an empty store, creates one tenant per bootstrap domain, each with a global admin
 * `admin@<domain>`. The password is KEYWARD_BOOTSTRAP_PASSWORD, or generated and printed once.
 */
@Injectable()
export class BootstrapTenants {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly aggregates: Aggregates,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The tenants it created, with the hash of the admins' password (the demo reuses it for a user). */
  async run(): Promise<{ tenantId: string; domain: string; adminUserId: string; adminPasswordHash: string }[]> {
    const missing: string[] = [];
    for (const domain of this.config.bootstrapDomains) {
      const existing = await this.aggregates.load(tenantStreamId(tenantIdForDomain(domain)), tenantDecider);
      if (existing.status === 'none') missing.push(domain);
    }
    if (missing.length === 0) return [];
    const password = this.config.bootstrapPassword ?? randomBytes(15).toString('base64url');
    const passwordHash = await hashSecret(password);
    const created = [];
    for (const domain of missing) created.push(await this.createTenant(domain, passwordHash));
    if (!this.config.bootstrapPassword) {
      // Printed once, on purpose, to the terminal of whoever started Keyward; never logged.
      process.stdout.write(
        `\nKeyward bootstrap: sign in as ${missing.map((d) => `admin@${d}`).join(', ')} with the password\n\n    ${password}\n\n` +
          'It is not stored anywhere and will not be shown again.\n\n',
      );
    }
    return created;
  }

  private async createTenant(domain: string, passwordHash: string) {
    const tenantId = tenantIdForDomain(domain);
    const context: CommandContext = {
      actor: 'system:bootstrap',
      tenantId,
      now: this.clock.now(),
      correlationId: this.ids.newId(),
    };
    await this.aggregates.handle(tenantStreamId(tenantId), tenantDecider, { type: 'CreateTenant', data: { tenantId, name: domain, domains: [domain] } }, context);
    const adminUpn = `admin@${domain}`;
    const adminUserId = userIdFor(adminUpn);
    const createAdmin = {
      type: 'CreateUser' as const,
      data: {
        tenantId,
        tenantDomains: [domain],
        userPrincipalName: adminUpn,
        displayName: 'Global administrator',
        roles: ['GLOBAL_ADMIN'],
        mfaRegistered: true,
        passwordHash,
      },
    };
    await this.aggregates.handle(userStreamId(adminUserId), userDecider, createAdmin, context);
    this.logger.log(`Created tenant ${domain} with global admin ${adminUpn}`);
    return { tenantId, domain, adminUserId, adminPasswordHash: passwordHash };
  }
}
