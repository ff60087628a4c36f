import type { RaiseAlert, RecordRepeat } from '../alert';
import type { AlertSettings } from './alert-settings';
import type { AlertFinding } from './alert-finding';
import { recallAt, type DetectorMemory } from './detector-memory';
import { detectFailureBurst } from './failure-burst.detector';
import { detectNewSourceAddress } from './new-source-address.detector';
import { detectPasswordSpray } from './password-spray.detector';
import { detectRevokedCredentialUsed } from './revoked-credential-used.detector';
import { observationsOf, type SignInEventRecord } from './sign-in-observation';

const DETECTORS = [detectRevokedCredentialUsed, detectFailureBurst, detectPasswordSpray, detectNewSourceAddress];

/** A command for one alert, with the tenant and the event it comes from (for the metadata). */
export interface AlertWrite {
  readonly tenantId: string;
  /** The sign-in event behind it (for a repeat, the latest): the alert event's cause. */
  readonly causedBy: SignInEventRecord;
  readonly command: RaiseAlert | RecordRepeat;
}

/** Everything the detectors find in one event (a summary stands for many attempts), in order. */
export function detectAlerts(memory: DetectorMemory, event: SignInEventRecord, settings: AlertSettings): AlertFinding[] {
  return observationsOf(event).flatMap((observation) => {
    const recall = recallAt(memory, observation.at);
    return DETECTORS.flatMap((detect) => detect(recall, observation, settings));
  });
}

/**
 * The detectors run over a batch of events, each alert's findings folded into one command: a
 * raise (with the count reached by the end of the batch) or the last repeat. Whatever the
 * batches, the totals written come out the same.
 */
export function detectInBatch(memory: DetectorMemory, events: readonly SignInEventRecord[], settings: AlertSettings): AlertWrite[] {
  const writes = new Map<string, AlertWrite>();
  for (const event of events) {
    for (const finding of detectAlerts(memory, event, settings)) {
      const alertId = finding.type === 'raise' ? finding.facts.alertId : finding.alertId;
      writes.set(alertId, fold(writes.get(alertId), finding, event));
    }
  }
  return [...writes.values()];
}

function fold(earlier: AlertWrite | undefined, finding: AlertFinding, event: SignInEventRecord): AlertWrite {
  if (finding.type === 'raise') return { tenantId: finding.facts.tenantId, causedBy: event, command: { type: 'RaiseAlert', data: finding.facts } };
  const { alertId, count, lastSeenAt } = finding;
  if (earlier?.command.type === 'RaiseAlert') {
    return { ...earlier, command: { type: 'RaiseAlert', data: { ...earlier.command.data, count, lastSeenAt } } };
  }
  return { tenantId: finding.tenantId, causedBy: event, command: { type: 'RecordRepeat', data: { alertId, count, lastSeenAt } } };
}
