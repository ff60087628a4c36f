import { z } from 'zod';
import { badInput, notFound } from '@keyward/shared/domain';
import { normalisedInstant } from '@keyward/shared/read-models';
import { userPrincipalNames } from '@keyward/identity/read-models';
import {
  credentialNames,
  GetAppPasswordsAsOfQuery,
  GetAppPasswordsQuery,
  lastPasswordResets,
  policyExceptions,
  signInsPerDay,
  type AppPasswordFilter,
  type AppPasswordListItem,
  type AppPasswordPage,
  type AppPasswordSort,
} from '@keyward/app-passwords/read-models';
import { APP_PASSWORD_SCOPES } from '@keyward/identity/domain';
import { accessReviewItems, GetAccessReviewQuery, GetAuditEventsQuery, type AccessReviewView, type AuditEventPage } from '@keyward/compliance/read-models';
import type { Cell, Report, ReportContext, ReportDefinition } from './report';

const DAY_MS = 86_400_000;
const PAGE = 1000;
const CREDENTIAL_CHANGES = ['AppPasswordGenerated', 'AppPasswordRenamed', 'AppPasswordSuspended', 'AppPasswordReinstated', 'AppPasswordRevoked', 'AppPasswordExpired'];

/** The reports at GET /reports/<name> (DESIGN §8), by name. */
export const REPORTS: Readonly<Record<string, ReportDefinition>> = {
  inventory,
  dormant,
  'survived-reset': survivedReset,
  'credential-changes': credentialChanges,
  'policy-exceptions': policyExceptionsReport,
  'sign-ins-by-protocol': signInsByProtocol,
  'access-review': accessReview,
};

