import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { secretIn, type AuditRecord } from '../audit-record/audit-record';
import { OCSF_MAPPED_EVENT_TYPES, OCSF_VERSION, ocsfEventOf, ocsfLine } from './ocsf-event';
import { RECORDS_OF_EVERY_TYPE, sampleRecord } from './testing/audit-records';
import { OcsfSchema } from './testing/ocsf-schema';

const product = { version: '0.1.0' };
/** Every data field name of the samples: the odd records below change these most. */
const FIELD_NAMES = [...new Set(RECORDS_OF_EVERY_TYPE.flatMap((record) => Object.keys(record.data as object)))];
let schema: OcsfSchema;
beforeAll(() => {
  schema = new OcsfSchema();
});

/** The class and activity each event type becomes (docs/audit-log-formats.md has the same table). */
const EXPECTED: Record<string, [classUid: number, activityId: number, activityName: string]> = {
  AppPasswordUsed: [3002, 1, 'Logon'],
  AppPasswordRejected: [3002, 1, 'Logon'],
  SignInFailed: [3002, 1, 'Logon'],
  SignInFailuresSummarized: [3002, 1, 'Logon'],
  AppPasswordClientIdentified: [3002, 99, 'Identify Client'],
  AppPasswordGenerated: [3001, 1, 'Create'],
  AppPasswordRenamed: [3001, 99, 'Rename'],
  AppPasswordRevoked: [3001, 6, 'Delete'],
  AppPasswordExpired: [3001, 6, 'Delete'],
  AppPasswordSuspended: [3001, 5, 'Disable'],
  AppPasswordReinstated: [3001, 2, 'Enable'],
  AppPasswordSlotReserved: [3001, 99, 'Reserve Slot'],
  UserCreated: [3001, 1, 'Create'],
  UserDisabled: [3001, 5, 'Disable'],
  UserEnabled: [3001, 2, 'Enable'],
  UserPasswordReset: [3001, 4, 'Password Reset'],
  UserProfileChanged: [3001, 99, 'Change Profile'],
  UserRolesChanged: [3001, 99, 'Change Roles'],
  TotpEnrolled: [3001, 10, 'MFA Factor Enable'],
  PasskeyRegistered: [3001, 10, 'MFA Factor Enable'],
  SecondFactorsReset: [3001, 11, 'MFA Factor Disable'],
  SecondFactorUsed: [3001, 99, 'Record Second Factor Use'],
  MfaAttested: [3001, 99, 'Attest MFA'],
  ApiTokenCreated: [3001, 1, 'Create'],
  ApiTokenRevoked: [3001, 6, 'Delete'],
  ApiTokenUsed: [3001, 99, 'Record Use'],
  TenantCreated: [3004, 1, 'Create'],
  TenantPolicyChanged: [3004, 3, 'Update'],
  TenantMailServersChanged: [3004, 3, 'Update'],
  RevocationCaseRequested: [3004, 1, 'Create'],
  RevocationTargetsFixed: [3004, 3, 'Update'],
  RevocationOutcomesRecorded: [3004, 3, 'Update'],
  CaseCancellationRequested: [3004, 3, 'Update'],
  RevocationCaseCancelled: [3004, 3, 'Update'],
  RevocationCaseCompleted: [3004, 3, 'Update'],
  CaseReinstatementRequested: [3004, 3, 'Update'],
  CaseReinstated: [3004, 3, 'Update'],
  AccessReviewStarted: [3004, 1, 'Create'],
  AccessReviewItemsFixed: [3004, 3, 'Update'],
  AccessReviewItemDecided: [3004, 3, 'Update'],
  AccessReviewItemAttested: [3004, 3, 'Update'],
  AccessReviewCompleted: [3004, 3, 'Update'],
  AccessReviewRecurrenceStopped: [3004, 3, 'Update'],
  NoticeQueued: [3004, 1, 'Create'],
  NoticeSendStarted: [3004, 3, 'Update'],
  NoticeSent: [3004, 3, 'Update'],
  NoticeDeliveryFailed: [3004, 3, 'Update'],
  NoticePreferencesChanged: [3001, 99, 'Change Notice Preferences'],
  UserErased: [3001, 99, 'Erase Personal Data'],
  ReportScheduled: [3004, 1, 'Create'],
  ReportScheduleCancelled: [3004, 3, 'Update'],
  AlertRaised: [2004, 1, 'Create'],
  AlertRepeated: [2004, 2, 'Update'],
  AlertAcknowledged: [2004, 2, 'Update'],
  LeakScanPerformed: [6007, 2, 'Completed'],
};

