import { SPRAY_MEMORY, type AlertSettings } from './alert-settings';
import { continueEpisode, openEpisode, raiseOf, repeatOf, type AlertFinding, type Episode } from './alert-finding';
import { EXPIRY_SLACK_MS, type Recall } from './detector-memory';
import type { SignInObservation } from './sign-in-observation';

/** An address's recent failures as [account, time] (at most SPRAY_MEMORY), and the spray it has open. */
interface SprayEntry {
  readonly failures: [string, number][];
  readonly episode: Episode | null;
}

/**
 * PASSWORD_SPRAY: failed sign-ins for at least `sprayAccounts` distinct accounts (existing or
 * not) from one address (an IPv6 /64 counting as one) within `sprayWindowMs`. Every further
 * failure from the address within the window of the last counts towards the same alert.
 */
export function detectPasswordSpray(memory: Recall, observation: SignInObservation, settings: AlertSettings): AlertFinding[] {
  const source = observation.source?.attempts;
  if (observation.outcome === 'USED' || !source || !observation.userId) return [];
  const subject = `address:${source}`;
  const key = `spray:${observation.tenantId}:${subject}`;
  const entry = memory.get(key) as SprayEntry | undefined;
  const { at } = observation;
  const expiry = (last: number) => last + settings.sprayWindowMs + EXPIRY_SLACK_MS;
  const open = entry?.episode && at - entry.episode.lastSeenAt <= settings.sprayWindowMs ? entry.episode : null;
  if (open) {
    const episode = continueEpisode(open, observation);
    memory.set(key, { failures: [], episode }, expiry(episode.lastSeenAt));
    return [repeatOf(episode, observation)];
  }
  const recent = (entry?.failures ?? []).filter(([, time]) => time > at - settings.sprayWindowMs);
  const failures = [...recent, [observation.userId, at] as [string, number]].slice(-SPRAY_MEMORY);
  const accounts = new Set(failures.map(([account]) => account)).size;
  if (accounts < settings.sprayAccounts) {
    memory.set(key, { failures, episode: null }, expiry(Math.max(...failures.map(([, time]) => time))));
    return [];
  }
  const episode = openEpisode('PASSWORD_SPRAY', subject, observation, Math.min(...failures.map(([, time]) => time)), failures.length);
  memory.set(key, { failures: [], episode }, expiry(episode.lastSeenAt));
  return [raiseOf('PASSWORD_SPRAY', subject, episode, observation, { sourceNetwork: source, accounts })];
}
