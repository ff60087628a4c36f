import { stableId } from '@keyward/shared/domain';
import type { AlertFacts, AlertKind, AlertSeverity } from '../alert.events';
import type { SignInObservation } from './sign-in-observation';

/** An alert a key has open: further hits of the key count towards it instead of raising another. */
export interface Episode {
  readonly alertId: string;
  readonly firstSeenAt: number;
  readonly lastSeenAt: number;
  readonly count: number;
}

/** What a detector found in one observation. */
export type AlertFinding =
  | { readonly type: 'raise'; readonly facts: AlertFacts }
  | { readonly type: 'repeat'; readonly tenantId: string; readonly alertId: string; readonly count: number; readonly lastSeenAt: string };

export const SEVERITY_OF: Record<AlertKind, AlertSeverity> = {
  REVOKED_CREDENTIAL_USED: 'HIGH',
  PASSWORD_SPRAY: 'HIGH',
  FAILURE_BURST: 'MEDIUM',
  NEW_SOURCE_ADDRESS: 'LOW',
};

/**
 * An alert's id, from what raised it: the kind, the tenant, the detector's key and the event
 * that opened the episode. Two nodes, or a replay, derive the same id.
 */
export function alertIdFor(kind: AlertKind, tenantId: string, subject: string, raisedBy: string): string {
  return stableId('alert', [kind, tenantId, subject, raisedBy].join('\u0000'));
}

/** Opens an episode at `observation`, which stands for `count` attempts since `firstSeenAt`. */
export function openEpisode(kind: AlertKind, subject: string, observation: SignInObservation, firstSeenAt: number, count: number): Episode {
  return { alertId: alertIdFor(kind, observation.tenantId, subject, observation.eventId), firstSeenAt, lastSeenAt: Math.max(firstSeenAt, observation.at), count };
}

/** One more hit of an open episode. */
export function continueEpisode(episode: Episode, observation: SignInObservation): Episode {
  return { alertId: episode.alertId, firstSeenAt: episode.firstSeenAt, lastSeenAt: Math.max(episode.lastSeenAt, observation.at), count: episode.count + 1 };
}

export function repeatOf(episode: Episode, observation: SignInObservation): AlertFinding {
  return { type: 'repeat', tenantId: observation.tenantId, alertId: episode.alertId, count: episode.count, lastSeenAt: iso(episode.lastSeenAt) };
}

/** The facts of a new alert; what the kind does not use stays null. */
export function raiseOf(kind: AlertKind, subject: string, episode: Episode, observation: SignInObservation, facts: Partial<AlertFacts>): AlertFinding {
  return {
    type: 'raise',
    facts: {
      alertId: episode.alertId,
      tenantId: observation.tenantId,
      kind,
      severity: SEVERITY_OF[kind],
      subject,
      firstSeenAt: iso(episode.firstSeenAt),
      lastSeenAt: iso(episode.lastSeenAt),
      count: episode.count,
      appPasswordId: null,
      userId: null,
      userPrincipalName: null,
      sourceIp: observation.sourceIp,
      sourceNetwork: null,
      accounts: null,
      credentialStatus: null,
      raisedBy: observation.eventId,
      ...facts,
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
