import type { OcsfActivity, SeverityId } from './ocsf-class';
import type { RecordData } from './record-data';

/** What one event type's record says in OCSF, besides what every event carries (ocsf-event.ts). */
export interface OcsfMapping {
  readonly activity: OcsfActivity;
  /** A fixed sentence per event type (two types may share an activity: revoked and expired are both Delete). */
  readonly message: string;
  /** Informational unless the event says otherwise (an alert's own severity). */
  readonly severityId?: SeverityId;
  /** The class's own attributes, status included; undefined members are left out. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Maps the data of one event type; the fields it reads count as mapped, the rest go to `unmapped`. */
export type OcsfMapper = (data: RecordData) => OcsfMapping;

export const SUCCESS = { status_id: 1, status: 'Success' } as const;
