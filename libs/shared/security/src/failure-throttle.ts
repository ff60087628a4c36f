import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface ThrottleSettings {
  /** Consecutive failures on one account before each further attempt waits (NIST SP 800-63B: at most 100). */
  readonly accountFailuresBeforeDelay: number;
  /** Failures from one address, across accounts, within `addressWindowSeconds` before it is blocked. */
  readonly addressFailures: number;
  readonly addressWindowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  accountFailuresBeforeDelay: 100,
  addressFailures: 500,
  addressWindowSeconds: 900,
};

const MAX_DELAY_SECONDS = 3600;
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;

/**
 * Slows down password guessing (app passwords at /verify, console passwords at /auth/login)
 * without locking the owner out. Per account: after N consecutive failures,
 * each further failure doubles a wait (1 s, 2 s, 4 s … up to an hour) — except for addresses the
 * account has signed in from successfully, which keep working. Per address: too many failures
 * across accounts block the address for a window. Memory-backed: per node.
 */
export class FailureThrottle {
  private readonly accountFailures: RateLimiterMemory;
  private readonly accountLocks = new RateLimiterMemory({ points: 1, duration: 1 });
  private readonly addressFailures: RateLimiterMemory;
  private readonly knownAddresses = new Map<string, string[]>();

  constructor(private readonly settings: ThrottleSettings = DEFAULT_THROTTLE) {
    this.accountFailures = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: 86_400 });
    this.addressFailures = new RateLimiterMemory({
      points: settings.addressFailures,
      duration: settings.addressWindowSeconds,
      blockDuration: settings.addressWindowSeconds,
    });
  }

  /** Seconds the attempt must wait, or 0 if it may go ahead. `account` null: not a known account. */
  async waitSeconds(account: string | null, address: string | null): Promise<number> {
    if (address) {
      const byAddress = await this.addressFailures.get(address);
      if (byAddress && byAddress.consumedPoints > this.settings.addressFailures) return seconds(byAddress.msBeforeNext);
    }
    if (account === null) return 0;
    if (address && this.knownAddresses.get(account)?.includes(address)) return 0;
    const lock = await this.accountLocks.get(account);
    return lock && lock.consumedPoints > 1 ? seconds(lock.msBeforeNext) : 0;
  }

  async recordFailure(account: string | null, address: string | null): Promise<void> {
    if (address) await this.addressFailures.consume(address).catch(() => undefined);
    if (account === null) return;
    const failures = (await this.accountFailures.consume(account)).consumedPoints;
    const beyond = failures - this.settings.accountFailuresBeforeDelay;
    if (beyond > 0) await this.accountLocks.block(account, Math.min(2 ** (beyond - 1), MAX_DELAY_SECONDS));
  }

  async recordSuccess(account: string, address: string | null): Promise<void> {
    await this.accountFailures.delete(account);
    await this.accountLocks.delete(account);
    if (!address) return;
    const known = (this.knownAddresses.get(account) ?? []).filter((a) => a !== address);
    this.knownAddresses.set(account, [address, ...known].slice(0, KNOWN_ADDRESSES_PER_ACCOUNT));
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
