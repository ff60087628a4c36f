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
