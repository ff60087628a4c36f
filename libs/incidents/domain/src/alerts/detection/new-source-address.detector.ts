import type { AlertSettings } from './alert-settings';
import { continueEpisode, openEpisode, raiseOf, repeatOf, type AlertFinding, type Episode } from './alert-finding';
import type { Recall } from './detector-memory';
import type { SignInObservation } from './sign-in-observation';

/** When the credential was first used: its networks are learnt quietly until then + learningMs. */
interface CredentialEntry {
  readonly firstUseAt: number;
}
/** A network the credential was used from, and the alert its first use raised, while that still counts. */
interface NetworkEntry {
  readonly episode: Episode | null;
}

/**
 * NEW_SOURCE_ADDRESS: a successful use of a credential from a network (IPv4 /24, IPv6 /64) it
 * was never used from, once the credential has a history: its first use is at least
 * `learningMs` old. Before that, networks are learnt without alerting (a new mail client's
 * first days). Further uses from the network count towards the alert for `episodeMs` after it
 * was raised; the network is known from then on. The networks are remembered for good.
 */
export function detectNewSourceAddress(memory: Recall, observation: SignInObservation, settings: AlertSettings): AlertFinding[] {
  const network = observation.source?.network ?? null;
  if (observation.outcome !== 'USED' || !observation.appPasswordId || !network) return [];
  const credentialKey = `source:${observation.appPasswordId}`;
  const networkKey = `source:${observation.appPasswordId}:${network}`;
  const credential = memory.get(credentialKey) as CredentialEntry | undefined;
  const known = memory.get(networkKey) as NetworkEntry | undefined;
  const { at } = observation;
  if (!credential) {
    memory.set(credentialKey, { firstUseAt: at }, null);
    memory.set(networkKey, { episode: null }, null);
    return [];
  }
  if (known) {
    if (!known.episode) return [];
    if (at - known.episode.firstSeenAt > settings.episodeMs) {
      memory.set(networkKey, { episode: null }, null);
      return [];
    }
    const episode = continueEpisode(known.episode, observation);
    memory.set(networkKey, { episode }, null);
    return [repeatOf(episode, observation)];
  }
  if (at - credential.firstUseAt < settings.learningMs) {
    memory.set(networkKey, { episode: null }, null);
    return [];
  }
  const subject = `credential:${observation.appPasswordId}@${network}`;
  const episode = openEpisode('NEW_SOURCE_ADDRESS', subject, observation, at, 1);
  memory.set(networkKey, { episode }, null);
  return [raiseOf('NEW_SOURCE_ADDRESS', subject, episode, observation, { appPasswordId: observation.appPasswordId, userId: observation.userId, sourceNetwork: network })];
}
