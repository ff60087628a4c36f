import SCIMMY from 'scimmy';
import type { DirectoryCondition, DirectoryFilter, DirectoryOperator } from '@keyward/identity/read-models';
import { DIRECTORY_ATTRIBUTES } from '@keyward/identity/read-models';

/**
 * SCIM 2.0 (RFC 7643, RFC 7644) as Keyward speaks it: the schemas, the error shape, and filters.
 * scimmy carries the schema definitions (validation and coercion of bodies), PATCH operations
 * (RFC 7644 3.5.2, including Entra ID's shapes) and the filter grammar; Keyward maps its results
 * onto the user list.
 */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/**
 * Keyward's extension of the User: `mfaRegistered`, the directory's word that the user has MFA
 * at the identity provider (Entra ID maps an attribute or an expression to it as a custom
 * extension attribute).
 */
export const KEYWARD_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:keyward:2.0:User';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp' as const;
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** The most resources one page holds (ServiceProviderConfig's filter.maxResults). */
export const MAX_RESULTS = 200;
/** A filter longer than this, or with more `or`s, is refused before it is parsed (its branches multiply). */
export const MAX_FILTER_LENGTH = 1000;
export const MAX_FILTER_ORS = 10;
const MAX_FILTER_BRANCHES = 64;

const KEYWARD_USER = new SCIMMY.Types.SchemaDefinition('KeywardUser', KEYWARD_USER_SCHEMA, "Keyward's attributes of a user", [
  new SCIMMY.Types.Attribute('boolean', 'mfaRegistered', { description: 'Whether the user has registered MFA at the identity provider: what a tenant that requires MFA for app passwords checks.' }),
]);

// Entra ID sends its enterprise attributes (department, manager…) by default: they are accepted and not kept.
const declaresEnterprise = () => {
  try {
    return Boolean(SCIMMY.Schemas.User.definition.attribute(ENTERPRISE_USER_SCHEMA));
  } catch {
    return false;
  }
};
if (!declaresEnterprise()) {
  // scimmy's typings want an instance; at run time it takes the schema class, as its documentation shows.
  SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as SCIMMY.Types.Schema, false);
  SCIMMY.Schemas.User.extend(KEYWARD_USER as unknown as SCIMMY.Types.Schema, false);
}

export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

/** A refusal in RFC 7644 3.12's shape. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    detail: string,
  ) {
    super(detail);
  }

  toJSON() {
    return { schemas: [ERROR_SCHEMA], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.message };
  }
}

/** scimmy's own refusals (SCIMError with a status and scimType; TypeError for a value of the wrong type) as ScimErrors. */
export function fromScimmy(error: unknown, fallback: ScimType): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof SCIMMY.Types.Error) return new ScimError(error.status, (error.scimType as ScimType) ?? fallback, error.message);
  if (error instanceof TypeError || error instanceof SyntaxError || error instanceof RangeError) return new ScimError(400, fallback, error.message);
  throw error;
}

/** The top-level attributes a User body may carry: the core schema's, the enterprise extension, and the common ones. */
const USER_ATTRIBUTES = new Set(
  ['schemas', 'id', 'externalid', 'meta', ENTERPRISE_USER_SCHEMA.toLowerCase(), KEYWARD_USER_SCHEMA.toLowerCase()].concat(
    SCIMMY.Schemas.User.definition.describe().attributes.map((attribute: { name: string }) => attribute.name.toLowerCase()),
  ),
);

/** A POST or PUT body as the User schema reads it (coerced, its read-only parts dropped); unknown attributes are refused. */
export function readUserBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ScimError(400, 'invalidSyntax', 'The body must be a JSON object: a User resource.');
  const resource = body as Record<string, unknown>;
  const schemas = resource['schemas'];
  if (!Array.isArray(schemas) || !schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === USER_SCHEMA.toLowerCase())) {
    throw new ScimError(400, 'invalidSyntax', `schemas must name ${USER_SCHEMA}.`);
  }
  const unknown = Object.keys(resource).filter((name) => !USER_ATTRIBUTES.has(name.toLowerCase()));
  if (unknown.length > 0) throw new ScimError(400, 'invalidSyntax', `Unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')}: neither the User schema nor its enterprise extension defines ${unknown.length > 1 ? 'them' : 'it'}.`);
  try {
    return JSON.parse(JSON.stringify(new SCIMMY.Schemas.User(resource, 'in')));
  } catch (error) {
    throw fromScimmy(error, 'invalidValue');
  }
}

