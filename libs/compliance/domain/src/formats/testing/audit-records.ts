import type {
  AppPasswordExpired,
  AppPasswordGenerated,
  AppPasswordReinstated,
  AppPasswordRejected,
  AppPasswordClientIdentified,
  AppPasswordRenamed,
  AppPasswordRevoked,
  AppPasswordSlotReserved,
  AppPasswordSuspended,
  AppPasswordUsed,
  SignInFailed,
  SignInFailuresSummarized,
} from '@keyward/app-passwords/domain';
import {
  DEFAULT_TENANT_POLICY,
  type ApiTokenCreated,
  type ApiTokenRevoked,
  type ApiTokenUsed,
  type TenantCreated,
  type TenantPolicyChanged,
  type TenantMailServersChanged,
  type UserCreated,
  type UserDisabled,
  type UserEnabled,
  type UserPasswordReset,
  type UserProfileChanged,
  type UserRolesChanged,
  type TotpEnrolled,
  type PasskeyRegistered,
  type SecondFactorUsed,
  type SecondFactorsReset,
  type MfaAttested,
} from '@keyward/identity/domain';
import { auditRecordOf, type AuditRecord } from '../../audit-record/audit-record';
import type {
  AccessReviewCompleted,
  AccessReviewItemAttested,
  AccessReviewItemDecided,
  AccessReviewItemsFixed,
  AccessReviewRecurrenceStopped,
  AccessReviewStarted,
} from '../../access-review/access-review.events';
import type { NoticeDeliveryFailed, NoticeQueued, NoticeSendStarted, NoticeSent } from '../../notices/notice.events';
import type { ReportScheduleCancelled, ReportScheduled } from '../../report-schedules/report-schedule';

/**
 * One audit record of every event type a tenant's log holds, as `auditRecordOf` makes them from
 * stored events. The events of our own scopes are typed, so a changed event shape fails to compile
 * here; the incidents scope is out of the compliance domain's reach, so its events are spelled out.
 */
const TENANT = 'b6f1c0de-5a7e-4c1b-9d2e-7f3a1c2b4d5e';
const ALICE = 'a11ce000-0000-5000-8000-000000000001';
const CREDENTIAL = 'k7m3p9x2qa';
const CASE = 'c45e0000-0000-4000-8000-000000000007';
const ALERT = 'a1e70000-0000-4000-8000-000000000009';
const REVIEW = 'ae010000-0000-4000-8000-00000000000a';
const NOTICE = '4e010000-0000-4000-8000-00000000000b';
const SCHEDULE = '5c4e0000-0000-4000-8000-00000000000c';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

