import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createNoteKey, noteSigner, parseVerifierKey, type NoteSigner } from '@keyward/shared/transparency';

/** A tenant's signing key as the key file holds it. */
interface StoredKey {
  readonly origin: string;
  readonly verifierKey: string;
  readonly privateKeyPem: string;
  readonly createdAt: string;
  retiredAt: string | null;
}

interface KeyFile {
  readonly version: 1;
  readonly tenants: Record<string, StoredKey[]>;
}

/** A published public key: what `/.well-known/keyward/audit-keys` lists. */
export interface PublishedKey {
  readonly tenantId: string;
  readonly origin: string;
  readonly verifierKey: string;
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

/**
 * The origin line of a tenant's log, and the name of its keys: schema-less, no spaces and no
 * `+` (C2SP), and the tenant's id rather than its domain, so the public key list names no customer.
 */
export const originOf = (tenantId: string) => `keyward/audit-log/${tenantId}`;

/**
 * The tenants' Ed25519 signing keys, in one JSON file (default `<data dir>/audit-keys.json`,
 * `KEYWARD_AUDIT_KEY_FILE` elsewhere) readable by Keyward's user only (0600, its directory 0700
 * when Keyward creates it). A tenant's key is made the first time its log is signed. Rotating
 * retires the current key (it stays published, so old checkpoints still verify) and makes a new
 * one; a running Keyward rereads the file when it changes, so rotation needs no restart.
 */
export class AuditKeys {
  private cached: { file: KeyFile; mtimeMs: number } | null = null;

  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The tenant's current signer; made (and saved) when the tenant has none yet. */
  signerFor(tenantId: string): NoteSigner {
    let current = this.currentOf(this.read(), tenantId);
    if (!current) {
      const file = this.read();
      current = this.currentOf(file, tenantId) ?? this.addKey(file, tenantId);
      this.write(file);
    }
    return noteSigner(current.origin, current.privateKeyPem);
  }

  /** Retires the tenant's current key and makes a new one; returns the new verifier key. */
  rotate(tenantId: string): { retired: string | null; verifierKey: string } {
    const file = this.read();
    const current = this.currentOf(file, tenantId);
    if (current) current.retiredAt = this.now().toISOString();
    const next = this.addKey(file, tenantId);
    this.write(file);
    return { retired: current?.verifierKey ?? null, verifierKey: next.verifierKey };
  }

  /** Every public key, current and retired, of every tenant (or one). */
  published(tenantId?: string): PublishedKey[] {
    const file = this.read();
    return Object.entries(file.tenants)
      .filter(([id]) => !tenantId || id === tenantId)
      .flatMap(([id, keys]) => keys.map((key) => ({ tenantId: id, origin: key.origin, verifierKey: key.verifierKey, createdAt: key.createdAt, retiredAt: key.retiredAt })));
  }

  private currentOf(file: KeyFile, tenantId: string): StoredKey | null {
    return file.tenants[tenantId]?.find((key) => key.retiredAt === null) ?? null;
  }

  private addKey(file: KeyFile, tenantId: string): StoredKey {
    const origin = originOf(tenantId);
    const { privateKeyPem, verifierKey } = createNoteKey(origin);
    const key: StoredKey = { origin, verifierKey, privateKeyPem, createdAt: this.now().toISOString(), retiredAt: null };
    (file.tenants[tenantId] ??= []).push(key);
    return key;
  }

  private read(): KeyFile {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      return { version: 1, tenants: {} };
    }
    if (this.cached?.mtimeMs === mtimeMs) return structuredClone(this.cached.file);
    const file = parseKeyFile(readFileSync(this.path, 'utf8'), this.path);
    this.cached = { file, mtimeMs };
    return structuredClone(file);
  }

  /** Written whole to a temporary file and renamed over the old one: never half a key file. */
  private write(file: KeyFile): void {
    const directory = dirname(this.path);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
    this.cached = null;
  }
}

function parseKeyFile(text: string, path: string): KeyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The audit key file ${path} is not JSON`);
  }
  const file = parsed as KeyFile;
  if (file?.version !== 1 || typeof file.tenants !== 'object' || file.tenants === null) throw new Error(`The audit key file ${path} is not a Keyward key file (version 1)`);
  for (const keys of Object.values(file.tenants)) for (const key of keys) parseVerifierKey(key.verifierKey);
  return file;
}
