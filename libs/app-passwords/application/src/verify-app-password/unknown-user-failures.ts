import type { Actor } from '@keyward/shared/domain';
import type { AppPasswordScope } from '@keyward/identity/domain';
import type { SignInFailuresSummarized, SummarizedFailure } from '@keyward/app-passwords/domain';

/** A failure of a user name no tenant directory holds, in a tenant whose domain it names. */
export interface UnknownUserFailure {
  readonly tenantId: string;
  /** The gateway that asked (`gateway:<name>`). */
  readonly actor: Actor;
  readonly userPrincipalName: string;
  readonly protocol: AppPasswordScope;
  readonly sourceIp: string | null;
  readonly client: string | null;
  readonly at: Date;
}

export interface UnknownUserSummary {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly data: SignInFailuresSummarized['data'];
}

export interface UnknownUserFailuresOptions {
  /** Failures recorded one by one per window, tenant and gateway; the rest are summarized. */
  readonly recordedPerWindow: number;
  readonly windowMs: number;
  /** Distinct name, address, protocol and client combinations a summary lists; the rest only count. */
  readonly maxListed: number;
}

interface Window {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly start: number;
  recorded: number;
  attempts: number;
  omitted: number;
  from: string;
  to: string;
  readonly failures: Map<string, SummarizedFailure>;
}

/**
 * Bounds what a flood of made-up user names writes (finding 5 of the hardening issue): per tenant
 * and gateway, the first `recordedPerWindow` such failures of a window are recorded one by one
 * (`SignInFailed`, as every other failure), and the rest are counted into one
 * `SignInFailuresSummarized` for the window, taken out when it has ended. A typo in a user name is
 * recorded on its own as before; 2,000 guesses a minute cost one event and a list, not 2,000 events.
 * In memory, per node: a node that crashes loses the counts of its open windows (at most a window's),
 * never a failure of a name that exists.
 */
export class UnknownUserFailures {
  private readonly windows = new Map<string, Window>();
  /** Summaries of ended windows, not written yet. */
  private readonly ended: UnknownUserSummary[] = [];

  constructor(private readonly options: UnknownUserFailuresOptions) {}

  /** True: record this failure on its own. False: it is counted into the window's summary. */
  admit(failure: UnknownUserFailure): boolean {
    const now = failure.at.getTime();
    const key = `${failure.tenantId}\u0000${failure.actor}`;
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.options.windowMs) {
      if (window && window.attempts > 0) this.ended.push(summaryOf(window));
      window = { tenantId: failure.tenantId, actor: failure.actor, start: now, recorded: 0, attempts: 0, omitted: 0, from: '', to: '', failures: new Map() };
      this.windows.set(key, window);
    }
    if (window.recorded < this.options.recordedPerWindow) {
      window.recorded++;
      return true;
    }
    this.count(window, failure);
    return false;
  }

  /** The summaries of the windows that ended by `now` (of every window with `all`), taken out. */
  take(now: number, all = false): UnknownUserSummary[] {
    for (const [key, window] of this.windows) {
      if (!all && now < window.start + this.options.windowMs) continue;
      this.windows.delete(key);
      if (window.attempts > 0) this.ended.push(summaryOf(window));
    }
    return this.ended.splice(0);
  }

  /** A summary that could not be written yet, kept for the next `take`. */
  putBack(summary: UnknownUserSummary): void {
    this.ended.push(summary);
  }

  private count(window: Window, failure: UnknownUserFailure): void {
    const at = failure.at.toISOString();
    window.attempts++;
    if (!window.from) window.from = at;
    window.to = at;
    const key = keyOf(failure);
    const listed = window.failures.get(key);
    if (listed) {
      listed.count++;
      listed.lastAt = at;
    } else if (window.failures.size < this.options.maxListed) {
      const { userPrincipalName, protocol, sourceIp, client } = failure;
      window.failures.set(key, { userPrincipalName, protocol, sourceIp, client, count: 1, firstAt: at, lastAt: at });
    } else window.omitted++;
  }
}

function summaryOf(window: Window): UnknownUserSummary {
  const { tenantId, actor, from, to, attempts, omitted } = window;
  return { tenantId, actor, data: { reason: 'UNKNOWN_USER', from, to, attempts, failures: [...window.failures.values()], omitted } };
}

function keyOf(failure: Pick<SummarizedFailure, 'userPrincipalName' | 'protocol' | 'sourceIp' | 'client'>): string {
  return [failure.userPrincipalName, failure.protocol, failure.sourceIp ?? '', failure.client ?? ''].join('\u0000');
}
