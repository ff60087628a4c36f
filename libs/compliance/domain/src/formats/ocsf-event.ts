import type { AuditRecord } from '../audit-record/audit-record';
import { ACCOUNT_CHANGE_MAPPERS } from './ocsf-account-change';
import { AUTHENTICATION_MAPPERS } from './ocsf-authentication';
import { BASE_EVENT, classificationOf, otherActivity, SEVERITIES } from './ocsf-class';
import { DETECTION_FINDING_MAPPERS } from './ocsf-detection-finding';
import { ENTITY_MANAGEMENT_MAPPERS } from './ocsf-entity-management';
import type { OcsfMapper, OcsfMapping } from './ocsf-mapping';
import { actorOf, epochMillisOf, UNKNOWN, withoutUndefined } from './ocsf-objects';
import { SCAN_ACTIVITY_MAPPERS } from './ocsf-scan-activity';
import { RecordData } from './record-data';

/**
 * `records.ocsf.ndjson` of an export bundle (DESIGN §7): each audit record as an OCSF 1.8.0 event,
 * for a SIEM. Sign-ins are 3002 Authentication, the lifecycle of app passwords and users 3001
 * Account Change, tenants and revocation cases 3004 Entity Management, alerts 2004 Detection
 * Finding, leak scans 6007 Scan Activity; an event type this version does not know is a 0 Base
 * Event (activity Other, named after the type). docs/audit-log-formats.md has the table.
 *
 * Every event carries the record's id (`metadata.uid`), correlation id, tenant and type
 * (`metadata.event_code`), its time, who acted (`actor`), and in `unmapped` the stream, the
 * causation id and the data fields no attribute holds. The offline verifier rebuilds the file
 * from the verified records and requires it byte for byte: no clock, no locale, and members in
 * the order this code builds them (the unmapped data's sorted), so a record gives the same line
 * whatever order its data came in. Not canonical JSON: sorting every event's keys took an eighth
 * of an OCSF export's time and bought nothing the verifier needs.
 */
export const OCSF_VERSION = '1.8.0';

/** Keyward's own version, which every event names as its product's (the verifier must be given the same). */
export interface OcsfProduct {
  readonly version: string;
}

const MAPPERS: ReadonlyMap<string, OcsfMapper> = new Map(
  Object.entries({
    ...AUTHENTICATION_MAPPERS,
    ...ACCOUNT_CHANGE_MAPPERS,
    ...ENTITY_MANAGEMENT_MAPPERS,
    ...DETECTION_FINDING_MAPPERS,
    ...SCAN_ACTIVITY_MAPPERS,
  }),
);

/** The event types with a class of their own (any other becomes a Base Event). */
export const OCSF_MAPPED_EVENT_TYPES: readonly string[] = [...MAPPERS.keys()];

export function ocsfEventOf(record: AuditRecord, product: OcsfProduct): Record<string, unknown> {
  return withoutUndefined(ocsfEventWithGaps(record, product)) as Record<string, unknown>;
}

/** The event as built: members a record does not fill are undefined (JSON leaves them out). */
function ocsfEventWithGaps(record: AuditRecord, product: OcsfProduct): Record<string, unknown> {
  const data = new RecordData(record.data);
  const mapping = MAPPERS.get(record.type)?.(data) ?? baseEventOf(record);
  const severityId = mapping.severityId ?? 1;
  const { hasOwnActor } = mapping.activity.of;
  // Object.assign, not spreads into one long literal: V8 builds such a literal an order of magnitude slower.
  return Object.assign(classificationOf(mapping.activity), {
    severity_id: severityId,
    severity: SEVERITIES[severityId],
    time: epochMillisOf(record.occurredAt) ?? 0,
    timezone_offset: 0,
    message: mapping.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Keyward', vendor_name: 'Keyward', version: product.version },
      // The classes without an `actor` of their own take it from the host profile.
      profiles: hasOwnActor ? undefined : ['host'],
      uid: record.id,
      correlation_uid: record.correlationId,
      tenant_uid: record.tenantId,
      event_code: record.type,
      log_name: 'audit-log',
      original_time: record.occurredAt,
    },
    actor: actorOf(record.actor),
  }, mapping.attributes, {
    unmapped: { stream_id: record.streamId, causation_id: record.causationId, data: data.rest() },
  });
}

/** The event's JSON, as a line of `records.ocsf.ndjson` holds it (JSON leaves the undefined members out). */
export function ocsfJson(record: AuditRecord, product: OcsfProduct): string {
  return JSON.stringify(ocsfEventWithGaps(record, product));
}

/** One line of `records.ocsf.ndjson`: the event's JSON and a line feed. */
export function ocsfLine(record: AuditRecord, product: OcsfProduct): string {
  return `${ocsfJson(record, product)}\n`;
}

/** A record of a type this version does not map: the generic class, its data all unmapped. */
function baseEventOf(record: AuditRecord): OcsfMapping {
  return { activity: otherActivity(BASE_EVENT, record.type || UNKNOWN), message: record.type, severityId: 0, attributes: {} };
}
