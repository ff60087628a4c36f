import { activity, SCAN_ACTIVITY } from './ocsf-class';
import type { OcsfMapper } from './ocsf-mapping';
import { SUCCESS } from './ocsf-mapping';
import { UNKNOWN } from './ocsf-objects';

/**
 * A scan of pasted or uploaded text for leaked app passwords as 6007 Scan Activity, activity 2
 * Completed (it is recorded once, done): a Manual scan whose total is the strings in the
 * app-password format with a valid checksum, and whose detections are the tenant's credentials
 * among them (their ids, and which were proven, stay in `unmapped`).
 */
export const SCAN_ACTIVITY_MAPPERS: Readonly<Record<string, OcsfMapper>> = {
  LeakScanPerformed: (data) => ({
    activity: activity(SCAN_ACTIVITY, 2),
    message: 'Leaked app password scan performed',
    attributes: Object.assign({}, SUCCESS, {
      scan: { uid: data.text('scanId') ?? UNKNOWN, name: 'Leaked app passwords', type_id: 1, type: 'Manual' },
      total: data.count('candidates'),
      num_detections: data.sizeOf('matchedIds'),
    }),
  }),
};