function parse<T extends z.ZodType>(schema: T, params: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw badInput(`Bad report parameters: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

const instant = z
  .string()
  .max(40)
  .transform((value, context) => {
    const normalised = normalisedInstant(value);
    if (!normalised) context.addIssue({ code: 'custom', message: 'must be an ISO-8601 date-time, such as 2026-09-30T00:00:00Z' });
    return normalised ?? '';
  });

/** A period (from inclusive, to exclusive), `days` long up to now by default; neither end in the future. */
function period(params: { from?: string; to?: string }, context: ReportContext, defaultDays: number): { from: string; to: string } {
  const to = params.to ?? context.now.toISOString();
  const from = params.from ?? new Date(Date.parse(to) - defaultDays * DAY_MS).toISOString();
  if (from >= to) throw badInput('from must be before to.');
  if (from > context.now.toISOString()) throw badInput('from is in the future.');
  return { from, to };
}

const INVENTORY_COLUMNS = ['app_password_id', 'user', 'label', 'status', 'scopes', 'created_at', 'created_by', 'expires_at', 'last_used_at', 'use_count', 'revoked_at', 'revoked_by', 'revoke_reason'];

function inventoryRow(item: AppPasswordListItem): Cell[] {
  return [item.id, item.userPrincipalName, item.label, item.status, item.scopes.join(' '), item.createdAt, item.createdBy, item.expiresAt, item.lastUsedAt, item.useCount, item.revokedAt, item.revokedBy, item.revokeReason];
}

/** Every page of a listing, as rows. */
async function* pages(first: AppPasswordPage, next: (after: string) => Promise<AppPasswordPage>, row: (item: AppPasswordListItem) => Cell[]): AsyncGenerator<Cell[][]> {
  for (let page = first; ; ) {
    yield page.items.map(({ item }) => row(item));
    if (!page.hasNextPage) return;
    page = await next(page.items[page.items.length - 1].cursor);
  }
}

/** "Show me every app password that was active on 30 September": the inventory as it stood at `asOf` (default now). */
async function inventory(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  const { asOf } = parse(z.object({ asOf: instant.optional() }).strict(), params);
  const sort: AppPasswordSort = { field: 'USER', direction: 'ASC' };
  const at = asOf ? new Date(asOf) : null;
  const read = (filter: AppPasswordFilter, first: number, after: string | null): Promise<AppPasswordPage> =>
    context.queries.execute(at ? new GetAppPasswordsAsOfQuery(context.principal, at, filter, first, after, sort) : new GetAppPasswordsQuery(context.principal, filter, first, after, sort));
  const first = await read({}, PAGE, null);
  const statuses = ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'REVOKED'] as const;
  const counts = await Promise.all(statuses.map(async (status) => (await read({ status }, 1, null)).totalCount));
  return {
    title: 'App password inventory',
    period: `As of ${asOf ?? context.now.toISOString()}`,
    notes: ['Every app password of the tenant as it stood at that moment: owner, label, status and last use as known then.'],
    charts: [{ title: 'App passwords by status', bars: statuses.map((status, index) => ({ label: status, value: counts[index] })) }],
    columns: INVENTORY_COLUMNS,
    total: first.totalCount,
    rows: () => pages(first, (after) => read({}, PAGE, after), inventoryRow),
  };
}

/** "Which credentials have not been used in 45 days (CIS 5.3), and what did you do about them?" */
async function dormant(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  const { days } = parse(z.object({ days: z.coerce.number().int().min(0).max(3650).default(45) }).strict(), params);
  const sort: AppPasswordSort = { field: 'LAST_USED_AT', direction: 'ASC' };
  const read = (unusedForDays: number, first: number, after: string | null): Promise<AppPasswordPage> =>
    context.queries.execute(new GetAppPasswordsQuery(context.principal, { unusedForDays }, first, after, sort));
  const first = await read(days, PAGE, null);
  const [cis, pci] = await Promise.all([read(45, 1, null), read(90, 1, null)]);
  const since = new Date(context.now.getTime() - 90 * DAY_MS).toISOString();
  const revokedAsIdle: AuditEventPage = await context.queries.execute(
    new GetAuditEventsQuery(context.principal, { types: ['AppPasswordRevoked'], actor: 'system:idle-revocation', occurredAfter: since }, 1, null),
  );
  const unusedDays = (item: AppPasswordListItem) => Math.floor((context.now.getTime() - Date.parse(item.lastUsedAt ?? item.createdAt)) / DAY_MS);
  return {
    title: `Dormant app passwords: unused for ${days} days or more`,
    period: `As of ${context.now.toISOString()}`,
    notes: [
      'Active app passwords neither used nor created in the period. CIS Control 5.3 disables dormant accounts after 45 days; PCI DSS 8.2.6 after 90.',
      `Revoked by the idle policy in the last 90 days: ${revokedAsIdle.totalCount}.`,
    ],
    charts: [
      {
        title: 'Dormant app passwords, side by side',
        bars: [
          { label: 'CIS 5.3: 45 days', value: cis.totalCount },
          { label: 'PCI DSS 8.2.6: 90 days', value: pci.totalCount },
          { label: 'Revoked as idle (90 days)', value: revokedAsIdle.totalCount },
        ],
      },
    ],
    columns: ['app_password_id', 'user', 'label', 'created_at', 'last_used_at', 'days_unused', 'beyond_cis_45', 'beyond_pci_90'],
    total: first.totalCount,
    rows: () =>
      pages(
        first,
        (after) => read(days, PAGE, after),
        (item) => [item.id, item.userPrincipalName, item.label, item.createdAt, item.lastUsedAt, unusedDays(item), unusedDays(item) >= 45 ? 'yes' : 'no', unusedDays(item) >= 90 ? 'yes' : 'no'],
      ),
  };
}

/** The Entra gap: app passwords that outlived their owner's password reset. */
async function survivedReset(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  parse(z.object({}).strict(), params);
  const filter: AppPasswordFilter = { survivedPasswordReset: true, status: 'ACTIVE' };
  const sort: AppPasswordSort = { field: 'USER', direction: 'ASC' };
  const read = (first: number, after: string | null): Promise<AppPasswordPage> => context.queries.execute(new GetAppPasswordsQuery(context.principal, filter, first, after, sort));
  const first = await read(PAGE, null);
  return {
    title: 'App passwords that survived a password reset',
    period: `As of ${context.now.toISOString()}`,
    notes: [
      'Active app passwords created before their owner last reset their password. Microsoft Entra ID does not revoke app passwords on a reset; a reset after a compromise leaves these working.',
    ],
    charts: [],
    columns: ['app_password_id', 'user', 'label', 'created_at', 'owner_password_reset_at', 'last_used_at', 'use_count'],
    total: first.totalCount,
    async *rows() {
      for await (const batch of pages(first, (after) => read(PAGE, after), (item) => [item.id, item.userId, item.userPrincipalName, item.label, item.createdAt, item.lastUsedAt, item.useCount])) {
        const resets = lastPasswordResets(context.db, batch.map((row) => row[1] as string));
        yield batch.map(([id, userId, ...rest]) => [id, rest[0], rest[1], rest[2], resets.get(userId as string) ?? null, rest[3], rest[4]]);
      }
    },
  };
}

/** "Who revoked what in Q3, and why?": every change to a credential, with the PCI DSS 10.2.2 fields. */
async function credentialChanges(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  const parsed = parse(z.object({ from: instant.optional(), to: instant.optional() }).strict(), params);
  const { from, to } = period(parsed, context, 90);
  const read = (types: string[], first: number, after: string | null): Promise<AuditEventPage> =>
    context.queries.execute(new GetAuditEventsQuery(context.principal, { types, occurredAfter: from, occurredBefore: to }, first, after));
  const first = await read(CREDENTIAL_CHANGES, PAGE, null);
  const byType = await Promise.all(CREDENTIAL_CHANGES.map(async (type) => ({ label: type.replace('AppPassword', ''), value: (await read([type], 1, null)).totalCount })));
  const tenantId = context.tenant.tenantId;
  return {
    title: 'Changes to app passwords',
    period: `${from} to ${to}`,
    notes: [
      'PCI DSS 10.2.2: who (the actor), what (the change), when, from where (the client address of the request), the outcome, and the credential affected.',
      'Only changes that took effect are events; a refused request changes nothing and is answered with an error. Expiry is recorded by Keyward itself (system:expiry).',
    ],
    charts: [{ title: 'Changes by kind', bars: byType }],
    columns: ['occurred_at', 'actor', 'actor_name', 'change', 'app_password_id', 'label', 'owner', 'source_ip', 'outcome', 'reason', 'incident_ref', 'case_id', 'event_id'],
    total: first.totalCount,
    async *rows() {
      for (let page = first; ; ) {
        const ids = page.items.map(({ item }) => item.streamId.replace(/^appPassword-/, ''));
        const names = credentialNames(context.db, tenantId, ids);
        const users = userPrincipalNames(context.db, tenantId, page.items.flatMap(({ item }) => (item.actor.startsWith('user:') ? [item.actor.slice(5)] : [])));
        yield page.items.map(({ item }) => {
          const id = item.streamId.replace(/^appPassword-/, '');
          const data = (item.data ?? {}) as Record<string, unknown>;
          const name = names.get(id);
          const actorName = item.actor.startsWith('user:') ? (users.get(item.actor.slice(5)) ?? null) : null;
          return [item.occurredAt, item.actor, actorName, item.type, id, name?.label ?? null, name?.userPrincipalName ?? null, item.sourceIp, 'success', text(data['reason']), text(data['incidentRef']), text(data['caseId']), item.id];
        });
        if (!page.hasNextPage) return;
        page = await read(CREDENTIAL_CHANGES, PAGE, page.items[page.items.length - 1].cursor);
      }
    },
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** What the tenant's policy, as it stands now, does not allow among the active app passwords. */
async function policyExceptionsReport(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  parse(z.object({}).strict(), params);
  const { policy, tenantId } = context.tenant;
  const counts = new Map<string, number>();
  for (const batch of policyExceptions(context.db, tenantId, policy, context.now)) for (const row of batch) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  const kinds = ['OVER_LIMIT', 'PAST_MAX_LIFETIME', 'OWNER_WITHOUT_MFA', 'SCOPE_OUTSIDE_POLICY'];
  return {
    title: 'Policy exceptions',
    period: `As of ${context.now.toISOString()}`,
    notes: [
      `The policy now: at most ${policy.maxActivePerUser} active per user, ${policy.maxLifetimeDays} days at most, scopes ${policy.allowedScopes.join(', ')}, MFA ${policy.isMfaRequired ? 'required' : 'not required'}.`,
      'OVER_LIMIT: an owner holding more than the limit. PAST_MAX_LIFETIME: living longer than the maximum (issued before the policy tightened). OWNER_WITHOUT_MFA: held by a user without MFA registered. SCOPE_OUTSIDE_POLICY: a scope the policy no longer allows.',
    ],
    charts: [{ title: 'Exceptions by kind', bars: kinds.map((kind) => ({ label: kind, value: counts.get(kind) ?? 0 })) }],
    columns: ['exception', 'app_password_id', 'user', 'label', 'detail'],
    total: [...counts.values()].reduce((sum, count) => sum + count, 0),
    async *rows() {
      for (const batch of policyExceptions(context.db, tenantId, policy, context.now)) {
        yield batch.map((row) => [row.kind, row.appPasswordId, row.userPrincipalName, row.label, row.detail]);
      }
    },
  };
}

/** Successful sign-ins per day and protocol, with the rejections beside them. */
async function signInsByProtocol(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  const parsed = parse(z.object({ from: instant.optional(), to: instant.optional() }).strict(), params);
  const { from, to } = period(parsed, context, 30);
  const fromDay = from.slice(0, 10);
  const toDay = new Date(Date.parse(to) + DAY_MS - 1).toISOString().slice(0, 10);
  const rows = signInsPerDay(context.db, context.tenant.tenantId, fromDay, toDay);
  const days = new Map<string, Record<string, number>>();
  for (const { day, outcome, detail, count } of rows) {
    const entry = days.get(day) ?? {};
    const key = outcome === 'USED' ? detail : 'rejected';
    entry[key] = (entry[key] ?? 0) + count;
    days.set(day, entry);
  }
  const totals = (key: string) => [...days.values()].reduce((sum, entry) => sum + (entry[key] ?? 0), 0);
  return {
    title: 'Sign-ins by protocol',
    period: `${fromDay} to ${toDay} (UTC days)`,
    notes: ['Successful sign-ins with app passwords per UTC day and protocol, and the refused attempts of each day (all protocols).'],
    charts: [{ title: 'Sign-ins by protocol', bars: [...APP_PASSWORD_SCOPES.map((scope) => ({ label: scope, value: totals(scope) })), { label: 'rejected', value: totals('rejected') }] }],
    columns: ['day', ...APP_PASSWORD_SCOPES, 'rejected'],
    total: days.size,
    async *rows() {
      yield [...days.entries()].map(([day, entry]) => [day, ...APP_PASSWORD_SCOPES.map((scope) => entry[scope] ?? 0), entry['rejected'] ?? 0]);
    },
  };
}

/** A review's history, with the columns of Entra's review-history download. */
async function accessReview(params: Record<string, unknown>, context: ReportContext): Promise<Report> {
  const { id } = parse(z.object({ id: z.string().min(1).max(100) }).strict(), params);
  const review: AccessReviewView | null = await context.queries.execute(new GetAccessReviewQuery(context.principal, id));
  if (!review) throw notFound('No such access review.');
  const tenantId = context.tenant.tenantId;
  return {
    title: `Access review: ${review.name}`,
    period: `${review.startedAt} to ${review.dueAt}`,
    notes: [
      `Status ${review.status}${review.completedAt ? `, completed ${review.completedAt}` : ''}. Started by ${review.startedBy}. ${review.revokeUndecided ? 'Items left undecided at the due date are revoked.' : 'Items left undecided at the due date stay as they are.'}`,
      'One row per app password under review, fixed when the review started: the decision, its justification, who decided and when. A REVOKE is applied when it is decided.',
    ],
    charts: [{ title: 'Decisions', bars: [{ label: 'KEEP', value: review.kept }, { label: 'REVOKE', value: review.revoked }, { label: 'NOT_REVIEWED', value: review.undecided }] }],
    columns: [
      'review_id', 'review_name', 'review_start', 'review_end', 'principal_name', 'principal_id', 'resource_name', 'resource_id', 'decision', 'justification',
      'reviewed_by', 'reviewed_by_name', 'reviewed_on', 'applied_by', 'applied_on', 'recommendation', 'owner_attested_on',
    ],
    total: review.total,
    async *rows() {
      for (const batch of accessReviewItems(context.db, review.id)) {
        const reviewers = userPrincipalNames(context.db, tenantId, batch.flatMap((item) => (item.decidedBy?.startsWith('user:') ? [item.decidedBy.slice(5)] : [])));
        yield batch.map((item) => [
          review.id, review.name, review.startedAt, review.dueAt, item.userPrincipalName, item.userId, item.label, item.appPasswordId, item.decision ?? 'NOT_REVIEWED', item.justification,
          item.decidedBy, item.decidedBy?.startsWith('user:') ? (reviewers.get(item.decidedBy.slice(5)) ?? null) : null, item.decidedAt,
          item.decidedBy, item.decidedAt, item.recommendation, item.attestedAt,
        ]);
      }
    },
  };
}
