import { createHmac, randomBytes } from 'node:crypto';

/**
 * Remembers, for a short while, that a key id and secret passed argon2: the warm path of
 * verification. An entry is a keyed hash (HMAC-SHA-256 under a random key made at start and
 * never stored) of the key id and secret, so neither the secret nor anything that could be
 * checked against it offline is kept, and a wrong secret can never match an entry. Entries live
 * `ttlMs` from the argon2 check that made them (a hit does not extend them); the oldest go first
 * when `maxEntries` is reached. This says only "the secret is right": whether the credential is
 * active, unexpired and its owner enabled is read from the store at every verification.
 */
export class VerifiedSecrets {
  private readonly key = randomBytes(32);
  /** Keyed hash → expiry (ms); insertion order is age order. */
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** Whether this key id and secret passed argon2 within the TTL. */
  has(keyId: string, secret: string): boolean {
    if (this.ttlMs <= 0) return false;
    const entry = this.keyOf(keyId, secret);
    const expiresAt = this.entries.get(entry);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.now()) return true;
    this.entries.delete(entry);
    return false;
  }

  /** Records that this key id and secret just passed argon2. */
  remember(keyId: string, secret: string): void {
    if (this.ttlMs <= 0 || this.maxEntries <= 0) return;
    const entry = this.keyOf(keyId, secret);
    this.entries.delete(entry);
    this.entries.set(entry, this.now() + this.ttlMs);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  private keyOf(keyId: string, secret: string): string {
    return createHmac('sha256', this.key).update(keyId).update('\u0000').update(secret).digest('base64url');
  }
}
