import ipaddr from 'ipaddr.js';

/**
 * Addresses as sortable keys: the 16 bytes of the IPv6 form (an IPv4 address as IPv4-mapped,
 * `::ffff:a.b.c.d`) in hex, so that a CIDR block is a range of keys an index can scan.
 */
export function addressKey(address: string): string | null {
  const known = keys.get(address);
  if (known !== undefined) return known;
  const key = ipaddr.isValid(address) ? hex(toIPv6(ipaddr.parse(address)).toByteArray()) : null;
  // Read models key every sign-in's address, and a credential's few addresses come back again
  // and again: parse each once while it is among the last KEYS_KEPT seen.
  if (keys.size >= KEYS_KEPT) keys.clear();
  keys.set(address, key);
  return key;
}

const KEYS_KEPT = 10_000;
const keys = new Map<string, string | null>();

/** The keys an address or CIDR block (`203.0.113.0/24`, `2001:db8::/32`) covers, or null if it is neither. */
export function addressRange(text: string): { from: string; to: string } | null {
  const value = text.trim();
  if (value.length === 0 || value.length > 64) return null;
  if (!value.includes('/')) {
    const key = addressKey(value);
    return key ? { from: key, to: key } : null;
  }
  let network: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    [network, prefix] = ipaddr.parseCIDR(value);
  } catch {
    return null;
  }
  const bytes = toIPv6(network).toByteArray();
  const bits = network.kind() === 'ipv4' ? prefix + 96 : prefix;
  const from = bytes.map((byte, i) => byte & maskByte(bits, i));
  const to = bytes.map((byte, i) => (byte & maskByte(bits, i)) | (~maskByte(bits, i) & 0xff));
  return { from: hex(from), to: hex(to) };
}

function toIPv6(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv6 {
  return address.kind() === 'ipv4' ? (address as ipaddr.IPv4).toIPv4MappedAddress() : (address as ipaddr.IPv6);
}

/** The network mask's byte `index` for a prefix of `bits`. */
function maskByte(bits: number, index: number): number {
  const inByte = Math.max(0, Math.min(8, bits - index * 8));
  return (0xff << (8 - inByte)) & 0xff;
}

function hex(bytes: number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
