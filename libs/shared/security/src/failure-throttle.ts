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

/** The longest wait an account's failures impose: long enough to stop guessing, short enough that a stranger cannot lock an owner out for long. */
export const MAX_DELAY_SECONDS = 900;
/** How long an account's failures are remembered without a new one. */
const ACCOUNT_MEMORY_MS = 86_400_000;
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;
/** Accounts and addresses tracked at most (the least recently seen are forgotten first): a sprayer's made-up names cannot exhaust memory. */
const MAX_TRACKED = 100_000;

/** One attempt the throttle let through: settle it exactly once with its outcome. */
export interface ThrottleTicket {
  /** Seconds to wait before trying again; 0 when the attempt may be checked. */
  readonly waitSeconds: number;
  succeeded(): void;
  failed(): void;
  /** The attempt ended without an answer (an internal error): nothing is counted. */
  abandoned(): void;
}

interface AccountState {
  failures: number;
  inFlight: number;
  nextAllowedAt: number;
  lastFailureAt: number;
}

interface AddressState {
  windowStart: number;
  failures: number;
  inFlight: number;
  blockedUntil: number;
}

/**
 * Slows down password guessing (app passwords at /verify, console passwords at /auth/login)
 * without locking the owner out.
 * - Per account name, whether or not such an account exists (the answer must not tell): after N
 *   consecutive failures, one attempt at a time, each after a wait that doubles (1 s, 2 s, 4 s …
 *   up to MAX_DELAY_SECONDS) — except from addresses the account signed in from successfully.
 * - Per address: too many failures across accounts in a window block the address for a window.
 *
 * An attempt is reserved before it is checked (`begin`, synchronous, so no two requests see the
 * same count) and settled after: a burst of parallel guesses gets at most the budget checked,
 * where checking first and counting after let every guess of the burst through. Memory-backed:
 * per node.
 */
export class FailureThrottle {
  private readonly accounts = new Map<string, AccountState>();
  private readonly addresses = new Map<string, AddressState>();
  private readonly knownAddresses = new Map<string, string[]>();

  constructor(
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves an attempt, or says how long to wait. `account`: the name tried (null when there is none to throttle by). */
  /** Accounts that must wait before their next attempt, and addresses blocked, now (for metrics). */
  throttled(): { accounts: number; addresses: number } {
    const now = this.now();
    let accounts = 0;
    let addresses = 0;
    for (const state of this.accounts.values()) if (state.nextAllowedAt > now) accounts++;
    for (const state of this.addresses.values()) if (state.blockedUntil > now) addresses++;
    return { accounts, addresses };
  }

  begin(account: string | null, address: string | null): ThrottleTicket {
    const now = this.now();
    const byAddress = address === null ? null : this.addressState(address, now);
    if (byAddress) {
      if (byAddress.blockedUntil > now) return waiting(byAddress.blockedUntil - now);
      if (byAddress.failures + byAddress.inFlight >= this.settings.addressFailures) return waiting(byAddress.windowStart + this.windowMs - now);
    }
    const isKnownAddress = account !== null && address !== null && (this.knownAddresses.get(account)?.includes(address) ?? false);
    const byAccount = account === null ? null : this.accountState(account, now);
    if (byAccount && !isKnownAddress && byAccount.failures + byAccount.inFlight >= this.settings.accountFailuresBeforeDelay) {
      // Beyond the budget: one attempt at a time, and only once the wait is over.
      if (byAccount.inFlight > 0) return waiting(Math.max(byAccount.nextAllowedAt - now, 1000));
      if (now < byAccount.nextAllowedAt) return waiting(byAccount.nextAllowedAt - now);
    }
    if (byAddress) byAddress.inFlight++;
    if (byAccount) byAccount.inFlight++;
    let isSettled = false;
    const settle = (outcome: 'succeeded' | 'failed' | 'abandoned') => {
      if (isSettled) return;
      isSettled = true;
      const at = this.now();
      if (byAddress) {
        byAddress.inFlight--;
        if (outcome === 'failed') this.addressFailed(byAddress, at);
      }
      if (!byAccount || account === null) return;
      byAccount.inFlight--;
      if (outcome === 'failed') this.accountFailed(byAccount, at);
      if (outcome === 'succeeded') this.accountSucceeded(account, byAccount, address);
    };
    return { waitSeconds: 0, succeeded: () => settle('succeeded'), failed: () => settle('failed'), abandoned: () => settle('abandoned') };
  }

  private get windowMs(): number {
    return this.settings.addressWindowSeconds * 1000;
  }

  private accountState(account: string, now: number): AccountState {
    let state = this.accounts.get(account);
    if (state && state.inFlight === 0 && now - state.lastFailureAt > ACCOUNT_MEMORY_MS) state = undefined;
    state ??= { failures: 0, inFlight: 0, nextAllowedAt: 0, lastFailureAt: now };
    touch(this.accounts, account, state);
    return state;
  }

  private addressState(address: string, now: number): AddressState {
    let state = this.addresses.get(address);
    if (state && state.inFlight === 0 && state.blockedUntil <= now && now - state.windowStart >= this.windowMs) state = undefined;
    state ??= { windowStart: now, failures: 0, inFlight: 0, blockedUntil: 0 };
    touch(this.addresses, address, state);
    return state;
  }

  private accountFailed(state: AccountState, at: number): void {
    state.failures++;
    state.lastFailureAt = at;
    const beyond = state.failures - this.settings.accountFailuresBeforeDelay;
    if (beyond >= 0) state.nextAllowedAt = at + Math.min(2 ** beyond, MAX_DELAY_SECONDS) * 1000;
  }

  private accountSucceeded(account: string, state: AccountState, address: string | null): void {
    state.failures = 0;
    state.nextAllowedAt = 0;
    if (!address) return;
    const known = (this.knownAddresses.get(account) ?? []).filter((a) => a !== address);
    touch(this.knownAddresses, account, [address, ...known].slice(0, KNOWN_ADDRESSES_PER_ACCOUNT));
  }

  private addressFailed(state: AddressState, at: number): void {
    state.failures++;
    if (state.failures >= this.settings.addressFailures) state.blockedUntil = at + this.windowMs;
  }
}

function waiting(ms: number): ThrottleTicket {
  const none = () => undefined;
  return { waitSeconds: Math.max(1, Math.ceil(ms / 1000)), succeeded: none, failed: none, abandoned: none };
}

/** Sets the entry as the most recently used, and forgets the least recently used beyond MAX_TRACKED. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_TRACKED) map.delete(map.keys().next().value as string);
}