describe('the OCSF event of every event type Keyward writes', () => {
  it.each(RECORDS_OF_EVERY_TYPE.map((record) => [record.type, record] as const))('%s validates against OCSF 1.8.0, in its class', (type, record) => {
    // given a record of the type
    // when
    const event = ocsfEventOf(record, product);
    // then
    expect(schema.validate(event)).toEqual({ errors: [], warnings: [] });
    const [classUid, activityId, activityName] = EXPECTED[type];
    expect(event).toMatchObject({ class_uid: classUid, activity_id: activityId, activity_name: activityName, type_uid: classUid * 100 + activityId });
  });

  it('has a sample and a class for every event type declared in a domain library, and no other', () => {
    // given the event types the domain libraries declare
    const declared = declaredEventTypes();
    // when / then
    expect(declared.length).toBeGreaterThan(20);
    expect([...OCSF_MAPPED_EVENT_TYPES].sort()).toEqual(declared);
    expect(RECORDS_OF_EVERY_TYPE.map((record) => record.type).sort()).toEqual(declared);
    expect(Object.keys(EXPECTED).sort()).toEqual(declared);
  });

  it('stays valid for a record of any shape: missing fields, fields of other types, extra fields', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECORDS_OF_EVERY_TYPE), fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string()), fc.jsonValue()), fc.boolean(), (record, odd, isWhole) => {
        // given
        const data = isWhole ? { ...(record.data as object), ...odd } : odd;
        // when
        const event = ocsfEventOf({ ...record, data }, product);
        // then
        expect(schema.validate(event).errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a sign-in in OCSF', () => {
  it('is a Basic-authentication logon to the mail protocol, by the app password, from the source address', () => {
    // given
    const used = sampleRecord('AppPasswordUsed');
    // when
    const event = ocsfEventOf(used, product);
    // then
    expect(event).toEqual({
      category_uid: 3, category_name: 'Identity & Access Management', class_uid: 3002, class_name: 'Authentication',
      activity_id: 1, activity_name: 'Logon', type_uid: 300201, type_name: 'Authentication: Logon',
      severity_id: 1, severity: 'Informational', status_id: 1, status: 'Success',
      time: Date.parse(used.occurredAt), timezone_offset: 0, message: 'App password sign-in succeeded',
      metadata: {
        version: OCSF_VERSION, product: { name: 'Keyward', vendor_name: 'Keyward', version: '0.1.0' }, uid: used.id,
        correlation_uid: used.correlationId, tenant_uid: used.tenantId, event_code: 'AppPasswordUsed', log_name: 'audit-log',
        original_time: used.occurredAt,
      },
      actor: { app_name: 'nginx', app_uid: 'gateway:nginx' },
      auth_protocol_id: 11, auth_protocol: 'Basic Authentication', is_mfa: false,
      service: { name: 'imap' },
      src_endpoint: { ip: '203.0.113.7' },
      user: { uid: 'a11ce000-0000-5000-8000-000000000001', programmatic_credentials: [{ uid: 'k7m3p9x2qa', type: 'App Password' }] },
      unmapped: { stream_id: used.streamId, causation_id: used.causationId, data: { client: 'Thunderbird 128' } },
    });
  });

  it('that failed says so, and why', () => {
    // given
    const rejected = sampleRecord('AppPasswordRejected');
    const unmatched = sampleRecord('SignInFailed');
    // when
    const [onRejected, onUnmatched] = [ocsfEventOf(rejected, product), ocsfEventOf(unmatched, product)];
    // then
    expect(onRejected).toMatchObject({ status_id: 2, status: 'Failure', status_detail: 'WRONG_SECRET' });
    expect(onUnmatched).toMatchObject({
      status_id: 2, status: 'Failure', status_detail: 'UNKNOWN_USER',
      user: { name: 'mallory@contoso.example' }, service: { name: 'smtp' }, src_endpoint: { ip: '2001:db8::17' },
    });
  });

  it('keeps a source address that is not an IP address in unmapped', () => {
    // given
    const odd = { ...sampleRecord('AppPasswordUsed'), data: { ...(sampleRecord('AppPasswordUsed').data as object), sourceIp: 'unknown-host' } };
    // when
    const event = ocsfEventOf(odd, product);
    // then
    expect(event['src_endpoint']).toBeUndefined();
    expect(event['unmapped']).toMatchObject({ data: { sourceIp: 'unknown-host' } });
    expect(schema.validate(event).errors).toEqual([]);
  });
});

