import type { AlertSettings } from './alert-settings';
import { continueEpisode, openEpisode, raiseOf, repeatOf, type AlertFinding, type Episode } from './alert-finding';
import { EXPIRY_SLACK_MS, type Recall } from './detector-memory';
import type { SignInObservation } from './sign-in-observation';

/** A key's recent failures (at most `burstFailures` times) and the burst it has open. */
interface BurstEntry {
  readonly times: number[];
  readonly episode: Episode | null;
}

/**
 * FAILURE_BURST: at least `burstFailures` failed sign-ins within `burstWindowMs`, for one account
 * (`account:<userId>`, whether or not it exists) or from one address (`address:<ip>`, an IPv6
 * /64 counting as one). Every further failure of the key that comes within the window of the
 * last counts towards the same alert; after a quiet window a new burst raises a new alert.
 */
export function detectFailureBurst(memory: Recall, observation: SignInObservation, settings: AlertSettings): AlertFinding[] {
  if (observation.outcome === 'USED') return [];
  const findings: AlertFinding[] = [];
  if (observation.userId) {
    const finding = step(memory, `account:${observation.userId}`, observation, settings);
    if (finding) findings.push(finding);
  }
  const source = observation.source?.attempts;
  if (source) {
    const finding = step(memory, `address:${source}`, observation, settings);
    if (finding) findings.push(finding);
  }
  return findings;
}

function step(memory: Recall, subject: string, observation: SignInObservation, settings: AlertSettings): AlertFinding | null {
  const key = `burst:${observation.tenantId}:${subject}`;
  const entry = memory.get(key) as BurstEntry | undefined;
  const { at } = observation;
  const open = entry?.episode && at - entry.episode.lastSeenAt <= settings.burstWindowMs ? entry.episode : null;
  if (open) {
    const episode = continueEpisode(open, observation);
    memory.set(key, { times: [], episode }, episode.lastSeenAt + settings.burstWindowMs + EXPIRY_SLACK_MS);
    return repeatOf(episode, observation);
  }
  const times = [...(entry?.times ?? []).filter((time) => time > at - settings.burstWindowMs), at].slice(-settings.burstFailures);
  if (times.length < settings.burstFailures) {
    memory.set(key, { times, episode: null }, Math.max(...times) + settings.burstWindowMs + EXPIRY_SLACK_MS);
    return null;
  }
  const episode = openEpisode('FAILURE_BURST', subject, observation, Math.min(...times), times.length);
  memory.set(key, { times: [], episode }, episode.lastSeenAt + settings.burstWindowMs + EXPIRY_SLACK_MS);
  const isAccount = subject.startsWith('account:');
  return raiseOf('FAILURE_BURST', subject, episode, observation, {
    userId: isAccount ? observation.userId : null,
    userPrincipalName: isAccount ? observation.userPrincipalName : null,
    sourceIp: isAccount ? null : observation.sourceIp,
    sourceNetwork: isAccount ? null : subject.slice('address:'.length),
  });
}
