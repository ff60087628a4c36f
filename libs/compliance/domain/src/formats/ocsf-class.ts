/**
 * The OCSF 1.8.0 classes Keyward's audit records become, with the captions the schema gives their
 * categories, classes and the activities we use (copied from the schema's enums; the tests
 * validate every mapped event against the schema, so a wrong caption fails there).
 */
export interface OcsfClass {
  readonly categoryUid: number;
  readonly categoryName: string;
  readonly classUid: number;
  readonly className: string;
  /** The activities used, by id, with the schema's captions (99 Other takes the source's own name). */
  readonly activities: Readonly<Record<number, string>>;
  /** Whether `actor` is the class's own attribute; elsewhere it comes with the `host` profile. */
  readonly hasOwnActor: boolean;
}

const IAM = { categoryUid: 3, categoryName: 'Identity & Access Management' } as const;

export const AUTHENTICATION: OcsfClass = { ...IAM, classUid: 3002, className: 'Authentication', activities: { 1: 'Logon' }, hasOwnActor: true };

export const ACCOUNT_CHANGE: OcsfClass = {
  ...IAM,
  classUid: 3001,
  className: 'Account Change',
  activities: { 1: 'Create', 2: 'Enable', 4: 'Password Reset', 5: 'Disable', 6: 'Delete', 10: 'MFA Factor Enable', 11: 'MFA Factor Disable' },
  hasOwnActor: true,
};

export const ENTITY_MANAGEMENT: OcsfClass = { ...IAM, classUid: 3004, className: 'Entity Management', activities: { 1: 'Create', 3: 'Update' }, hasOwnActor: true };

export const DETECTION_FINDING: OcsfClass = {
  categoryUid: 2,
  categoryName: 'Findings',
  classUid: 2004,
  className: 'Detection Finding',
  activities: { 1: 'Create', 2: 'Update' },
  hasOwnActor: false,
};

export const SCAN_ACTIVITY: OcsfClass = {
  categoryUid: 6,
  categoryName: 'Application Activity',
  classUid: 6007,
  className: 'Scan Activity',
  activities: { 2: 'Completed' },
  hasOwnActor: false,
};

/** The schema's generic class, "for events not otherwise defined by the schema": an event type this version does not know. */
export const BASE_EVENT: OcsfClass = { categoryUid: 0, categoryName: 'Uncategorized', classUid: 0, className: 'Base Event', activities: {}, hasOwnActor: false };

/** One activity of a class: an id from its enum, or 99 (Other) with the source's own name. */
export interface OcsfActivity {
  readonly of: OcsfClass;
  readonly id: number;
  readonly name: string;
}

export const OTHER_ACTIVITY_ID = 99;

export function activity(of: OcsfClass, id: number): OcsfActivity {
  const name = of.activities[id];
  if (name === undefined) throw new Error(`${of.className} has no activity ${id} here`);
  return { of, id, name };
}

export function otherActivity(of: OcsfClass, name: string): OcsfActivity {
  return { of, id: OTHER_ACTIVITY_ID, name };
}

/** The classification attributes of an event of this activity (`type_uid = class_uid × 100 + activity_id`). */
export function classificationOf({ of, id, name }: OcsfActivity): Record<string, unknown> {
  return {
    category_uid: of.categoryUid,
    category_name: of.categoryName,
    class_uid: of.classUid,
    class_name: of.className,
    activity_id: id,
    activity_name: name,
    type_uid: of.classUid * 100 + id,
    type_name: `${of.className}: ${id === OTHER_ACTIVITY_ID ? 'Other' : name}`,
  };
}

/** The schema's severity captions. */
export const SEVERITIES = { 0: 'Unknown', 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical', 6: 'Fatal' } as const;
export type SeverityId = keyof typeof SEVERITIES;
