import { activity, DETECTION_FINDING, type SeverityId } from './ocsf-class';
import type { OcsfMapper } from './ocsf-mapping';
import { epochMillisOf, sourceEndpointOf, UNKNOWN, userOf } from './ocsf-objects';
import type { RecordData } from './record-data';

/**
 * Alerts as 2004 Detection Finding: raised is Create (status New, `is_alert`), repeated and
 * acknowledged are Updates of the same finding (`finding_info.uid` is the alert id; acknowledged
 * is status In Progress). The alert's kind is the finding's type and, in words, its title; its
 * severity is the event's; the sign-in that raised it is the related event; the user and address
 * are evidence and the app password the resource. A repeat or an acknowledgement does not say
 * the alert's severity: Unknown.
 */
export const DETECTION_FINDING_MAPPERS: Readonly<Record<string, OcsfMapper>> = {
  AlertRaised: (data) => ({
    activity: activity(DETECTION_FINDING, 1),
    message: 'Alert raised',
    severityId: severityOf(data),
    attributes: {
      status_id: 1,
      status: 'New',
      is_alert: true,
      count: data.count('count'),
      finding_info: findingOf(data),
      evidences: evidencesOf(data),
      resources: resourcesOf(data),
    },
  }),
  AlertRepeated: (data) => ({
    activity: activity(DETECTION_FINDING, 2),
    message: 'Alert repeated',
    severityId: 0,
    attributes: { count: data.count('count'), finding_info: { uid: alertOf(data), last_seen_time: epochMillisOf(data.text('lastSeenAt')) } },
  }),
  AlertAcknowledged: (data) => ({
    activity: activity(DETECTION_FINDING, 2),
    message: 'Alert acknowledged',
    severityId: 0,
    attributes: { status_id: 2, status: 'In Progress', finding_info: { uid: alertOf(data) } },
  }),
};

const SEVERITY_IDS: Readonly<Record<string, SeverityId>> = { LOW: 2, MEDIUM: 3, HIGH: 4 };

function severityOf(data: RecordData): SeverityId {
  return SEVERITY_IDS[data.text('severity', (value) => Object.hasOwn(SEVERITY_IDS, value)) ?? ''] ?? 0;
}

function findingOf(data: RecordData): Record<string, unknown> {
  const kind = data.text('kind');
  const raisedBy = data.text('raisedBy');
  return {
    uid: alertOf(data),
    title: kind === undefined ? undefined : titleOf(kind),
    types: kind === undefined ? undefined : [kind],
    first_seen_time: epochMillisOf(data.text('firstSeenAt')),
    last_seen_time: epochMillisOf(data.text('lastSeenAt')),
    related_events: raisedBy === undefined ? undefined : [{ uid: raisedBy }],
  };
}

/** `REVOKED_CREDENTIAL_USED` → `Revoked credential used` (no locale: toLowerCase is the same everywhere). */
function titleOf(kind: string): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function evidencesOf(data: RecordData): Record<string, unknown>[] | undefined {
  const userId = data.text('userId');
  const userPrincipalName = data.text('userPrincipalName');
  const user = userId === undefined && userPrincipalName === undefined ? undefined : userOf(userId, userPrincipalName);
  const source = sourceEndpointOf(data);
  return user === undefined && source === undefined ? undefined : [{ user, src_endpoint: source }];
}

function resourcesOf(data: RecordData): Record<string, unknown>[] | undefined {
  const appPasswordId = data.text('appPasswordId');
  return appPasswordId === undefined ? undefined : [{ uid: appPasswordId, type: 'App Password' }];
}

function alertOf(data: RecordData): string {
  return data.text('alertId') ?? UNKNOWN;
}