/** Applies a PatchOp body (RFC 7644 3.5.2) to a User resource; answers the resource as patched. */
export async function patchUser(resource: Record<string, unknown>, body: unknown): Promise<Record<string, unknown>> {
  const message = requirePatchOp(body);
  try {
    const instance = new SCIMMY.Schemas.User(resource, 'in');
    // Resolves with the resource when an operation changed it, undefined when none did.
    const patched = await new SCIMMY.Messages.PatchOp(message).apply(instance);
    return JSON.parse(JSON.stringify(patched ?? resource));
  } catch (error) {
    throw fromScimmy(error, 'invalidValue');
  }
}

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

/** A PatchOp body checked for its shape, with Entra ID's habits undone: `op` in any case, booleans as "True"/"False". */
export function requirePatchOp(body: unknown): { schemas: [typeof PATCH_OP]; Operations: PatchOperation[] } {
  const message = body as { schemas?: unknown; Operations?: unknown } | null;
  if (typeof message !== 'object' || message === null || !Array.isArray(message.schemas) || !(message.schemas as unknown[]).includes(PATCH_OP)) {
    throw new ScimError(400, 'invalidSyntax', `A PATCH body is a PatchOp message: schemas must name ${PATCH_OP}.`);
  }
  if (!Array.isArray(message.Operations) || message.Operations.length === 0 || message.Operations.length > 1000) {
    throw new ScimError(400, 'invalidSyntax', 'Operations must list 1 to 1000 operations.');
  }
  const operations = message.Operations.map((operation: unknown, index: number): PatchOperation => {
    const { op, path, value } = (operation ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === 'string' ? op.toLowerCase() : '';
    if (name !== 'add' && name !== 'remove' && name !== 'replace') throw new ScimError(400, 'invalidSyntax', `Operation ${index + 1}: op must be add, remove or replace.`);
    if (path !== undefined && typeof path !== 'string') throw new ScimError(400, 'invalidPath', `Operation ${index + 1}: path must be a string.`);
    return { op: name, ...(path !== undefined ? { path } : {}), ...(value !== undefined ? { value: booleansOf(path, value) } : {}) };
  });
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Entra ID (before its 2020 fix) sends `"active": "False"`: a boolean attribute's string is read as the boolean. */
function booleansOf(path: unknown, value: unknown): unknown {
  const asBoolean = (text: unknown) => (typeof text === 'string' && /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : text);
  const isBoolean = (name: string) => name.toLowerCase() === 'active' || name.toLowerCase() === `${KEYWARD_USER_SCHEMA}:mfaRegistered`.toLowerCase();
  if (typeof path === 'string') return isBoolean(path) ? asBoolean(value) : value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isBoolean(key) ? asBoolean(inner) : inner]));
}

/** What scimmy's filter parser yields for one comparison: [op, value] or ['not', op, value]. */
type ParsedComparison = [string, ...unknown[]];
type ParsedBranch = Record<string, ParsedComparison | ParsedComparison[] | Record<string, unknown>>;

/** Parses a SCIM filter within Keyward's bounds; every comparison names an attribute `known` lists. */
export function parseFilter<Attribute extends string>(
  expression: string,
  known: readonly Attribute[],
): { attribute: Attribute; operator: DirectoryOperator; value: unknown }[][] {
  if (expression.length > MAX_FILTER_LENGTH) throw new ScimError(400, 'invalidFilter', `The filter is too long: at most ${MAX_FILTER_LENGTH} characters.`);
  const ors = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/\bor\b/gi)?.length ?? 0;
  if (ors > MAX_FILTER_ORS) throw new ScimError(400, 'invalidFilter', `The filter is too complex: at most ${MAX_FILTER_ORS} "or" operators.`);
  let parsed: ParsedBranch[];
  try {
    parsed = [...new SCIMMY.Types.Filter(expression)] as ParsedBranch[];
  } catch (error) {
    throw fromScimmy(error, 'invalidFilter');
  }
  if (parsed.length > MAX_FILTER_BRANCHES) throw new ScimError(400, 'invalidFilter', 'The filter is too complex: simplify its "or" branches.');
  return parsed.map((branch) => {
    const conditions: { attribute: Attribute; operator: DirectoryOperator; value: unknown }[] = [];
    const visit = (prefix: string, node: ParsedBranch[string]) => {
      if (!Array.isArray(node)) {
        for (const [name, inner] of Object.entries(node)) visit(`${prefix}.${name}`, inner as ParsedBranch[string]);
        return;
      }
      const comparisons = (Array.isArray(node[0]) ? node : [node]) as ParsedComparison[];
      for (const comparison of comparisons) {
        const attribute = known.find((name) => name.toLowerCase() === prefix.toLowerCase());
        if (!attribute) throw new ScimError(400, 'invalidFilter', `Filtering on ${prefix} is not supported; filter on ${known.join(', ')}.`);
        if (comparison[0] === 'not') throw new ScimError(400, 'invalidFilter', 'The filter operator "not" is not supported.');
        const [operator, ...values] = comparison;
        if (!['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr'].includes(operator)) throw new ScimError(400, 'invalidFilter', `Unknown operator ${operator}.`);
        if (operator !== 'pr' && values.length !== 1) throw new ScimError(400, 'invalidFilter', `${prefix} ${operator} needs a value.`);
        conditions.push({ attribute, operator: operator as DirectoryOperator, value: values[0] });
      }
    };
    for (const [name, node] of Object.entries(branch)) visit(name, node);
    return conditions;
  });
}

