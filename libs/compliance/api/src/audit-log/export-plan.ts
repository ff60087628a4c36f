import { z } from 'zod';
import { badInput, notFound } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { userIdFor, userStreamId, type UserPrincipal } from '@keyward/identity/domain';
import { SIGN_IN_EVENT_TYPES } from '@keyward/app-passwords/domain';
import type { AuditLog, Leaf, SignedCheckpoint } from '@keyward/compliance/audit-log';
import { accessReviewStreamId, type AuditRecord } from '@keyward/compliance/domain';

/** A leaf index or tree size in a query: a decimal from 0, at most 15 digits (so no negative or huge number gets further). */
export const leafIndex = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number from 0')
  .transform(Number);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time, e.g. 2026-01-31T00:00:00Z' });

const BundleParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('audit-log'), from: leafIndex.optional(), to: leafIndex.optional(), sinceSize: leafIndex.optional() }).strict(),
  z.object({ kind: z.literal('usage'), user: z.string().min(3).max(320), since: instant.optional(), until: instant.optional(), sinceSize: leafIndex.optional() }).strict(),
  z.object({ kind: z.literal('inventory'), sinceSize: leafIndex.optional() }).strict(),
  z.object({ kind: z.literal('access-review'), id: z.string().min(1).max(100), sinceSize: leafIndex.optional() }).strict(),
]);
type BundleParams = z.infer<typeof BundleParams>;

/** The events that make the inventory: every app password's lifecycle. */
const INVENTORY_TYPES = new Set(['AppPasswordGenerated', 'AppPasswordRenamed', 'AppPasswordRevoked', 'AppPasswordExpired', 'AppPasswordSuspended', 'AppPasswordReinstated']);
const SIGN_INS = new Set(SIGN_IN_EVENT_TYPES);
const DAY_MS = 86_400_000;

/** What an export holds, checked before a byte is sent (so bad input is still a clean 400). */
export interface ExportPlan {
  readonly kind: 'audit-log' | 'usage' | 'inventory' | 'access-review';
  readonly range?: { from: number; to: number };
  readonly filter?: Record<string, string>;
  readonly sinceSize?: number;
  readonly checkpoint: SignedCheckpoint;
  readonly records: AsyncIterable<Leaf>;
  /** Known up front for a range; null for a filter. */
  readonly expectedRecords: number | null;
  readonly proofs: { range?(from: number, to: number): Buffer[]; inclusion?(index: number): Buffer[]; consistency?: Buffer[] };
}

/**
 * Turns an export request into a plan against the tenant's latest checkpoint (signed now when the
 * log has grown): `from`/`to` default to the whole log the checkpoint covers; a range past it,
 * `from > to`, a `sinceSize` beyond it, an unknown user (or another tenant's: the same answer) are
 * refused before anything is read.
 */
export async function exportPlan(auditLog: AuditLog, store: EventStore, principal: UserPrincipal, query: Record<string, unknown>): Promise<ExportPlan> {
  const params: BundleParams = parseQuery(BundleParams, query);
  const tenantId = principal.tenantId;
  const checkpoint = await auditLog.checkpoint(tenantId);
  const size = checkpoint.size;
  if (params.sinceSize !== undefined && params.sinceSize > size) {
    throw badInput(`sinceSize ${params.sinceSize} is beyond the log: its latest checkpoint has ${size} records.`);
  }
  const tree = auditLog.tree(tenantId);
  const leaves = auditLog.leaves();
  const consistency = params.sinceSize !== undefined ? tree.consistencyProof(params.sinceSize, size) : undefined;
  const common = { kind: params.kind, sinceSize: params.sinceSize, checkpoint };
  const inclusion = (leaf: number) => tree.inclusionProof(leaf, size);

  switch (params.kind) {
    case 'audit-log': {
      const from = params.from ?? 0;
      const to = params.to ?? size;
      if (from > to) throw badInput(`from (${from}) is after to (${to}).`);
      if (to > size) throw badInput(`The range ends past the log: its latest checkpoint has ${size} records (to ≤ ${size}).`);
      return {
        ...common,
        range: { from, to },
        records: leaves.range(tenantId, from, to),
        expectedRecords: to - from,
        proofs: { range: (start, end) => tree.rangeProof(start, end, size), inclusion, consistency },
      };
    }
    case 'usage': {
      const upn = params.user.trim().toLowerCase();
      const userId = userIdFor(upn);
      const [created] = await store.readStream(userStreamId(userId), { maxCount: 1 });
      if (!created || created.metadata.tenantId !== tenantId) throw notFound(`There is no user ${params.user} in this tenant.`);
      const since = params.since ? new Date(params.since) : null;
      const until = params.until ? new Date(params.until) : null;
      if (since && until && since > until) throw badInput('since is after until.');
      const file = auditLog.file;
      const from = since ? (file.firstIndexOnOrAfter(tenantId, day(since.getTime() - DAY_MS)) ?? size) : 0;
      const to = until ? Math.min(file.firstIndexOnOrAfter(tenantId, day(until.getTime() + 2 * DAY_MS)) ?? size, size) : size;
      const isTheirs = (record: AuditRecord) => {
        if (!SIGN_INS.has(record.type)) return false;
        const data = (record.data ?? {}) as { userId?: unknown; userPrincipalName?: unknown };
        const at = new Date(record.occurredAt);
        return (data.userId === userId || (typeof data.userPrincipalName === 'string' && data.userPrincipalName.toLowerCase() === upn)) && (!since || at >= since) && (!until || at < until);
      };
      return {
        ...common,
        filter: { user: upn, ...(params.since ? { since: params.since } : {}), ...(params.until ? { until: params.until } : {}) },
        records: leaves.walk(tenantId, Math.min(from, to), to, isTheirs),
        expectedRecords: null,
        proofs: { inclusion, consistency },
      };
    }
    case 'inventory':
      return {
        ...common,
        filter: {},
        records: leaves.walk(tenantId, 0, size, (record) => INVENTORY_TYPES.has(record.type)),
        expectedRecords: null,
        proofs: { inclusion, consistency },
      };
    case 'access-review': {
      // A review's whole history, signed: its start with the frozen items, each decision, each attestation, its completion.
      const stream = accessReviewStreamId(params.id);
      const [started] = await store.readStream(stream, { maxCount: 1 });
      if (!started || started.metadata.tenantId !== tenantId) throw notFound('No such access review.');
      return {
        ...common,
        filter: { id: params.id },
        records: leaves.walk(tenantId, 0, size, (record) => record.streamId === stream),
        expectedRecords: null,
        proofs: { inclusion, consistency },
      };
    }
  }
}

/** The query as the schema reads it, or BAD_USER_INPUT naming every parameter that is wrong. */
export function parseQuery<T>(schema: z.ZodType<T>, query: Record<string, unknown>): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw badInput(`Bad parameters: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

function day(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
