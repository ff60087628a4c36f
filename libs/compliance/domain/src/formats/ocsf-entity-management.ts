import { activity, ENTITY_MANAGEMENT, type OcsfActivity } from './ocsf-class';
import type { OcsfMapper } from './ocsf-mapping';
import { SUCCESS } from './ocsf-mapping';
import { UNKNOWN } from './ocsf-objects';
import type { RecordData } from './record-data';

/**
 * Tenants and revocation cases as 3004 Entity Management: what an admin or a responder manages at
 * the console. A tenant is an Organization; its policy change is an Update of its Policy entity
 * with the new policy as the entity's data; its mail servers' change an Update of an Other "Mail
 * Servers" entity with the servers as its data. A revocation (or suspension) case is an entity of type
 * Other "Revocation Case": requesting it is Create, with the reason as the comment; each later step
 * (targets fixed, outcomes, cancelled, completed, reinstated) is an Update of the same case id.
 * The per-credential changes a case makes are their own Account Change events. An access review
 * is an Other "Access Review": started is Create, with its name as the comment; items fixed, a
 * decision (its justification the comment), an owner's attestation, completion and a repeating
 * review's series stopped are Updates.
 */
export const ENTITY_MANAGEMENT_MAPPERS: Readonly<Record<string, OcsfMapper>> = {
  TenantCreated: entityChange(1, 'Tenant created', (data) => ({ entity: { uid: tenantOf(data), name: data.text('name'), type_id: 4, type: 'Organization' } })),
  TenantPolicyChanged: entityChange(3, 'Tenant policy changed', (data) => ({
    entity: { uid: tenantOf(data), name: 'App password policy', type_id: 5, type: 'Policy', data: data.raw('policy') },
  })),
  TenantMailServersChanged: entityChange(3, 'Tenant mail servers changed', (data) => ({
    entity: { uid: tenantOf(data), name: 'Mail servers', type_id: 99, type: 'Mail Servers', data: data.raw('mailServers') },
  })),
  RevocationCaseRequested: caseChange(1, 'Revocation case requested'),
  RevocationTargetsFixed: caseChange(3, 'Revocation case targets fixed'),
  RevocationOutcomesRecorded: caseChange(3, 'Revocation case outcomes recorded'),
  CaseCancellationRequested: caseChange(3, 'Revocation case cancellation requested'),
  RevocationCaseCancelled: caseChange(3, 'Revocation case cancelled'),
  RevocationCaseCompleted: caseChange(3, 'Revocation case completed'),
  CaseReinstatementRequested: caseChange(3, 'Revocation case reinstatement requested'),
  CaseReinstated: caseChange(3, 'Revocation case reinstated'),
  AccessReviewStarted: reviewChange(1, 'Access review started', 'name'),
  AccessReviewItemsFixed: reviewChange(3, 'Access review items fixed'),
  AccessReviewItemDecided: reviewChange(3, 'Access review item decided', 'justification'),
  AccessReviewItemAttested: reviewChange(3, 'Access review item attested by its owner', 'note'),
  AccessReviewCompleted: reviewChange(3, 'Access review completed'),
  AccessReviewRecurrenceStopped: reviewChange(3, 'Access review stopped repeating'),
  NoticeQueued: noticeChange(1, 'Notice queued', 'subject'),
  NoticeSendStarted: noticeChange(3, 'Notice being sent'),
  NoticeSent: noticeChange(3, 'Notice sent', 'response'),
  NoticeDeliveryFailed: noticeChange(3, 'Notice delivery failed; retried later', 'error'),
  ReportScheduled: entityChange(1, 'Report scheduled', (data) => ({ entity: { uid: data.text('scheduleId') ?? UNKNOWN, name: data.text('report'), type_id: 99, type: 'Report Schedule' } })),
  ReportScheduleCancelled: entityChange(3, 'Report schedule cancelled', (data) => ({ entity: { uid: data.text('scheduleId') ?? UNKNOWN, type_id: 99, type: 'Report Schedule' } })),
};

function entityChange(activityId: number, message: string, attributes: (data: RecordData) => Record<string, unknown>): OcsfMapper {
  const change: OcsfActivity = activity(ENTITY_MANAGEMENT, activityId);
  return (data) => ({ activity: change, message, attributes: Object.assign({}, SUCCESS, attributes(data)) });
}

function caseChange(activityId: number, message: string): OcsfMapper {
  return entityChange(activityId, message, (data) => ({
    entity: { uid: data.text('caseId') ?? UNKNOWN, type_id: 99, type: 'Revocation Case' },
    comment: data.text('reason'),
  }));
}

/** An access review is an entity of type Other "Access Review"; each step after its start is an Update of it. */
function reviewChange(activityId: number, message: string, commentField?: string): OcsfMapper {
  return entityChange(activityId, message, (data) => ({
    entity: { uid: data.text('reviewId') ?? UNKNOWN, type_id: 99, type: 'Access Review' },
    ...(commentField ? { comment: data.text(commentField) } : {}),
  }));
}

/** A mail to a person is an entity of type Other "Notice": queued is Create, each attempt and its outcome an Update. */
function noticeChange(activityId: number, message: string, commentField?: string): OcsfMapper {
  return entityChange(activityId, message, (data) => ({
    entity: { uid: data.text('noticeId') ?? UNKNOWN, type_id: 99, type: 'Notice' },
    ...(commentField ? { comment: data.text(commentField) } : {}),
  }));
}

function tenantOf(data: RecordData): string {
  return data.text('tenantId') ?? UNKNOWN;
}
