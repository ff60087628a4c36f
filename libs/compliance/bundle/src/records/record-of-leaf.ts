import canonicalize from 'canonicalize';
import { secretIn, type AuditRecord } from '@keyward/compliance/domain';

/** The fields of an audit record (DESIGN §7), every one a string but `data`. */
const TEXT_FIELDS = ['id', 'type', 'streamId', 'occurredAt', 'actor', 'tenantId', 'correlationId', 'causationId'] as const;
const FIELDS: readonly string[] = [...TEXT_FIELDS, 'data'];

/**
 * Reads a leaf as an audit record of `tenantId`, or says why it is not one, through `problem`
 * (which throws): a secret in it, not JSON, not canonical JSON (when `isCanonicalRequired`: the
 * verifier re-canonicalizes every leaf; the writer trusts the log's bytes), a field missing,
 * of the wrong type or unknown, or another tenant's record.
 */
export function recordOfLeaf(
  bytes: Buffer,
  tenantId: string,
  problem: (why: string) => never,
  isCanonicalRequired = false,
): AuditRecord {
  const text = bytes.toString('utf8');
  const secret = secretIn(text);
  if (secret !== null) problem(`carries a secret: ${secret}`);
  if (bytes.includes(0x0a)) problem('holds a line break');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    problem('is not JSON');
  }
  if (isCanonicalRequired && !Buffer.from(canonicalize(value) ?? '', 'utf8').equals(bytes)) problem('is not RFC 8785 canonical JSON');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) problem('is not a JSON object');
  const fields = value as Record<string, unknown>;
  for (const field of TEXT_FIELDS) if (typeof fields[field] !== 'string') problem(`has no "${field}" string`);
  if (!('data' in fields)) problem('has no "data"');
  const unknown = Object.keys(fields).find((field) => !FIELDS.includes(field));
  if (unknown !== undefined) problem(`has a field "${unknown}" an audit record does not have`);
  if (fields['tenantId'] !== tenantId) problem(`belongs to tenant ${JSON.stringify(fields['tenantId'])}, not the bundle's ${JSON.stringify(tenantId)}`);
  return fields as unknown as AuditRecord;
}
