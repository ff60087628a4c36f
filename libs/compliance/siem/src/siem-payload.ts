import { KEYWARD_VERSION } from '@keyward/shared/server';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { auditRecordBytes, auditRecordOf, ocsfLine, type AuditRecord } from '@keyward/compliance/domain';

/** What a SIEM receives of each event: the audit record's canonical JSON, or its OCSF event. */
export type SiemFormat = 'record' | 'ocsf';

/** One event as a SIEM receives it: the record it is made of, and its JSON text in the chosen format. */
export interface SiemPayload {
  readonly record: AuditRecord;
  /** Exactly the bytes of the transparency log's leaf, or of the bundle's `records.ocsf.ndjson` line. */
  readonly json: string;
}

export function siemPayloadOf(event: RecordedEvent, format: SiemFormat): SiemPayload {
  const record = auditRecordOf(event);
  // An OCSF line ends with a line feed, which a message or an HEC event does not carry.
  const json = format === 'record' ? auditRecordBytes(record).toString('utf8') : ocsfLine(record, { version: KEYWARD_VERSION }).replace(/\n$/, '');
  return { record, json };
}
