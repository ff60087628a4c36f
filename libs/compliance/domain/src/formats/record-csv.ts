import { canonicalJson } from '../canonical-json/canonical-json';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '@keyward/shared/domain';
import type { AuditRecord } from '../audit-record/audit-record';
import { RecordData } from './record-data';

/**
 * `records.csv` of an export bundle (DESIGN §7): one row per audit record, for an auditor's
 * spreadsheet. The record's own fields, then the data fields most events share (empty where an
 * event has none), then the whole `data` as RFC 8785 canonical JSON, so nothing is lost. The
 * offline verifier rebuilds the file from the verified records and requires it byte for byte:
 * nothing here depends on a locale, a clock or the order of keys in the record it is given.
 */
const COLUMNS: readonly [string, (record: AuditRecord, data: RecordData) => string | undefined][] = [
  ['id', (record) => record.id],
  ['occurred_at', (record) => record.occurredAt],
  ['type', (record) => record.type],
  ['actor', (record) => record.actor],
  ['stream_id', (record) => record.streamId],
  ['tenant_id', (record) => record.tenantId],
  ['correlation_id', (record) => record.correlationId],
  ['causation_id', (record) => record.causationId],
  ['user_id', (_, data) => data.text('userId')],
  ['user_principal_name', (_, data) => data.text('userPrincipalName')],
  ['app_password_id', (_, data) => data.text('appPasswordId')],
  ['case_id', (_, data) => data.text('caseId')],
  ['protocol', (_, data) => data.text('protocol')],
  ['source_ip', (_, data) => data.text('sourceIp')],
  ['client', (_, data) => data.text('client')],
  ['reason', (_, data) => data.text('reason')],
  ['incident_ref', (_, data) => data.text('incidentRef')],
  ['data', (record) => canonicalJson(record.data)],
];

/**
 * RFC 4180 with CRLF line ends. csv-stringify quotes a cell with a comma or a quote but not one
 * with a bare line break when the record delimiter is CRLF: `quoted_match` makes it (RFC 4180 §2.6).
 */
const RFC_4180 = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The header row, CRLF-terminated. */
export const RECORD_CSV_HEADER: string = stringify([COLUMNS.map(([name]) => name)], RFC_4180);

/** One record as one CSV row, CRLF-terminated; every cell safe to open in a spreadsheet. */
export function recordCsvLine(record: AuditRecord): string {
  const data = new RecordData(record.data);
  return stringify([COLUMNS.map(([, cell]) => spreadsheetSafe(cell(record, data)))], RFC_4180);
}
