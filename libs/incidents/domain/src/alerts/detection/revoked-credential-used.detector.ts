import type { AlertSettings } from './alert-settings';
import { continueEpisode, openEpisode, raiseOf, repeatOf, type AlertFinding, type Episode } from './alert-finding';
import { EXPIRY_SLACK_MS, type Recall } from './detector-memory';
import type { SignInObservation } from './sign-in-observation';

/**
 * The rejections that prove the secret: verification checks the secret before the status
 * (decideVerification), so these reasons mean the caller holds the real secret of a credential
 * that is no longer in service.
 */
const OUT_OF_SERVICE = new Set(['REVOKED', 'SUSPENDED', 'EXPIRED']);

/**
 * REVOKED_CREDENTIAL_USED: a revoked, suspended or expired app password presented with its
 * correct secret: someone still holds it. One alert per credential and network (IPv4 /24, IPv6
 * /64; attempts with no address share one); further attempts count towards it while they come
 * within `episodeMs` of the last (a forgotten mail client retrying all day is one alert).
 */
export function detectRevokedCredentialUsed(memory: Recall, observation: SignInObservation, settings: AlertSettings): AlertFinding[] {
  if (observation.outcome !== 'REJECTED' || !observation.reason || !OUT_OF_SERVICE.has(observation.reason) || !observation.appPasswordId) return [];
  const network = observation.source?.network ?? null;
  const subject = `credential:${observation.appPasswordId}@${network ?? 'unknown'}`;
  const key = `revoked:${subject}`;
  const entry = memory.get(key) as { episode: Episode } | undefined;
  const expiry = (episode: Episode) => episode.lastSeenAt + settings.episodeMs + EXPIRY_SLACK_MS;
  if (entry && observation.at - entry.episode.lastSeenAt <= settings.episodeMs) {
    const episode = continueEpisode(entry.episode, observation);
    memory.set(key, { episode }, expiry(episode));
    return [repeatOf(episode, observation)];
  }
  const episode = openEpisode('REVOKED_CREDENTIAL_USED', subject, observation, observation.at, 1);
  memory.set(key, { episode }, expiry(episode));
  return [
    raiseOf('REVOKED_CREDENTIAL_USED', subject, episode, observation, {
      appPasswordId: observation.appPasswordId,
      userId: observation.userId,
      sourceNetwork: network,
      credentialStatus: observation.reason,
    }),
  ];
}
