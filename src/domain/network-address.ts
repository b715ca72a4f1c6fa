// IP addresses as 16 bytes (IPv4 mapped into IPv6), their kind (loopback, private …) and CIDR ranges.

/** What an address reaches: anything but `public` stays inside a machine, a network or a provider's carrier. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'unspecified'
  | 'shared'
  | 'multicast'
  | 'reserved';

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | null {
  // A zone (`fe80::1%eth0`) names an interface, not another address.
  const address = text.replace(/%.*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return null;
  let tail: number[] = [];
  let head = address;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    const ipv4 = parseIpv4(address.slice(lastColon + 1));
    if (!ipv4) return null;
    tail = ipv4;
    // Keep a `::` that ends right before the IPv4 part; drop a single separating colon.
    head = address.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const groupCount = 8 - tail.length / 2;
  const missing = groupCount - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    const value = Number.parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return [...bytes, ...tail];
}

/** The address as 16 bytes, IPv4 as `::ffff:a.b.c.d`; null for anything that is not a literal address. */
export function parseAddress(text: string): number[] | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const ipv4 = parseIpv4(bare);
  if (ipv4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...ipv4];
  return bare.includes(':') ? parseIpv6(bare) : null;
}

function startsWith(bytes: number[], prefix: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if (((bytes[bit >> 3] ?? 0) & mask) !== ((prefix[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Kind(a: number, b: number, c: number): AddressKind {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a >= 224 && a <= 239) return 'multicast';
  // 192.0.0.0/24 (protocol assignments), 198.18.0.0/15 (benchmarking), 240.0.0.0/4 and the broadcast address.
  if ((a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 240)
    return 'reserved';
  return 'public';
}

/** The kind of an address given as 16 bytes; IPv4 inside IPv6 (mapped, compatible, NAT64) counts as its IPv4. */
export function addressKind(bytes: number[]): AddressKind {
  const embeddedIpv4 =
    startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96) ||
    startsWith(bytes, [0, 0x64, 0xff, 0x9b], 96) ||
    (startsWith(bytes, [], 96) && bytes.slice(12).some((byte) => byte !== 0) && !isLoopbackV6(bytes));
  if (embeddedIpv4) return ipv4Kind(bytes[12]!, bytes[13]!, bytes[14]!);
  if (bytes.every((byte) => byte === 0)) return 'unspecified';
  if (isLoopbackV6(bytes)) return 'loopback';
  if (startsWith(bytes, [0xfe, 0x80], 10)) return 'link_local';
  if (startsWith(bytes, [0xfe, 0xc0], 10)) return 'private';
  if (startsWith(bytes, [0xfc], 7)) return 'unique_local';
  if (startsWith(bytes, [0xff], 8)) return 'multicast';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8], 32)) return 'reserved';
  return 'public';
}

function isLoopbackV6(bytes: number[]): boolean {
  return bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1;
}

/** The kind of a literal address, or null when the text is not one. */
export function kindOfAddress(text: string): AddressKind | null {
  const bytes = parseAddress(text);
  return bytes ? addressKind(bytes) : null;
}

/** A range such as `10.0.0.0/8`, `192.168.1.20` or `fd00::/8`; null when it does not parse. */
export function parseCidr(text: string): { bytes: number[]; bits: number } | null {
  const [address, prefix, ...rest] = text.trim().split('/');
  if (rest.length > 0 || address === undefined) return null;
  const bytes = parseAddress(address);
  if (!bytes) return null;
  const isIpv4 = parseIpv4(address) !== null;
  const maxBits = isIpv4 ? 32 : 128;
  if (prefix !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefix)) return null;
  const bits = prefix === undefined ? maxBits : Number(prefix);
  if (bits > maxBits) return null;
  return { bytes, bits: isIpv4 ? bits + 96 : bits };
}

/** Whether the address (16 bytes) lies in one of the ranges. */
export function addressInRanges(bytes: number[], ranges: readonly string[]): boolean {
  return ranges.some((range) => {
    const cidr = parseCidr(range);
    return cidr !== null && startsWith(bytes, cidr.bytes, cidr.bits);
  });
}
