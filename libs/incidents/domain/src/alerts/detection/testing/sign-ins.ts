import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../alert-settings';
import type { AlertFinding } from '../alert-finding';
import { MapDetectorMemory, recallAt, type Recall } from '../detector-memory';
import type { SignInObservation } from '../sign-in-observation';
import { attemptSourceOf } from '../source-network';

export const T0 = Date.parse('2026-12-01T09:00:00.000Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const iso = (at: number) => new Date(at).toISOString();

let serial = 0;

/** A sign-in observation: a failure of an unknown credential from 192.0.2.1 at T0 unless told otherwise. */
export function attempt(overrides: Partial<SignInObservation> = {}): SignInObservation {
  const made: Omit<SignInObservation, 'source'> = {
    eventId: `e-${++serial}`,
    tenantId: 't-1',
    at: T0,
    outcome: 'FAILED',
    reason: 'UNKNOWN_CREDENTIAL',
    appPasswordId: null,
    userId: 'u-alice',
    userPrincipalName: 'alice@contoso.example',
    sourceIp: '192.0.2.1',
    ...overrides,
  };
  return { ...made, source: made.sourceIp ? attemptSourceOf(made.sourceIp) : null };
}

export const used = (overrides: Partial<SignInObservation> = {}) => attempt({ outcome: 'USED', reason: null, appPasswordId: 'ap-1', userPrincipalName: null, ...overrides });
export const rejected = (reason: string, overrides: Partial<SignInObservation> = {}) => attempt({ outcome: 'REJECTED', reason, appPasswordId: 'ap-1', userPrincipalName: null, ...overrides });

/** `count` attempts made by `make(i)`. */
export const times = (count: number, make: (i: number) => SignInObservation) => Array.from({ length: count }, (_, i) => make(i));

type Detector = (memory: Recall, observation: SignInObservation, settings: AlertSettings) => AlertFinding[];

/**
 * given(observations).when(observation).then(findings): a detector fed the given attempts in
 * order, then asked about one more. `found` is everything the given attempts raised.
 */
export function detectorSpecFor(detect: Detector, settings: AlertSettings = DEFAULT_ALERT_SETTINGS) {
  return {
    given(observations: SignInObservation[]) {
      const memory = new MapDetectorMemory();
      const found = observations.flatMap((observation) => detect(recallAt(memory, observation.at), observation, settings));
      return {
        found,
        memory,
        when(observation: SignInObservation) {
          const findings = detect(recallAt(memory, observation.at), observation, settings);
          return {
            findings,
            then(expected: unknown[]) {
              expect(findings).toEqual(expected);
            },
            thenNothing() {
              expect(findings).toEqual([]);
            },
          };
        },
      };
    },
  };
}
