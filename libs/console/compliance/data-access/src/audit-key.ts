import type { AuditCheckpoint } from './audit-checkpoint';

/** A published verifier key (`GET /.well-known/keyward/audit-keys`); current while `retiredAt` is null. */
export interface AuditKey {
  tenantId: string;
  origin: string;
  /** In the Go sumdb/note verifier format: `<name>+<8 hex key id>+<base64(0x01 || Ed25519 public key)>`. */
  verifierKey: string;
  createdAt: string;
  retiredAt: string | null;
}

/** A verifier key's name and key id, as a signature line names them. */
export function keyNameAndIdOf(verifierKey: string): { name: string; keyId: string } {
  const [name = '', keyId = ''] = verifierKey.split('+');
  return { name, keyId: keyId.toLowerCase() };
}

/**
 * The keys of the tenant whose checkpoint this is (the endpoint is public and may list every
 * tenant's): those of its origin, the current one first, then the retired ones, newest first.
 * Without a checkpoint only a list of one tenant's keys can be told to be this tenant's.
 */
export function tenantKeysOf(keys: readonly AuditKey[], checkpoint: AuditCheckpoint | null): AuditKey[] {
  const tenants = new Set(keys.map((key) => key.tenantId));
  const ours = checkpoint ? keys.filter((key) => key.origin === checkpoint.origin) : tenants.size === 1 ? [...keys] : [];
  return ours.sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || b.createdAt.localeCompare(a.createdAt));
}

/** The key whose signature is on the checkpoint (by name and key id), or null. */
export function signingKeyOf(keys: readonly AuditKey[], checkpoint: AuditCheckpoint | null): AuditKey | null {
  if (!checkpoint) return null;
  return (
    keys.find((key) => {
      const { name, keyId } = keyNameAndIdOf(key.verifierKey);
      return checkpoint.signatures.some((signature) => signature.name === name && signature.keyId === keyId);
    }) ?? null
  );
}
