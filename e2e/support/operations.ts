import { parseAppPassword, SECRET_ALPHABET } from '@keyward/app-passwords/domain';
import type { ConsoleClient } from './console-client';

export const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }`;
export const GENERATE = `mutation($input: GenerateAppPasswordInput!) {
  generateAppPassword(input: $input) { secret appPassword { id label status scopes expiresAt user { id userPrincipalName } } } }`;
export const REVOKE = `mutation($input: RevokeAppPasswordInput!) { revokeAppPassword(input: $input) { id status revokeReason } }`;
export const APP_PASSWORDS = `query($filter: AppPasswordFilter, $first: Int, $after: String) {
  appPasswords(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id label status createdAt lastUsedAt lastUsedIp lastUsedProtocol useCount user { id userPrincipalName } } } } }`;
export const AUDIT_EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor streamId data } } } }`;

export async function createUser(client: ConsoleClient, userPrincipalName: string, roles = ['USER'], extra: Record<string, unknown> = {}) {
  const data = await client.data<{ createUser: { id: string; userPrincipalName: string } }>(CREATE_USER, {
    input: { userPrincipalName, displayName: userPrincipalName.split('@')[0], roles, mfaRegistered: true, ...extra },
  });
  return data.createUser;
}

export async function generate(client: ConsoleClient, userId: string, label = 'Thunderbird on laptop', extra: Record<string, unknown> = {}) {
  const data = await client.data<{ generateAppPassword: { secret: string; appPassword: { id: string; status: string } } }>(GENERATE, {
    input: { userId, label, ...extra },
  });
  return data.generateAppPassword;
}

/**
 * The people of an incident, each with a console password: rita the responder, audrey the
 * auditor and uma, a user (who has no business in the Incidents section).
 */
export async function createIncidentTeam(client: ConsoleClient) {
  return {
    responder: await createUser(client, 'rita@contoso.example', ['INCIDENT_RESPONDER'], { password: 'rita-console-password' }),
    auditor: await createUser(client, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' }),
    user: await createUser(client, 'uma@contoso.example', ['USER'], { password: 'uma-console-password' }),
  };
}

/**
 * An app password with one symbol of its secret mistyped, as a user would: the checksum fails. It
 * has 10 bits, so one typo in 1,024 would still pass it; the first replacement that fails is taken.
 */
export function mistyped(password: string): string {
  const compact = password.replace(/ /g, '');
  for (const symbol of SECRET_ALPHABET) {
    const typo = compact.slice(0, 20) + symbol + compact.slice(21);
    const parsed = parseAppPassword(typo);
    if (symbol !== compact[20] && parsed.kind === 'parsed' && !parsed.isChecksumValid) return typo;
  }
  throw new Error('no typo fails the checksum');
}