/** A filter on Users as the user list answers it: values checked against each attribute's type. */
export function parseUserFilter(expression: string): DirectoryFilter {
  return parseFilter(expression, Object.keys(DIRECTORY_ATTRIBUTES) as (keyof typeof DIRECTORY_ATTRIBUTES)[]).map((branch) =>
    branch.map(({ attribute, operator, value }): DirectoryCondition => {
      const { kind } = DIRECTORY_ATTRIBUTES[attribute];
      if (operator === 'pr') return { attribute, operator };
      if (kind === 'boolean') {
        const flag = typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value;
        if (typeof flag !== 'boolean' || (operator !== 'eq' && operator !== 'ne')) throw new ScimError(400, 'invalidFilter', `${attribute} takes eq or ne with true or false.`);
        return { attribute, operator, value: flag };
      }
      if (typeof value !== 'string') throw new ScimError(400, 'invalidFilter', `${attribute} ${operator} needs a string in double quotes.`);
      if (kind === 'instant') {
        const time = Date.parse(value);
        if (Number.isNaN(time) || ['co', 'sw', 'ew'].includes(operator)) throw new ScimError(400, 'invalidFilter', `${attribute} takes eq, ne, gt, ge, lt or le with a date-time (RFC 3339).`);
        return { attribute, operator, value: new Date(time).toISOString() };
      }
      return { attribute, operator, value };
    }),
  );
}

/** `startIndex` and `count` (RFC 7644 3.4.2.4): 1-based, with out-of-range values read as the nearest allowed. */
export function pageOf(query: { startIndex?: unknown; count?: unknown }): { startIndex: number; count: number } {
  const integer = (value: unknown, name: string): number | null => {
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || !/^-?\d{1,9}$/.test(value)) throw new ScimError(400, 'invalidValue', `${name} must be an integer.`);
    return Number(value);
  };
  const startIndex = Math.max(1, integer(query.startIndex, 'startIndex') ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(query.count, 'count') ?? 100));
  return { startIndex, count };
}

/** `attributes` / `excludedAttributes` (RFC 7644 3.9) over top-level attributes; `id` and `schemas` are always returned. */
export function projectionOf(query: { attributes?: unknown; excludedAttributes?: unknown }): (resource: Record<string, unknown>) => Record<string, unknown> {
  const names = (value: unknown) =>
    typeof value === 'string' && value.trim()
      ? value
          .split(',')
          .map((name) => name.trim().replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '').split('.')[0].toLowerCase())
          .filter(Boolean)
      : null;
  const only = names(query.attributes);
  const excluded = names(query.excludedAttributes) ?? [];
  return (resource) =>
    Object.fromEntries(
      Object.entries(resource).filter(([name]) => {
        const key = name.toLowerCase();
        if (key === 'id' || key === 'schemas') return true;
        return only ? only.includes(key) : !excluded.includes(key);
      }),
    );
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_RESPONSE], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

export function serviceProviderConfig(location: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'API token',
        description: 'Authorization: Bearer with a Keyward API token (kwt_…) of a global admin.',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: "The tenant's users",
      schema: USER_SCHEMA,
      schemaExtensions: [
        { schema: ENTERPRISE_USER_SCHEMA, required: false },
        { schema: KEYWARD_USER_SCHEMA, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'The console roles, one group each: its members hold the role',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

export function schemas(base: string) {
  return [SCIMMY.Schemas.User.definition, SCIMMY.Schemas.Group.definition, SCIMMY.Schemas.EnterpriseUser.definition, KEYWARD_USER].map((definition) => {
    const described = definition.describe();
    return { ...described, meta: { resourceType: 'Schema', location: `${base}/Schemas/${described.id}` } };
  });
}
