import { tenantIdForDomain } from '@keyward/identity/domain';
import { AuditKeys } from '@keyward/compliance/audit-log';
import type { KeywardConfig } from '@keyward/shared/server';

/**
 * `rotate-audit-key <domain>`: retires the tenant's signing key (it stays published, so the
 * checkpoints it signed still verify) and makes a new one. A running Keyward signs with the new
 * key from its next checkpoint on; no restart.
 */
export function rotateAuditKey(config: KeywardConfig, domain: string | undefined): void {
  if (!domain) throw new Error('Usage: npm run rotate-audit-key -- <tenant domain>');
  const tenantId = tenantIdForDomain(domain.trim());
  const rotated = new AuditKeys(config.auditLog.keyFile).rotate(tenantId);
  if (rotated.retired) console.log(`Retired:  ${rotated.retired}`);
  console.log(`New key:  ${rotated.verifierKey}`);
  console.log(`Key file: ${config.auditLog.keyFile}`);
}
