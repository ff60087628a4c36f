import type { NestExpressApplication } from '@nestjs/platform-express';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PATH_METADATA } from '@nestjs/common/constants';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLObjectType } from 'graphql';
import { loadConfig } from '@keyward/shared/server';
import { can, isPermission, PERMISSIONS, scopeOf, tenantIdForDomain, type Permission, type Role, type UserPrincipal } from '@keyward/identity/domain';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '@keyward/identity/api';
import { ConsoleClient, createUser, eventually, generate, REVOKE, verify, type GraphQLResponse } from '@keyward/e2e/support';
import { serve } from './serve';

type TargetKind = 'own' | 'tenant' | 'foreign';
type Outcome = 'allowed' | 'FORBIDDEN' | 'hidden' | 'UNAUTHENTICATED';
interface Subject {
  userId: string;
  appPasswordId: string;
  tenantId: string;
  /** A dry-run revocation case of the subject's tenant, over its app password. */
  caseId: string;
  /** An alert of the subject's tenant (a revoked app password of the subject's, presented with its secret). */
  alertId: string;
  /** The subject's role, and an API token the subject made with it. */
  role: Role;
  apiTokenId: string;
  /** An access review of the subject's tenant over its app password (reviewers: the tenant's global admins), and its one item. */
  reviewId: string;
  itemId: string;
}

/**
 * How to call each GraphQL operation. `targets`: the things it acts on (the caller's own, another
 * user's in the same tenant, another tenant's), or `tenant` for operations on the caller's tenant
 * as a whole; `isTenantWide` for lists of everyone's, which an OWN grant does not reach. What each
 * call should come to is not listed here: it is computed from the permission table.
 */
interface OperationCase {
  readonly targets: readonly TargetKind[] | 'tenant';
  readonly isTenantWide?: boolean;
  /** What an authorised call answers when it cannot succeed by design (there is no dead letter to retry). */
  readonly whenAllowed?: Outcome;
  readonly query: string;
  readonly variables: (subject: Subject) => Record<string, unknown>;
}

const POLICY = '{ tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable } }';
let currentPolicy: Record<string, unknown> = {};
let serial = 0;

