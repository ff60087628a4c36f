import { badInput } from '@keyward/shared/domain';
import { isValidDomain } from '../tenant/tenant';

// The local part allows what directories allow in practice: letters, digits and . _ - + '
// Quotes, spaces, control characters, `|` and CR/LF are refused, so a name can never forge a
// log line or break a gateway's configuration.
const LOCAL_PART = /^[A-Za-z0-9._+'-]{1,64}$/;

/** A user principal name, `alice@contoso.example`, compared case-insensitively. */
export interface UserPrincipalName {
  readonly value: string;
  readonly domain: string;
}

/** Parses a user principal name, or returns null if it is not one. */
export function parseUserPrincipalName(input: string): UserPrincipalName | null {
  if (input.length > 320) return null;
  const at = input.lastIndexOf('@');
  if (at <= 0) return null;
  const local = input.slice(0, at);
  const domain = input.slice(at + 1).toLowerCase();
  if (!LOCAL_PART.test(local) || !isValidDomain(domain)) return null;
  return { value: `${local.toLowerCase()}@${domain}`, domain };
}

export function requireUserPrincipalName(input: string): UserPrincipalName {
  const upn = parseUserPrincipalName(input);
  if (!upn) throw badInput('userPrincipalName must look like name@domain.example.');
  return upn;
}
