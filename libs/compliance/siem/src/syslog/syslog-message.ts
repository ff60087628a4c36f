/**
 * RFC 5424 syslog messages and their RFC 6587 octet-counting frames: pure functions, no I/O.
 *
 * `<PRI>1 TIMESTAMP HOSTNAME keyward - TYPE [keyward@32473 tenant="…" stream="…" actor="…"] MSG`
 */

/** Facility 13, "log audit" (RFC 5424 table 1): these are audit records, not daemon chatter. */
export const SYSLOG_FACILITY_LOG_AUDIT = 13;
export const APP_NAME = 'keyward';
/**
 * The SD-ID of Keyward's structured data. 32473 is the enterprise number IANA reserves for
 * examples (RFC 5612); a registered private enterprise number would replace it, and the SD-ID with it.
 */
export const SD_ID = 'keyward@32473';

/** RFC 5424 severities Keyward uses. */
export const Severity = { warning: 4, notice: 5, informational: 6 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** What one message says about one audit record. */
export interface SyslogFields {
  /** The event's `occurredAt` (RFC 3339, UTC): the same message at every attempt, from any node. */
  readonly timestamp: string;
  readonly hostname: string;
  readonly type: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly actor: string;
  /** The record's canonical JSON or its OCSF JSON. */
  readonly msg: string;
}

/**
 * A sign-in that was turned away (`AppPasswordRejected`, `SignInFailed`, and the summary of many,
 * `SignInFailuresSummarized`) is a notice; a detection
 * (`AlertRaised`, `AlertRepeated`) a warning; everything else, a change made or a sign-in that
 * succeeded, is informational.
 */
export function severityOf(type: string): Severity {
  if (/^Alert(Raised|Repeated)$/.test(type)) return Severity.warning;
  if (/(Rejected|Failed|FailuresSummarized)$/.test(type)) return Severity.notice;
  return Severity.informational;
}

/** The message's text (without its frame). */
export function syslogMessage(fields: SyslogFields): string {
  const pri = SYSLOG_FACILITY_LOG_AUDIT * 8 + severityOf(fields.type);
  const structuredData = `[${SD_ID} tenant="${sdParamValue(fields.tenantId)}" stream="${sdParamValue(fields.streamId)}" actor="${sdParamValue(fields.actor)}"]`;
  // MSG is JSON, whose encoding is UTF-8 by its own RFC (8259), which forbids a BOM: so it is
  // sent as MSG-ANY, without the BOM that would mark MSG-UTF8 and break every JSON parser.
  return `<${pri}>1 ${fields.timestamp} ${headerField(fields.hostname, 255)} ${APP_NAME} - ${headerField(fields.type, 32)} ${structuredData} ${fields.msg}`;
}

/** RFC 6587 §3.4.1 octet counting: the message's length in bytes, a space, the message. */
export function octetCountedFrame(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]);
}

/** RFC 5424 §6.3.3: in a PARAM-VALUE, `"`, `\` and `]` are escaped with a backslash. */
export function sdParamValue(value: string): string {
  return value.replace(/["\\\]]/g, (character) => `\\${character}`);
}

/**
 * A header field is 1 to `max` printable US-ASCII characters (RFC 5424 §6): anything else
 * becomes `_`, and an empty one is the NILVALUE.
 */
function headerField(value: string, max: number): string {
  const printable = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return printable === '' ? '-' : printable;
}