const OPERATIONS: Record<string, OperationCase> = {
  me: { targets: 'tenant', query: '{ me { id permissions { permission scope } } }', variables: () => ({}) },
  user: { targets: ['own', 'tenant', 'foreign'], query: 'query($id: ID!) { user(id: $id) { id } }', variables: (s) => ({ id: s.userId }) },
  users: { targets: 'tenant', isTenantWide: true, query: '{ users { totalCount } }', variables: () => ({}) },
  appPasswords: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'query($userId: ID) { appPasswords(filter: { userId: $userId }) { totalCount } }',
    variables: (s) => ({ userId: s.userId }),
  },
  appPasswordsAsOf: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'query($userId: ID, $at: DateTime!) { appPasswordsAsOf(at: $at, filter: { userId: $userId }) { totalCount } }',
    variables: (s) => ({ userId: s.userId, at: new Date().toISOString() }),
  },
  appPassword: { targets: ['own', 'tenant', 'foreign'], query: 'query($id: ID!) { appPassword(id: $id) { id } }', variables: (s) => ({ id: s.appPasswordId }) },
  dashboard: { targets: 'tenant', isTenantWide: true, query: '{ dashboard { counts { active } } }', variables: () => ({}) },
  auditEvents: { targets: 'tenant', isTenantWide: true, query: '{ auditEvents(first: 1) { totalCount } }', variables: () => ({}) },
  tenantPolicy: { targets: 'tenant', query: POLICY, variables: () => ({}) },
  deadLetters: { targets: 'tenant', query: '{ deadLetters { id } }', variables: () => ({}) },
  createUser: {
    targets: 'tenant',
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: () => ({ input: { userPrincipalName: `made-${++serial}@contoso.example`, displayName: 'Made', roles: ['USER'] } }),
  },
  // Not the caller's own: disabling oneself or resetting one's own password are refused for other reasons.
  disableUser: { targets: ['tenant', 'foreign'], query: 'mutation($id: ID!) { disableUser(id: $id) { id } }', variables: (s) => ({ id: s.userId }) },
  enableUser: { targets: ['tenant', 'foreign'], query: 'mutation($id: ID!) { enableUser(id: $id) { id } }', variables: (s) => ({ id: s.userId }) },
  resetUserPassword: {
    targets: ['tenant', 'foreign'],
    query: 'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
    variables: (s) => ({ input: { userId: s.userId, password: 'a new console password' } }),
  },
  // The subjects are enabled: an authorised erasure is refused by the domain (disable first).
  eraseUserData: {
    targets: ['tenant', 'foreign'],
    query: 'mutation($input: EraseUserDataInput!) { eraseUserData(input: $input) { id } }',
    variables: (s) => ({ input: { userId: s.userId, reason: 'matrix' } }),
  },
  changeTenantPolicy: {
    targets: 'tenant',
    query: 'mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { maxActivePerUser } }',
    variables: () => ({ input: currentPolicy }),
  },
  generateAppPassword: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { appPassword { id } } }',
    variables: (s) => ({ input: { userId: s.userId, label: 'matrix' } }),
  },
  renameAppPassword: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'mutation($input: RenameAppPasswordInput!) { renameAppPassword(input: $input) { id } }',
    variables: (s) => ({ input: { id: s.appPasswordId, label: `renamed ${++serial}` } }),
  },
  revokeAppPassword: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'mutation($input: RevokeAppPasswordInput!) { revokeAppPassword(input: $input) { id } }',
    variables: (s) => ({ input: { id: s.appPasswordId, reason: 'matrix' } }),
  },
  revokeUserAppPasswords: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'mutation($input: RevokeUserAppPasswordsInput!) { revokeUserAppPasswords(input: $input) { id } }',
    variables: (s) => ({ input: { userId: s.userId, reason: 'matrix' } }),
  },
  revokeAppPasswords: {
    targets: 'tenant',
    query: 'mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id } }',
    variables: (s) => ({ input: { filter: { ids: [s.appPasswordId] }, reason: 'matrix', incidentRef: 'INC-1', dryRun: true } }),
  },
  suspendAppPasswords: {
    targets: 'tenant',
    query: 'mutation($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { id } }',
    variables: (s) => ({ input: { filter: { ids: [s.appPasswordId] }, reason: 'matrix', incidentRef: 'INC-1', dryRun: true } }),
  },
  // The subjects' cases are dry runs: an authorised call is refused by the domain, past the permission check.
  reinstateAppPasswords: {
    targets: ['tenant', 'foreign'],
    query: 'mutation($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { id } }',
    variables: (s) => ({ input: { caseId: s.caseId, reason: 'matrix' } }),
  },
  cancelRevocationCase: { targets: ['tenant', 'foreign'], query: 'mutation($id: ID!) { cancelRevocationCase(id: $id) { id } }', variables: (s) => ({ id: s.caseId }) },
  revocationCase: { targets: ['tenant', 'foreign'], query: 'query($id: ID!) { revocationCase(id: $id) { id } }', variables: (s) => ({ id: s.caseId }) },
  revocationCases: { targets: 'tenant', isTenantWide: true, query: '{ revocationCases { totalCount } }', variables: () => ({}) },
  scanForLeakedAppPasswords: {
    targets: 'tenant',
    isTenantWide: true,
    query: 'mutation($text: String!) { scanForLeakedAppPasswords(text: $text) { id candidates } }',
    variables: () => ({ text: 'no app password in here' }),
  },
  alerts: { targets: 'tenant', isTenantWide: true, query: '{ alerts { totalCount } }', variables: () => ({}) },
  acknowledgeAlert: { targets: ['tenant', 'foreign'], query: 'mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }', variables: (s) => ({ id: s.alertId }) },
  retryDeadLetter: { targets: 'tenant', whenAllowed: 'hidden', query: 'mutation { retryDeadLetter(id: "999999") { isResolved } }', variables: () => ({}) },
  apiTokens: { targets: 'tenant', query: '{ apiTokens { totalCount } }', variables: () => ({}) },
  createApiToken: {
    targets: 'tenant',
    query: 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
    variables: (s) => ({ input: { name: 'matrix', role: s.role } }),
  },
  mailServers: { targets: 'tenant', query: '{ mailServers { isTenantSpecific } }', variables: () => ({}) },
  changeMailServers: {
    targets: 'tenant',
    query: 'mutation($input: MailServersInput!) { changeMailServers(input: $input) { isTenantSpecific } }',
    variables: () => ({ input: { imap: { host: 'imap.contoso.example', port: 993 + (++serial % 2), security: 'SSL' } } }),
  },
  // One's own second factors: a wrong code or an empty WebAuthn answer is refused past the permission check.
  beginTotpEnrollment: { targets: 'tenant', query: 'mutation { beginTotpEnrollment { secret } }', variables: () => ({}) },
  confirmTotpEnrollment: { targets: 'tenant', query: 'mutation { confirmTotpEnrollment(code: "000000") { id } }', variables: () => ({}) },
  beginPasskeyRegistration: { targets: 'tenant', query: 'mutation { beginPasskeyRegistration }', variables: () => ({}) },
  finishPasskeyRegistration: { targets: 'tenant', query: 'mutation { finishPasskeyRegistration(response: {}) { id } }', variables: () => ({}) },
  // The subjects have no second factor: an authorised reset is refused by the domain.
  resetSecondFactors: {
    targets: ['tenant', 'foreign'],
    query: 'mutation($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id } }',
    variables: (s) => ({ input: { userId: s.userId, reason: 'matrix' } }),
  },
  startAccessReview: {
    targets: 'tenant',
    query: 'mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { id } }',
    variables: (s) => ({ input: { name: 'matrix', filter: { ids: [s.appPasswordId] }, dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } }),
  },
  // A reader with an OWN grant reads the reviews their app passwords are in.
  accessReview: { targets: ['own', 'tenant', 'foreign'], query: 'query($id: ID!) { accessReview(id: $id) { id } }', variables: (s) => ({ id: s.reviewId }) },
  accessReviews: { targets: 'tenant', query: '{ accessReviews { totalCount } }', variables: () => ({}) },
  // The subjects' reviews run once: an authorised stop is refused by the domain (CONFLICT), another tenant's is out of reach.
  stopAccessReviewRecurrence: {
    targets: ['tenant', 'foreign'],
    query: 'mutation($id: ID!) { stopAccessReviewRecurrence(reviewId: $id) { id } }',
    variables: (s) => ({ id: s.reviewId }),
  },
  // Deciding is for a review's named reviewers, which the domain checks past the permission (every
  // role may be named): here, only that another tenant's item is out of everyone's reach.
  decideAccessReviewItem: {
    targets: ['foreign'],
    query: 'mutation($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { id } }',
    variables: (s) => ({ input: { itemId: s.itemId, decision: 'KEEP', justification: 'matrix' } }),
  },
  decideAccessReviewItems: {
    targets: ['foreign'],
    query: 'mutation($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { id } }',
    variables: (s) => ({ input: { itemIds: [s.itemId], decision: 'KEEP', justification: 'matrix' } }),
  },
  attestAccessReviewItem: {
    targets: ['own', 'tenant', 'foreign'],
    query: 'mutation($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { id } }',
    variables: (s) => ({ input: { itemId: s.itemId, note: 'matrix' } }),
  },
  scheduleReport: {
    targets: 'tenant',
    query: 'mutation($input: ScheduleReportInput!) { scheduleReport(input: $input) { id } }',
    variables: () => ({ input: { report: 'survived-reset', cadence: 'MONTHLY', format: 'CSV', recipients: ['audit@contoso.example'] } }),
  },
  // An authorised call on a schedule that does not exist is answered NOT_FOUND, as one out of reach.
  cancelReportSchedule: { targets: 'tenant', whenAllowed: 'hidden', query: 'mutation { cancelReportSchedule(id: "no-such-schedule") { id } }', variables: () => ({}) },
  reportSchedules: { targets: 'tenant', isTenantWide: true, query: '{ reportSchedules { totalCount } }', variables: () => ({}) },
  // No mail server here: every list of notices is empty, for whoever may read it.
  notices: { targets: 'tenant', whenAllowed: 'hidden', query: '{ notices { totalCount } }', variables: () => ({}) },
  changeNoticePreferences: { targets: 'tenant', query: 'mutation { changeNoticePreferences(expiryReminders: true) { id } }', variables: () => ({}) },
  revokeApiToken: { targets: ['own', 'tenant', 'foreign'], query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', variables: (s) => ({ id: s.apiTokenId }) },
};

