import type { RecordedEvent } from '@keyward/shared/event-store';
import { auditRecordBytes, auditRecordOf, ocsfLine, type AuditRecord } from '@keyward/compliance/domain';

/** What a SIEM receives of each event: the audit record's canonical JSON, or its OCSF event. */
export type SiemFormat = 'record' | 'ocsf';

/**
 * The product version OCSF events carry (`metadata.product.version`). Keyward has no build-time
 * version of its own yet; this follows package.json.
 */
export const KEYWARD_VERSION = '0.1.0';

/** One event as a SIEM receives it: the record it is made of, and its JSON text in the chosen format. */
export interface SiemPayload {
  readonly record: AuditRecord;
  /** Exactly the bytes of the transparency log's leaf, or of the bundle's `records.ocsf.ndjson` line. */
  readonly json: string;
}

export function siemPayloadOf(event: RecordedEvent, format: SiemFormat): SiemPayload {
  const record = auditRecordOf(event);
  return { record, json: format === 'record' ? auditRecordBytes(record).toString('utf8') : ocsfJson(record) };
}

function ocsfJson(record: AuditRecord): string {
  const line: string | Buffer = ocsfLine(record, { version: KEYWARD_VERSION });
  return line.toString().replace(/\n$/, '');
}
