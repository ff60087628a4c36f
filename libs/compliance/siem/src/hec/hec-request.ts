import type { SiemFormat } from '../siem-payload';

/** Where events go when KEYWARD_HEC_URL names only the collector's origin. */
export const HEC_EVENT_PATH = '/services/collector/event';
export const HEC_SOURCE = 'keyward';
export const RECORD_SOURCETYPE = 'keyward:audit';

/** One event as Splunk's HTTP Event Collector takes it. */
export interface HecEventFields {
  /** The event's `occurredAt`. */
  readonly occurredAt: string;
  readonly host: string;
  readonly sourcetype: string;
  /** The record's canonical JSON or the OCSF event's JSON, placed as they are. */
  readonly json: string;
}

/** The URL as given when it has a path; its origin and `/services/collector/event` when not. */
export function hecEndpoint(url: string): string {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = HEC_EVENT_PATH;
  return parsed.toString();
}

/**
 * `{"time", "host", "source", "sourcetype", "event"}`; `time` is epoch seconds with milliseconds.
 * The event's JSON goes in as it is, so a SIEM gets the same bytes as the log's leaf.
 */
export function hecEventJson(fields: HecEventFields): string {
  const time = (Date.parse(fields.occurredAt) / 1000).toFixed(3);
  const envelope = JSON.stringify({ host: fields.host, source: HEC_SOURCE, sourcetype: fields.sourcetype }).slice(1, -1);
  return `{"time":${time},${envelope},"event":${fields.json}}`;
}

/** A batch is one request: the events' objects one after the other, a line each. */
export function hecBody(events: readonly string[]): string {
  return events.join('\n');
}

/**
 * `keyward:audit` for records; for OCSF, `ocsf:` and the event's class in snake case
 * (`ocsf:authentication`, `ocsf:account_change`), so a SIEM can route each class to its model.
 */
export function sourcetypeOf(format: SiemFormat, json: string): string {
  if (format === 'record') return RECORD_SOURCETYPE;
  const { class_name: name, class_uid: uid } = JSON.parse(json) as { class_name?: string; class_uid?: number };
  if (name) return `ocsf:${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  return uid === undefined ? 'ocsf' : `ocsf:class_${uid}`;
}
