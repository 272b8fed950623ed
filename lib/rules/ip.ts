/*
 * IP parsing as k8s.io/utils/net `ParseIPSloppy` and `ParseCIDRSloppy` do it (Go's pre-1.17 parser,
 * which allows leading zeros in IPv4 octets), and the `net.IP` predicates the API server uses on it.
 */

/** A parsed address: 16 bytes, IPv4 stored IPv4-mapped as Go stores it. */
export type IPBytes = Uint8Array;

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const DIGITS = /^[0-9]+$/;

function parseIPv4(s: string): IPBytes | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const ip = new Uint8Array(16);
  ip.set(V4_PREFIX);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (!DIGITS.test(part)) return undefined;
    const n = Number.parseInt(part, 10);
    if (n > 255) return undefined;
    ip[12 + i] = n;
  }
  return ip;
}

// Go's xtoi: the longest run of hex digits at the start of s.
function hexRun(s: string): number {
  let i = 0;
  while (i < s.length && /[0-9a-fA-F]/.test(s.charAt(i))) i++;
  return i;
}

function parseIPv6(input: string): IPBytes | undefined {
  const ip = new Uint8Array(16);
  let s = input;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    const digits = hexRun(s);
    if (digits === 0) return undefined;
    if (s.charAt(digits) === '.') {
      // An IPv4 tail fills the last four bytes.
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const v4 = parseIPv4(s);
      if (v4 === undefined) return undefined;
      ip.set(v4.subarray(12), i);
      i += 4;
      s = '';
      break;
    }
    const n = Number.parseInt(s.slice(0, digits), 16);
    if (n > 0xffff) return undefined;
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(digits);
    if (s === '') break;
    if (s.charAt(0) !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s.charAt(0) === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const tail = i - ellipsis;
    ip.copyWithin(16 - tail, ellipsis, i);
    ip.fill(0, ellipsis, 16 - tail);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** `netutils.ParseIPSloppy`: the address, or undefined when `value` is not an IP address. */
export function parseIP(value: string): IPBytes | undefined {
  return value.includes(':') ? parseIPv6(value) : parseIPv4(value);
}

/** Whether a parsed address is IPv4 (Go's `To4() != nil`, IPv4-mapped IPv6 included). */
export function isV4(ip: IPBytes): boolean {
  for (let i = 0; i < 12; i++) if (ip[i] !== V4_PREFIX[i]) return false;
  return true;
}

/** `netutils.IsIPv6String`: a valid address that is not IPv4. */
export function isIPv6String(value: string): boolean {
  const ip = parseIP(value);
  return ip !== undefined && !isV4(ip);
}

/** `netutils.ParseCIDRSloppy` succeeds: an address, '/', and a prefix length that fits it. */
export function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  const v4 = parseIPv4(address);
  const bits = v4 !== undefined ? 32 : 128;
  if (v4 === undefined && parseIPv6(address) === undefined) return false;
  return DIGITS.test(mask) && Number.parseInt(mask, 10) <= bits;
}

/** `net.IP.IsUnspecified`: 0.0.0.0 or ::. */
export function isUnspecified(ip: IPBytes): boolean {
  const v4 = isV4(ip);
  for (let i = v4 ? 12 : 0; i < 16; i++) if (ip[i] !== 0) return false;
  return true;
}

/** `net.IP.IsLoopback`: 127.0.0.0/8 or ::1. */
export function isLoopback(ip: IPBytes): boolean {
  if (isV4(ip)) return ip[12] === 127;
  for (let i = 0; i < 15; i++) if (ip[i] !== 0) return false;
  return ip[15] === 1;
}

/** `net.IP.IsLinkLocalUnicast`: 169.254.0.0/16 or fe80::/10. */
export function isLinkLocalUnicast(ip: IPBytes): boolean {
  if (isV4(ip)) return ip[12] === 169 && ip[13] === 254;
  return ip[0] === 0xfe && ((ip[1] as number) & 0xc0) === 0x80;
}

/** `net.IP.IsLinkLocalMulticast`: 224.0.0.0/24 or ffX2::/16. */
export function isLinkLocalMulticast(ip: IPBytes): boolean {
  if (isV4(ip)) return ip[12] === 224 && ip[13] === 0 && ip[14] === 0;
  return ip[0] === 0xff && ((ip[1] as number) & 0x0f) === 0x02;
}
