/** IP addresses and CIDR blocks as a responder types them, checked before the server is asked. */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  let groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = groups.length;
  // An IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
  const last = groups.at(-1) ?? '';
  if (last.includes('.')) {
    if (!IPV4.test(last)) return false;
    groups = groups.slice(0, -1);
    count += 1;
  }
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * Why the text is not an IP address or CIDR block (IPv4 or IPv6), in a sentence; '' when it is one,
 * or when it is empty (no address filter).
 */
export function addressProblem(input: string): string {
  const text = input.trim();
  if (!text) return '';
  const [address, prefix, ...rest] = text.split('/');
  const isV4 = IPV4.test(address);
  if (rest.length > 0 || (!isV4 && !isIpv6(address))) return 'Enter an IP address (203.0.113.7, 2001:db8::1) or a CIDR block (203.0.113.0/24, 2001:db8::/32).';
  if (prefix === undefined) return '';
  const bits = isV4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `The prefix length after "/" must be a whole number from 0 to ${bits} for ${isV4 ? 'IPv4' : 'IPv6'}.`;
  return '';
}