let sequence = 0;
/** The audit record of one stored event (ids and times are made up, in order). */
export function recordOf(type: string, streamId: string, data: unknown, actor = `user:${ALICE}`): AuditRecord {
  sequence += 1;
  const id = `e0000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const occurredAt = new Date(Date.UTC(2026, 2, 1, 12, 0, sequence)).toISOString();
  return auditRecordOf({
    id,
    type,
    streamId,
    data,
    metadata: { tenantId: TENANT, actor, occurredAt, correlationId: `corr-${sequence}`, causationId: `cause-${sequence}` },
  });
}

const signIn = { protocol: 'imap', sourceIp: '203.0.113.7', client: 'Thunderbird 128' } as const;
const policy = DEFAULT_TENANT_POLICY as TenantCreated['data']['policy'];

export const RECORDS_OF_EVERY_TYPE: readonly AuditRecord[] = [
  recordOf('TenantCreated', `tenant-${TENANT}`, { tenantId: TENANT, name: 'Contoso', domains: ['contoso.example'], policy } satisfies TenantCreated['data'], 'system:bootstrap'),
  recordOf('TenantPolicyChanged', `tenant-${TENANT}`, { tenantId: TENANT, policy: { ...policy, maxActivePerUser: 10 } } satisfies TenantPolicyChanged['data']),
  recordOf('TenantMailServersChanged', `tenant-${TENANT}`, {
    tenantId: TENANT,
    mailServers: {
      imap: { protocol: 'imap', host: 'imap.contoso.example', port: 993, security: 'SSL' },
      pop: null,
      submission: { protocol: 'smtp', host: 'smtp.contoso.example', port: 587, security: 'STARTTLS' },
    },
  } satisfies TenantMailServersChanged['data']),
  recordOf('UserCreated', `user-${ALICE}`, {
    userId: ALICE, tenantId: TENANT, userPrincipalName: 'alice@contoso.example', displayName: 'Alice Example',
    roles: ['USER'], mfaRegistered: true, passwordHash: HASH,
  } satisfies UserCreated['data']),
  recordOf('UserDisabled', `user-${ALICE}`, { userId: ALICE, revokesAppPasswords: true } satisfies UserDisabled['data']),
  recordOf('UserEnabled', `user-${ALICE}`, { userId: ALICE } satisfies UserEnabled['data']),
  recordOf('UserPasswordReset', `user-${ALICE}`, { userId: ALICE, passwordHash: HASH, revokesAppPasswords: true } satisfies UserPasswordReset['data']),
  recordOf('UserProfileChanged', `user-${ALICE}`, {
    userId: ALICE,
    displayName: 'Alice Married',
    profile: { externalId: 'entra-0001', givenName: 'Alice', familyName: 'Married', email: 'alice@contoso.example' },
  } satisfies UserProfileChanged['data'], 'token:Ab3dEf6hIj9k'),
  recordOf('UserRolesChanged', `user-${ALICE}`, { userId: ALICE, roles: ['USER', 'AUDITOR'] } satisfies UserRolesChanged['data'], 'token:Ab3dEf6hIj9k'),
  recordOf('TotpEnrolled', `user-${ALICE}`, {
    userId: ALICE, totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', recoveryCodeHashes: Array.from({ length: 10 }, (_, i) => `cmVjb3ZlcnkgY29kZSBoYXNo${i}`), timeStep: 59_000_000,
  } satisfies TotpEnrolled['data'], `user:${ALICE}`),
  recordOf('PasskeyRegistered', `user-${ALICE}`, {
    userId: ALICE, credentialId: 'Y3JlZGVudGlhbCBpZA', publicKey: 'cHVibGljIGtleQ', counter: 0, transports: ['internal'], name: 'Laptop',
  } satisfies PasskeyRegistered['data'], `user:${ALICE}`),
  recordOf('SecondFactorUsed', `user-${ALICE}`, { userId: ALICE, factor: 'totp', timeStep: 59_000_001 } satisfies SecondFactorUsed['data'], `user:${ALICE}`),
  recordOf('MfaAttested', `user-${ALICE}`, { userId: ALICE, source: 'identity-provider' } satisfies MfaAttested['data'], 'system:oidc-sign-in'),
  recordOf('SecondFactorsReset', `user-${ALICE}`, { userId: ALICE, reason: 'Lost phone, ticket 4711' } satisfies SecondFactorsReset['data']),
  recordOf('ApiTokenCreated', 'apiToken-Ab3dEf6hIj9k', {
    apiTokenId: 'Ab3dEf6hIj9k', tenantId: TENANT, userId: ALICE, name: 'Nightly SIEM export', role: 'AUDITOR', expiresAt: '2026-05-30T12:00:00.000Z', tokenHash: 'c2hhMjU2IG9mIHRoZSB0b2tlbg',
  } satisfies ApiTokenCreated['data'], `user:${ALICE}`),
  recordOf('ApiTokenUsed', 'apiToken-Ab3dEf6hIj9k', { apiTokenId: 'Ab3dEf6hIj9k', usedAt: '2026-03-02T08:00:00.000Z' } satisfies ApiTokenUsed['data'], 'token:Ab3dEf6hIj9k'),
  recordOf('ApiTokenRevoked', 'apiToken-Ab3dEf6hIj9k', { apiTokenId: 'Ab3dEf6hIj9k' } satisfies ApiTokenRevoked['data'], `user:${ALICE}`),
  recordOf('AppPasswordSlotReserved', `appPasswordKeyring-${ALICE}`, { appPasswordId: CREDENTIAL, userId: ALICE, reservedAt: '2026-03-01T12:00:00.000Z' } satisfies AppPasswordSlotReserved['data']),
  recordOf('AppPasswordGenerated', `appPassword-${CREDENTIAL}`, {
    appPasswordId: CREDENTIAL, userId: ALICE, tenantId: TENANT, label: 'Thunderbird on laptop',
    scopes: ['imap', 'smtp'], expiresAt: '2027-03-01T12:00:00.000Z', secretHash: HASH,
  } satisfies AppPasswordGenerated['data']),
  recordOf('AppPasswordRenamed', `appPassword-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, label: 'Thunderbird on desktop' } satisfies AppPasswordRenamed['data']),
  recordOf('AppPasswordUsed', `appPasswordUsage-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, userId: ALICE, ...signIn } satisfies AppPasswordUsed['data'], 'gateway:nginx'),
  recordOf('AppPasswordRejected', `appPasswordUsage-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, userId: ALICE, reason: 'WRONG_SECRET', ...signIn } satisfies AppPasswordRejected['data'], 'gateway:nginx'),
  recordOf('AppPasswordClientIdentified', `appPasswordUsage-${CREDENTIAL}`, {
    appPasswordId: CREDENTIAL, userId: ALICE, useRevision: 0, usedAt: '2026-03-01T12:00:00.000Z', protocol: 'smtp', sourceIp: '203.0.113.7', client: 'scanner-3f.contoso.example',
  } satisfies AppPasswordClientIdentified['data'], 'gateway:mail'),
  recordOf('SignInFailed', `signInFailures-${TENANT}`, { userPrincipalName: 'mallory@contoso.example', reason: 'UNKNOWN_USER', protocol: 'smtp', sourceIp: '2001:db8::17', client: null } satisfies SignInFailed['data'], 'gateway:postfix'),
  recordOf('SignInFailuresSummarized', `signInFailures-${TENANT}`, {
    reason: 'UNKNOWN_USER', from: '2026-03-01T12:00:01.000Z', to: '2026-03-01T12:00:59.000Z', attempts: 1_200, omitted: 0,
    failures: [{ userPrincipalName: 'ghost@contoso.example', protocol: 'imap', sourceIp: '198.51.100.9', client: null, count: 1_200, firstAt: '2026-03-01T12:00:01.000Z', lastAt: '2026-03-01T12:00:59.000Z' }],
  } satisfies SignInFailuresSummarized['data'], 'gateway:dovecot'),
  recordOf('AppPasswordSuspended', `appPassword-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, reason: 'Phishing wave', incidentRef: 'INC-42', caseId: CASE } satisfies AppPasswordSuspended['data']),
  recordOf('AppPasswordReinstated', `appPassword-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, reason: 'False alarm', caseId: CASE } satisfies AppPasswordReinstated['data']),
  recordOf('AppPasswordRevoked', `appPassword-${CREDENTIAL}`, { appPasswordId: CREDENTIAL, reason: 'Laptop stolen', incidentRef: 'INC-7', caseId: null } satisfies AppPasswordRevoked['data']),
  recordOf('AppPasswordExpired', `appPassword-${CREDENTIAL}`, { appPasswordId: CREDENTIAL } satisfies AppPasswordExpired['data'], 'system:expiry'),
  recordOf('RevocationCaseRequested', `revocationCase-${CASE}`, {
    caseId: CASE, tenantId: TENANT, action: 'REVOKE', isDryRun: false, reason: 'Credentials in a paste', incidentRef: 'INC-42',
    requestedBy: `user:${ALICE}`, requestedAt: '2026-03-01T12:00:00.000Z', filter: { usedFromAddress: '198.51.100.0/24' },
    matched: 2, recentlyUsed: 1, usersAffected: 1, sample: [CREDENTIAL],
  }),
  recordOf('RevocationTargetsFixed', `revocationCase-${CASE}`, { caseId: CASE, appPasswordIds: [CREDENTIAL, 'q2w3e4r5t6'] }),
  recordOf('RevocationOutcomesRecorded', `revocationCase-${CASE}`, {
    caseId: CASE, outcomes: [{ appPasswordId: CREDENTIAL, outcome: 'REVOKED', userId: ALICE }, { appPasswordId: 'q2w3e4r5t6', outcome: 'FAILED', userId: null, detail: 'store unavailable' }],
  }),
  recordOf('CaseCancellationRequested', `revocationCaseControl-${CASE}`, { caseId: CASE, requestedBy: `user:${ALICE}` }),
  recordOf('RevocationCaseCancelled', `revocationCase-${CASE}`, { caseId: CASE, cancelledBy: `user:${ALICE}` }),
  recordOf('RevocationCaseCompleted', `revocationCase-${CASE}`, { caseId: CASE, revoked: 1, alreadyRevoked: 0, failed: 1 }, 'system:revocation-case'),
  recordOf('CaseReinstatementRequested', `revocationCaseControl-${CASE}`, { caseId: CASE, reason: 'False alarm', requestedBy: `user:${ALICE}` }),
  recordOf('CaseReinstated', `revocationCase-${CASE}`, { caseId: CASE, reinstated: 1 }, 'system:revocation-case'),
  recordOf('AccessReviewStarted', `accessReview-${REVIEW}`, {
    reviewId: REVIEW, tenantId: TENANT, name: 'App passwords, H1 2026', startedBy: `user:${ALICE}`, startedAt: '2026-03-01T12:00:00.000Z',
    dueAt: '2026-03-15T17:00:00.000Z', revokeUndecided: true, reviewerIds: [ALICE], filter: {}, total: 1, recurEveryDays: 90, seriesId: REVIEW, seriesOwnerId: ALICE,
  } satisfies AccessReviewStarted['data'], `user:${ALICE}`),
  recordOf('AccessReviewItemsFixed', `accessReview-${REVIEW}`, {
    reviewId: REVIEW, items: [{
      itemId: `${REVIEW}:${CREDENTIAL}`, appPasswordId: CREDENTIAL, userId: ALICE, userPrincipalName: 'alice@contoso.example', label: 'Thunderbird on laptop',
      scopes: ['imap', 'smtp'], createdAt: '2026-01-01T12:00:00.000Z', lastUsedAt: '2026-02-27T08:00:00.000Z', usesLast30Days: 40, recommendation: 'KEEP',
    }],
  } satisfies AccessReviewItemsFixed['data'], `user:${ALICE}`),
  recordOf('AccessReviewItemAttested', `accessReview-${REVIEW}`, {
    reviewId: REVIEW, itemId: `${REVIEW}:${CREDENTIAL}`, appPasswordId: CREDENTIAL, attestedBy: `user:${ALICE}`, note: 'My laptop',
  } satisfies AccessReviewItemAttested['data'], `user:${ALICE}`),
  recordOf('AccessReviewItemDecided', `accessReview-${REVIEW}`, {
    reviewId: REVIEW, itemId: `${REVIEW}:${CREDENTIAL}`, appPasswordId: CREDENTIAL, userId: ALICE, decision: 'KEEP', justification: 'Her only mail client', decidedBy: 'user:e0000000-0000-4000-8000-000000000012',
  } satisfies AccessReviewItemDecided['data'], 'user:e0000000-0000-4000-8000-000000000012'),
  recordOf('UserErased', `user-${ALICE}`, { userId: ALICE, reason: 'Left the company; ticket HR-7', pseudonym: 'erased-user-0123456789ab' }),
  recordOf('NoticePreferencesChanged', `user-${ALICE}`, { userId: ALICE, expiryReminders: false }, `user:${ALICE}`),
  recordOf('NoticeQueued', `notice-${NOTICE}`, {
    noticeId: NOTICE, tenantId: TENANT, kind: 'APP_PASSWORD_REVOKED', userId: ALICE, to: 'alice@contoso.example', subject: 'Your app password "Thunderbird on laptop" was revoked',
    text: 'Your app password was revoked.', html: '<p>Your app password was revoked.</p>', cause: 'e0000000-0000-4000-8000-000000000013',
  } satisfies NoticeQueued['data'], 'system:notices'),
  recordOf('NoticeSendStarted', `notice-${NOTICE}`, { noticeId: NOTICE, attempt: 1, startedAt: '2026-03-01T12:00:02.000Z' } satisfies NoticeSendStarted['data'], 'system:notices'),
  recordOf('NoticeDeliveryFailed', `notice-${NOTICE}`, { noticeId: NOTICE, attempt: 1, error: 'connect ECONNREFUSED 127.0.0.1:25', retryAt: '2026-03-01T12:00:32.000Z' } satisfies NoticeDeliveryFailed['data'], 'system:notices'),
  recordOf('NoticeSent', `notice-${NOTICE}`, { noticeId: NOTICE, attempt: 2, messageId: '<1@contoso.example>', response: '250 2.0.0 Ok: queued' } satisfies NoticeSent['data'], 'system:notices'),
  recordOf('ReportScheduled', `reportSchedule-${SCHEDULE}`, {
    scheduleId: SCHEDULE, tenantId: TENANT, report: 'dormant', params: { days: '45' }, format: 'pdf', cadence: 'MONTHLY', recipients: ['audit@contoso.example'], ownerId: ALICE, firstRunAt: '2026-03-01T12:00:00.000Z',
  } satisfies ReportScheduled['data'], `user:${ALICE}`),
  recordOf('ReportScheduleCancelled', `reportSchedule-${SCHEDULE}`, { scheduleId: SCHEDULE, cancelledBy: `user:${ALICE}` } satisfies ReportScheduleCancelled['data'], `user:${ALICE}`),
  recordOf('AccessReviewCompleted', `accessReview-${REVIEW}`, { reviewId: REVIEW, kept: 1, revoked: 0, undecided: 0 } satisfies AccessReviewCompleted['data'], 'system:access-review'),
  recordOf('AccessReviewRecurrenceStopped', `accessReview-${REVIEW}`, { reviewId: REVIEW, seriesId: REVIEW, stoppedBy: `user:${ALICE}` } satisfies AccessReviewRecurrenceStopped['data'], `user:${ALICE}`),
  recordOf('AlertRaised', `alert-${ALERT}`, {
    alertId: ALERT, tenantId: TENANT, kind: 'REVOKED_CREDENTIAL_USED', severity: 'HIGH', subject: `credential:${CREDENTIAL}@203.0.113.0/24`,
    firstSeenAt: '2026-03-01T12:00:00.000Z', lastSeenAt: '2026-03-01T12:00:00.000Z', count: 1, appPasswordId: CREDENTIAL, userId: ALICE,
    userPrincipalName: 'alice@contoso.example', sourceIp: '203.0.113.7', sourceNetwork: '203.0.113.0/24', accounts: null,
    credentialStatus: 'REVOKED', raisedBy: 'e0000000-0000-4000-8000-000000000011',
  }, 'system:alert-detection'),
  recordOf('AlertRepeated', `alert-${ALERT}`, { alertId: ALERT, count: 3, lastSeenAt: '2026-03-01T12:05:00.000Z' }, 'system:alert-detection'),
  recordOf('AlertAcknowledged', `alert-${ALERT}`, { alertId: ALERT, acknowledgedBy: `user:${ALICE}`, acknowledgedAt: '2026-03-01T12:10:00.000Z' }),
  recordOf('LeakScanPerformed', `leakScan-5ca40000-0000-4000-8000-000000000003`, {
    scanId: '5ca40000-0000-4000-8000-000000000003', tenantId: TENANT, scannedBy: `user:${ALICE}`, scannedAt: '2026-03-01T12:00:00.000Z',
    source: 'PASTE', candidates: 3, matchedIds: [CREDENTIAL], provenIds: [CREDENTIAL],
  }),
];

/** The record of one type, from RECORDS_OF_EVERY_TYPE. */
export function sampleRecord(type: string): AuditRecord {
  const record = RECORDS_OF_EVERY_TYPE.find((candidate) => candidate.type === type);
  if (!record) throw new Error(`No sample record of type ${type}`);
  return record;
}
