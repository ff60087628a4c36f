import { ocsfLine, RECORD_CSV_HEADER, recordCsvLine, type AuditRecord } from '@keyward/compliance/domain';

/**
 * The lines of the derived files, as the writer writes them and the verifier rebuilds them: the
 * one place both take them from, so they cannot drift apart.
 */
export function csvHeader(): string {
  return RECORD_CSV_HEADER;
}

/** A record's row of `records.csv` (RFC 4180, CRLF-terminated). */
export function csvLine(record: AuditRecord): string {
  return recordCsvLine(record);
}

/** A record's line of `records.ocsf.ndjson` (canonical JSON and a line feed); `version` is the manifest's software version. */
export function ocsfLineOf(record: AuditRecord, version: string): string {
  return ocsfLine(record, { version });
}
