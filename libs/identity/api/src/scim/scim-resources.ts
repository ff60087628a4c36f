import type { DirectoryUserInput } from '@keyward/identity/application';
import { isRole, type Role } from '@keyward/identity/domain';
import type { DirectoryUser } from '@keyward/identity/read-models';
import { GROUP_SCHEMA, KEYWARD_USER_SCHEMA, ScimError, USER_SCHEMA } from './scim-protocol';

/** The roles a SCIM group grants; USER is every provisioned user's and has no group. */
export const GROUP_ROLES: readonly Role[] = ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER'];

/** A user's version, as meta.version and the ETag carry it. */
export const versionOf = (user: { revision: number }) => `W/"${user.revision}"`;

/** If-Match's version, or null when the directory sent none or `*`. */
export function expectedRevisionOf(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined || ifMatch.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(ifMatch);
  if (!match) throw new ScimError(412, null, `If-Match must be a version this service gave, such as W/"3".`);
  return Number(match[1]);
}

/** A user as a SCIM User resource: only what Keyward keeps. */
export function toScimUser(user: DirectoryUser, base: string, groupNames: Readonly<Record<string, string>>): Record<string, unknown> {
  const { externalId, givenName, familyName, email, mfaRegistered } = user.profile;
  const states = typeof mfaRegistered === 'boolean';
  const name = givenName || familyName ? { ...(givenName ? { givenName } : {}), ...(familyName ? { familyName } : {}), formatted: [givenName, familyName].filter(Boolean).join(' ') } : null;
  const groups = user.roles.filter((role) => GROUP_ROLES.includes(role));
  return {
    schemas: states ? [USER_SCHEMA, KEYWARD_USER_SCHEMA] : [USER_SCHEMA],
    id: user.id,
    ...(externalId ? { externalId } : {}),
    userName: user.userPrincipalName,
    ...(name ? { name } : {}),
    displayName: user.displayName,
    active: user.isEnabled,
    ...(email ? { emails: [{ value: email, type: 'work', primary: true }] } : {}),
    ...(states ? { [KEYWARD_USER_SCHEMA]: { mfaRegistered } } : {}),
    ...(groups.length > 0 ? { groups: groups.map((role) => ({ value: role, display: groupNames[role], $ref: `${base}/Groups/${role}`, type: 'direct' })) } : {}),
    meta: { resourceType: 'User', created: user.createdAt, lastModified: user.lastModified, location: `${base}/Users/${user.id}`, version: versionOf(user) },
  };
}

/** What Keyward keeps of a User resource read through the schema: the userName, and the state the directory states. */
export function directoryInputOf(resource: Record<string, unknown>): { userName: string; input: DirectoryUserInput } {
  const userName = resource['userName'];
  if (typeof userName !== 'string' || !userName.trim()) throw new ScimError(400, 'invalidValue', 'userName is required.');
  const name = (resource['name'] ?? {}) as { givenName?: string; familyName?: string; formatted?: string };
  const emails = Array.isArray(resource['emails']) ? (resource['emails'] as { value?: string; type?: string; primary?: boolean }[]) : [];
  // The work address, else the primary one, else the first.
  const email = (emails.find((entry) => entry.type === 'work') ?? emails.find((entry) => entry.primary) ?? emails[0])?.value ?? null;
  const displayName =
    (typeof resource['displayName'] === 'string' && resource['displayName'].trim()) ||
    name.formatted?.trim() ||
    [name.givenName, name.familyName].filter(Boolean).join(' ').trim() ||
    userName;
  return {
    userName: userName.trim(),
    input: {
      displayName,
      profile: {
        externalId: typeof resource['externalId'] === 'string' ? resource['externalId'] : null,
        givenName: name.givenName ?? null,
        familyName: name.familyName ?? null,
        email,
        ...mfaOf(resource),
      },
      // RFC 7643: active's default is left to the service provider; a provisioned user is active.
      active: resource['active'] !== false,
    },
  };
}

/** What Keyward's extension says of MFA at the identity provider, when it says anything (scimmy's attribute names are case-insensitive). */
function mfaOf(resource: Record<string, unknown>): { mfaRegistered?: boolean } {
  const key = Object.keys(resource).find((name) => name.toLowerCase() === KEYWARD_USER_SCHEMA.toLowerCase());
  const extension = key ? (resource[key] as Record<string, unknown> | null) : null;
  const value = extension ? Object.entries(extension).find(([name]) => name.toLowerCase() === 'mfaregistered')?.[1] : undefined;
  return typeof value === 'boolean' ? { mfaRegistered: value } : {};
}

/** A role's group, with its members when asked for. */
export function toScimGroup(role: Role, base: string, groupNames: Readonly<Record<string, string>>, members: { id: string; userPrincipalName: string }[] | null) {
  return {
    schemas: [GROUP_SCHEMA],
    id: role,
    displayName: groupNames[role],
    ...(members ? { members: members.map((member) => ({ value: member.id, display: member.userPrincipalName, $ref: `${base}/Users/${member.id}`, type: 'User' })) } : {}),
    meta: { resourceType: 'Group', location: `${base}/Groups/${role}` },
  };
}

/** The role a group id or display name stands for (either, in any case), or null. */
export function roleOfGroup(idOrName: string, groupNames: Readonly<Record<string, string>>): Role | null {
  const wanted = idOrName.trim().toLowerCase();
  return GROUP_ROLES.find((role) => role.toLowerCase() === wanted || groupNames[role]?.toLowerCase() === wanted) ?? null;
}

export function requireGroupRole(id: string): Role {
  if (!isRole(id) || !GROUP_ROLES.includes(id)) throw new ScimError(404, null, `No group ${id}: the groups are ${GROUP_ROLES.join(', ')}.`);
  return id;
}

/** The user ids of a members value: `[{ value }]`, as RFC 7644 and Entra ID send it. */
export function memberIdsOf(value: unknown, index: number): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((member) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id !== 'string' || !id) throw new ScimError(400, 'invalidValue', `Operation ${index + 1}: each member needs a value, the user's id.`);
    return id;
  });
}
