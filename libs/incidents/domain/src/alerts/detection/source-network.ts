import ipaddr from 'ipaddr.js';

/**
 * The network an address is counted in: for IPv4 the `/ipv4Prefix` block (24: one office, one
 * home router, a mobile carrier's pool hopping within it), for IPv6 the /64 a single site or
 * host gets (an attacker picks any address of its /64 at will). An IPv4-mapped IPv6 address
 * counts as IPv4. Null for what is not an address.
 */
export function sourceNetwork(address: string, ipv4Prefix = 24): string | null {
  const parsed = parse(address);
  if (!parsed) return null;
  if (parsed.kind() === 'ipv4') return `${ipaddr.IPv4.networkAddressFromCIDR(`${parsed.toString()}/${ipv4Prefix}`).toString()}/${ipv4Prefix}`;
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}

/**
 * Where a stream of attempts comes from, for the per-address detectors: the IPv4 address itself
 * (`203.0.113.9`), or the IPv6 /64 it is in (`2001:db8:1:2::/64`). Null for what is not an address.
 */
export function sourceOfAttempts(address: string): string | null {
  const parsed = parse(address);
  if (!parsed) return null;
  return parsed.kind() === 'ipv4' ? parsed.toString() : sourceNetwork(address);
}

function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

/** Where an attempt came from, as the detectors count it. */
export interface AttemptSource {
  /** The IPv4 /24 or IPv6 /64 (sourceNetwork). */
  readonly network: string;
  /** The IPv4 address, or the IPv6 /64 (sourceOfAttempts). */
  readonly attempts: string;
}

/** Addresses repeat (a mail client signs in all day from one): each is parsed once, for a while. */
const MEMO_SIZE = 10_000;
const memo = new Map<string, AttemptSource | null>();

/** The address as the detectors count it, parsed once; null for what is not an address. */
export function attemptSourceOf(address: string): AttemptSource | null {
  const known = memo.get(address);
  if (known !== undefined) return known;
  const network = sourceNetwork(address);
  const source = network ? { network, attempts: sourceOfAttempts(address) ?? network } : null;
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(address, source);
  return source;
}
