import type { Request } from 'express';
import { BlockList, isIP } from 'node:net';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The correlation id of a request, which every event it causes records: the `X-Request-Id` a
 * trusted proxy passes on (its own request id, safe to log), else a new one. A client's own
 * header is ignored: audit metadata is never the caller's to choose.
 */
export function correlationIdOf(request: Request, policy: Pick<ClientAddressPolicy, 'isTrustedProxy'>, newId: () => string): string {
  const header = request.headers['x-request-id'];
  const peer = request.socket.remoteAddress;
  const isFromProxy = peer !== undefined && policy.isTrustedProxy(peer);
  return isFromProxy && typeof header === 'string' && REQUEST_ID.test(header) ? header : newId();
}

/** The credential of `Authorization: Bearer <credential>` (an API token, the metrics token), or null. */
export function bearerOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/** Which header a trusted proxy states the client's address in (`KEYWARD_CLIENT_ADDRESS_HEADER`). */
export type ClientAddressHeader = 'x-forwarded-for' | 'x-real-ip';

export interface ClientAddressPolicy {
  /** Whether a peer's statement of the client's address is believed (`KEYWARD_TRUSTED_PROXIES`). */
  readonly isTrustedProxy: (address: string) => boolean;
  readonly clientAddressHeader: ClientAddressHeader;
}

/** An address or a CIDR block (`10.0.0.0/8`, `fd00::/8`): what KEYWARD_TRUSTED_PROXIES lists. */
export function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** The matcher for a list of addresses and CIDR blocks (IPv4 ones also match their IPv4-mapped IPv6 form). */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then only the one
 * header the proxy is configured to set counts, the other is ignored whatever it says.
 * - `x-forwarded-for` (the default): read from the right, the hop each trusted proxy appended,
 *   until one that is not a trusted proxy: the client as the outermost of our proxies saw it.
 *   Entries a client wrote itself sit to the left of that and are never reached.
 * - `x-real-ip`: the address in it, for proxies that overwrite that header (nginx's
 *   `proxy_set_header X-Real-IP $remote_addr`).
 */
export function clientAddressOf(request: Request, policy: ClientAddressPolicy): string | null {
  const peer = request.socket.remoteAddress ?? null;
  const isTrusted = policy.isTrustedProxy;
  if (!peer || !isTrusted(peer)) return peer;
  const header = request.headers[policy.clientAddressHeader];
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined) return peer;
  if (policy.clientAddressHeader === 'x-real-ip') return isIP(value.trim()) ? value.trim() : peer;
  const hops = value.split(',').map((hop) => hop.trim());
  let address = peer;
  for (let index = hops.length - 1; index >= 0 && isTrusted(address); index--) {
    if (!isIP(hops[index])) break;
    address = hops[index];
  }
  return address;
}

/** Where WebAuthn ceremonies happen: the host name clients reach Keyward at (the RP ID) and its origin. */
export interface RelyingParty {
  readonly id: string;
  readonly origin: string;
}

export function relyingPartyOf(request: Request, config: { readonly publicUrl?: string; readonly host: string; readonly port: number }): RelyingParty {
  const origin = publicOriginOf(request, config);
  return { id: new URL(origin).hostname, origin };
}

/**
 * Where browsers and clients reach Keyward: KEYWARD_PUBLIC_URL (its TLS proxy) without a trailing
 * slash, or else the scheme and Host this request came with (answered to that same caller only).
 */
export function publicOriginOf(request: Request, config: { readonly publicUrl?: string; readonly host: string; readonly port: number }): string {
  return config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.get('host') ?? `${config.host}:${config.port}`}`;
}