describe('the lifecycle in OCSF', () => {
  it('names the app password as the account changed and the credential of its user', () => {
    // given
    const generated = sampleRecord('AppPasswordGenerated');
    // when
    const event = ocsfEventOf(generated, product);
    // then
    expect(event).toMatchObject({
      class_uid: 3001, activity_id: 1, message: 'App password generated',
      user: {
        uid: 'a11ce000-0000-5000-8000-000000000001',
        account: { uid: 'k7m3p9x2qa', name: 'Thunderbird on laptop', type_id: 99, type: 'App Password' },
        programmatic_credentials: [{ uid: 'k7m3p9x2qa', type: 'App Password' }],
      },
    });
    expect(event['unmapped']).toMatchObject({ data: { scopes: ['imap', 'smtp'], expiresAt: '2027-03-01T12:00:00.000Z', secretHashSha256: expect.any(String) } });
  });

  it('tells a revocation from an expiry by its message, both Delete', () => {
    // given / when
    const [revoked, expired] = ['AppPasswordRevoked', 'AppPasswordExpired'].map((type) => ocsfEventOf(sampleRecord(type), product));
    // then
    expect(revoked).toMatchObject({ activity_id: 6, message: 'App password revoked', unmapped: { data: { reason: 'Laptop stolen', incidentRef: 'INC-7' } } });
    expect(expired).toMatchObject({ activity_id: 6, message: 'App password expired', actor: { app_name: 'expiry', app_uid: 'system:expiry' } });
  });

  it('gives a renamed app password its new label in user_result', () => {
    // given
    const renamed = sampleRecord('AppPasswordRenamed');
    // when
    const event = ocsfEventOf(renamed, product);
    // then
    expect(event['user']).toEqual({ account: { uid: 'k7m3p9x2qa', type_id: 99, type: 'App Password' }, programmatic_credentials: [{ uid: 'k7m3p9x2qa', type: 'App Password' }] });
    expect(event['user_result']).toEqual({ account: { uid: 'k7m3p9x2qa', name: 'Thunderbird on desktop', type_id: 99, type: 'App Password' }, programmatic_credentials: [{ uid: 'k7m3p9x2qa', type: 'App Password' }] });
    expect(event['unmapped']).toEqual({ stream_id: renamed.streamId, causation_id: renamed.causationId });
  });
});

describe('what is neither a sign-in nor a lifecycle change, in OCSF', () => {
  it('makes an alert a detection finding with its severity, evidence and the sign-in that raised it', () => {
    // given
    const raised = sampleRecord('AlertRaised');
    // when
    const event = ocsfEventOf(raised, product);
    // then
    expect(event).toMatchObject({
      class_uid: 2004, severity_id: 4, severity: 'High', status: 'New', is_alert: true, count: 1,
      metadata: { profiles: ['host'] }, actor: { app_name: 'alert-detection' },
      finding_info: { uid: 'a1e70000-0000-4000-8000-000000000009', title: 'Revoked credential used', types: ['REVOKED_CREDENTIAL_USED'], related_events: [{ uid: 'e0000000-0000-4000-8000-000000000011' }] },
      evidences: [{ user: { uid: 'a11ce000-0000-5000-8000-000000000001', name: 'alice@contoso.example' }, src_endpoint: { ip: '203.0.113.7' } }],
      resources: [{ uid: 'k7m3p9x2qa', type: 'App Password' }],
    });
  });

  it('makes a type this version does not know a Base Event named after it, with all its data unmapped', () => {
    // given
    const record: AuditRecord = { ...sampleRecord('UserEnabled'), type: 'CheckpointSigned', data: { size: 12, rootHash: 'abc' } };
    // when
    const event = ocsfEventOf(record, product);
    // then
    expect(schema.validate(event)).toEqual({ errors: [], warnings: [] });
    expect(event).toMatchObject({
      class_uid: 0, category_uid: 0, activity_id: 99, activity_name: 'CheckpointSigned', type_uid: 99, type_name: 'Base Event: Other',
      severity_id: 0, metadata: { event_code: 'CheckpointSigned', profiles: ['host'] },
      unmapped: { data: { size: 12, rootHash: 'abc' } },
    });
  });

  it('does not take an inherited name for an event type', () => {
    // given
    const record: AuditRecord = { ...sampleRecord('UserEnabled'), type: 'constructor' };
    // when / then
    expect(ocsfEventOf(record, product)).toMatchObject({ class_uid: 0, activity_name: 'constructor' });
  });
});

describe('a line of records.ocsf.ndjson', () => {
  it('is the event as JSON and a line feed, the same bytes whatever order the data came in', () => {
    // given
    const record = sampleRecord('RevocationCaseRequested');
    const reordered = { ...record, data: Object.fromEntries(Object.entries(record.data as object).reverse()) };
    // when
    const line = ocsfLine(record, product);
    // then
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual(ocsfEventOf(record, product));
    expect(line.startsWith('{"category_uid":3,"category_name":"Identity & Access Management","class_uid":3004,')).toBe(true);
    expect(ocsfLine(reordered, product)).toBe(line);
  });

  it('holds no secret: hashes stay commitments', () => {
    // given / when
    const lines = RECORDS_OF_EVERY_TYPE.map((record) => ocsfLine(record, product));
    // then
    for (const line of lines) expect(secretIn(line)).toBeNull();
  });
});

/** The event type names the domain libraries declare (`DomainEvent<'Name', …>`), from their sources. */
function declaredEventTypes(): string[] {
  const libs = join(__dirname, '../../../..');
  const names = new Set<string>();
  for (const scope of readdirSync(libs)) {
    let files: string[];
    try {
      files = readdirSync(join(libs, scope, 'domain/src'), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const file of files.filter((name) => name.endsWith('.ts') && !name.includes('spec') && !name.includes('testing'))) {
      const source = readFileSync(join(libs, scope, 'domain/src', file), 'utf8');
      for (const [, name] of source.matchAll(/DomainEvent<\s*'(\w+)'/g)) names.add(name);
    }
  }
  return [...names].sort();
}