const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } } }';

/** What a call came to, as far as authorization goes: refused, hidden, or let through (whatever the domain then said). */
function outcomeOf(operation: string, response: GraphQLResponse): Outcome {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code;
  if (code === 'NOT_FOUND') return 'hidden';
  if (code) return 'allowed';
  const value = response.data?.[operation];
  if (value === null || value === undefined) return 'hidden';
  return typeof value === 'object' && 'totalCount' in value && value.totalCount === 0 ? 'hidden' : 'allowed';
}

/** What the permission table says the call must come to. */
function expectedOutcome(principal: UserPrincipal, permission: Permission, operation: OperationCase, target: Subject | null): Outcome {
  const scope = scopeOf(principal, permission);
  if (scope === null || (operation.isTenantWide && scope !== 'TENANT')) return 'FORBIDDEN';
  const isAllowed = can(principal, permission, target ? { tenantId: target.tenantId, ownerId: target.userId } : { tenantId: principal.tenantId, ownerId: principal.userId });
  return isAllowed ? (operation.whenAllowed ?? 'allowed') : 'hidden';
}

// A real Keyward (in this process, so the schema and the route metadata can be read) on a real
// SQLite file and a real HTTP port, with two tenants; every call goes over HTTP.
describe('authorization: one permission table, every operation', () => {
  let app: NestExpressApplication;
  let dataDir: string;
  let baseUrl: string;
  const password = 'correct horse battery staple';
  const principals: { principal: UserPrincipal; client: ConsoleClient; own: Subject }[] = [];
  let victim: Subject;
  let foreign: Subject;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'keyward-authz-'));
    app = await serve(
      loadConfig({ KEYWARD_PORT: '0', KEYWARD_DATA_DIR: dataDir, KEYWARD_BOOTSTRAP_DOMAIN: 'contoso.example,fabrikam.example', KEYWARD_BOOTSTRAP_PASSWORD: password, KEYWARD_LOG_LEVEL: 'silent',
        // The matrix is about permissions: its sessions stay within the step-up window however slow the machine.
        KEYWARD_STEP_UP_SECONDS: '3600' }),
    );
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const admin = new ConsoleClient(baseUrl);
    await admin.signIn('admin@contoso.example', password);
    const contosoId = ((await admin.data('{ me { id } }')) as { me: { id: string } }).me.id;
    /** `client` (an admin) makes the subject's things; `owner` (the subject's own session) makes its API token with `role`. */
    const subjectOf = async (client: ConsoleClient, userId: string, tenantId: string, owner: ConsoleClient, role: Role, upn?: string): Promise<Subject> => {
      const appPasswordId = (await generate(client, userId)).appPassword.id;
      const preview = 'mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id } }';
      const { revokeAppPasswords } = (await client.data(preview, { input: { filter: { ids: [appPasswordId] }, reason: '', incidentRef: '', dryRun: true } })) as { revokeAppPasswords: { id: string } };
      const { createApiToken } = (await owner.data(CREATE_TOKEN, { input: { name: 'subject', role } })) as { createApiToken: { apiToken: { id: string } } };
      const review = 'mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { id items { edges { node { id } } } } }';
      const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const { startAccessReview } = (await client.data(review, { input: { name: 'subject', filter: { ids: [appPasswordId] }, dueAt } })) as {
        startAccessReview: { id: string; items: { edges: { node: { id: string } }[] } };
      };
      const [reviewId, itemId] = [startAccessReview.id, startAccessReview.items.edges[0].node.id];
      return { userId, tenantId, appPasswordId, caseId: revokeAppPasswords.id, alertId: upn ? await alertOf(client, userId, upn) : '', role, apiTokenId: createApiToken.apiToken.id, reviewId, itemId };
    };
    const signedIn = async (upn: string) => {
      const client = new ConsoleClient(baseUrl);
      await client.signIn(upn, password);
      return client;
    };
    /** A REVOKED_CREDENTIAL_USED alert: one of the user's app passwords revoked, then presented with its secret. */
    const alertOf = async (client: ConsoleClient, userId: string, upn: string): Promise<string> => {
      const { secret, appPassword } = await generate(client, userId, 'revoked, still in use');
      await client.data(REVOKE, { input: { id: appPassword.id, reason: 'matrix' } });
      expect((await verify(baseUrl, upn, secret)).status).toBe(401);
      const ALERTS = 'query($id: ID) { alerts(filter: { appPasswordId: $id }) { edges { node { id } } } }';
      return eventually(async () => ((await client.data(ALERTS, { id: appPassword.id })) as { alerts: { edges: { node: { id: string } }[] } }).alerts.edges[0]?.node.id);
    };
    const contosoTenant = tenantIdOf('admin@contoso.example');
    for (const role of ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER', 'USER'] as const) {
      const upn = role === 'GLOBAL_ADMIN' ? 'admin@contoso.example' : `${role.toLowerCase().replace('_', '-')}@contoso.example`;
      const userId = role === 'GLOBAL_ADMIN' ? contosoId : (await createUser(admin, upn, [role], { password })).id;
      const client = role === 'GLOBAL_ADMIN' ? admin : new ConsoleClient(baseUrl);
      if (role !== 'GLOBAL_ADMIN') await client.signIn(upn, password);
      principals.push({ principal: { kind: 'user', userId, tenantId: contosoTenant, userPrincipalName: upn, roles: [role] }, client, own: await subjectOf(admin, userId, contosoTenant, client, role) });
    }
    const victimId = (await createUser(admin, 'victim@contoso.example', ['USER'], { password })).id;
    victim = await subjectOf(admin, victimId, contosoTenant, await signedIn('victim@contoso.example'), 'USER', 'victim@contoso.example');
    const fabrikam = await signedIn('admin@fabrikam.example');
    const otherId = (await createUser(fabrikam, 'other@fabrikam.example', ['USER'], { password })).id;
    foreign = await subjectOf(fabrikam, otherId, tenantIdOf('admin@fabrikam.example'), await signedIn('other@fabrikam.example'), 'USER', 'other@fabrikam.example');
    currentPolicy = ((await admin.data(POLICY)) as { tenantPolicy: Record<string, unknown> }).tenantPolicy;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The id of a bootstrap domain's tenant: the table compares tenants by id. */
  const tenantIdOf = (upn: string) => tenantIdForDomain(upn.split('@')[1]);

  const rootFields = () => {
    const schema = app.get(GraphQLSchemaHost).schema;
    return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.values((type as GraphQLObjectType).getFields()));
  };

  it('finds a declared permission on every GraphQL operation in the schema', () => {
    const undeclared = rootFields()
      .filter((field) => !isPermission(String(field.extensions?.['permission'] ?? '')))
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });

  it('finds a declared permission, or a stated reason to be public, on every HTTP route', () => {
    const reflector = app.get(Reflector);
    const scanner = app.get(MetadataScanner);
    const undeclared = app
      .get(DiscoveryService)
      .getControllers()
      .flatMap(({ instance, metatype }) =>
        scanner
          .getAllMethodNames(Object.getPrototypeOf(instance))
          .filter((name) => Reflect.getMetadata(PATH_METADATA, instance[name]) !== undefined)
          .filter((name) => !reflector.getAllAndOverride(IS_PUBLIC, [instance[name], metatype as object]) && !isPermission(reflector.get(REQUIRED_PERMISSION, instance[name]) ?? ''))
          .map((name) => `${(metatype as { name: string }).name}.${name}`),
      );
    expect(undeclared).toEqual([]);
  });

  it('has a case in this test for every operation, and no case for one that is gone', () => {
    expect(rootFields().map((field) => field.name).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('answers every role × operation × tenant as the permission table says', async () => {
    const permissionOf = new Map(rootFields().map((field) => [field.name, field.extensions?.['permission'] as Permission]));
    const mismatches: string[] = [];
    let calls = 0;
    for (const { principal, client, own } of principals) {
      for (const [name, operation] of Object.entries(OPERATIONS)) {
        const permission = permissionOf.get(name);
        if (!permission || !isPermission(permission)) {
          mismatches.push(`${name} declares no permission`);
          continue;
        }
        const targets: [string, Subject | null][] =
          operation.targets === 'tenant' ? [['tenant', null]] : operation.targets.map((kind) => [kind, { own, tenant: victim, foreign }[kind]]);
        for (const [kind, target] of targets) {
          const expected = expectedOutcome(principal, permission, operation, target);
          const actual = outcomeOf(name, await client.graphql(operation.query, operation.variables(target ?? own)));
          calls++;
          if (actual !== expected) mismatches.push(`${principal.roles[0]} ${name} (${permission}) on ${kind}: expected ${expected}, got ${actual}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    expect(Object.keys(PERMISSIONS).length).toBeGreaterThan(5);
  }, 120_000);

  it('answers the inventory CSV export as the table says, for every role and tenant', async () => {
    const mismatches: string[] = [];
    for (const { principal, client, own } of principals) {
      for (const [kind, target] of Object.entries({ own, tenant: victim, foreign })) {
        const response = await fetch(`${baseUrl}/exports/app-passwords.csv?userId=${target.userId}`, { headers: { cookie: client.sessionCookie } });
        const rows = (await response.text()).trim().split(/\r?\n/).length - 1;
        const actual: Outcome = response.status === 403 ? 'FORBIDDEN' : response.status === 200 && rows > 0 ? 'allowed' : response.status === 200 ? 'hidden' : 'UNAUTHENTICATED';
        const expected = expectedOutcome(principal, 'appPasswords.read', { targets: [], query: '', variables: () => ({}) }, target);
        if (actual !== expected) mismatches.push(`${principal.roles[0]} CSV on ${kind}: expected ${expected}, got ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
