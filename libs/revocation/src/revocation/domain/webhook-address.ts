/**
 * What kind of network an IP address belongs to. Only `public` addresses may receive a notice webhook
 * unless local webhooks are allowed: anything else would let a recipient's URL reach the bank's own
 * network (SSRF).
 */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'shared' | 'link-local' | 'unspecified' | 'multicast' | 'reserved' | 'invalid';

/** One IPv4 range: its first address (32-bit) and prefix length, and what it is. */
type Ipv4Range = readonly [network: string, prefix: number, kind: Exclude<AddressClass, 'public' | 'invalid'>];

const IPV4_RANGES: readonly Ipv4Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** Classifies an IPv4 or IPv6 address (as `dns.lookup` returns it; an IPv6 zone id is ignored). */
export function classifyAddress(address: string): AddressClass {
  const ipv4 = parseIpv4(address);
  if (ipv4 !== undefined) return classifyIpv4(ipv4);
  const ipv6 = parseIpv6(address);
  return ipv6 === undefined ? 'invalid' : classifyIpv6(ipv6);
}

/**
 * Why a resolved host may not receive a webhook, or undefined when every address is public. All the
 * addresses a name resolves to are checked, not just the first: the connection could use any of them.
 */
export function refusedAddressProblem(addresses: readonly string[], options: { allowLocal: boolean }): string | undefined {
  if (addresses.length === 0) return 'the host resolves to no address';
  if (options.allowLocal) return undefined;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') return `the host resolves to a ${kind} address`;
  }
  return undefined;
}

/**
 * Why a webhook URL may not be called, before any name is resolved, or undefined. HTTPS only; plain
 * HTTP only to a loopback host when local webhooks are allowed; no credentials in the URL.
 */
export function webhookUrlRefusal(url: string, options: { allowLocal: boolean }): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'the URL carries credentials';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    return options.allowLocal && isLoopbackHost(parsed.hostname) ? undefined : 'plain http (https is required)';
  }
  return `scheme ${parsed.protocol} (https is required)`;
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const address = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return classifyAddress(address) === 'loopback';
}

function classifyIpv4(value: number): AddressClass {
  for (const [network, prefix, kind] of IPV4_RANGES) {
    if (inIpv4Range(value, parseIpv4(network) as number, prefix)) return kind;
  }
  return value === 0xffffffff ? 'reserved' : 'public';
}

function inIpv4Range(value: number, network: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (network & mask) >>> 0;
}

function classifyIpv6(groups: readonly number[]): AddressClass {
  const [first] = groups;
  const zeroUpTo = (count: number): boolean => groups.slice(0, count).every((group) => group === 0);
  const embeddedIpv4 = (): number => ((groups[6] << 16) >>> 0) + groups[7];
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && groups[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the embedded IPv4 address.
  if (zeroUpTo(5) && groups[5] === 0xffff) return classifyIpv4(embeddedIpv4());
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) return classifyIpv4(embeddedIpv4());
  // IPv4-compatible (::a.b.c.d, deprecated) and the rest of ::/8 are not routable.
  if (first === 0) return 'reserved';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'private';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && groups[1] === 0x0db8) return 'reserved';
  return 'public';
}

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or undefined. */
function parseIpv4(text: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

/** An IPv6 address as eight 16-bit groups (with `::` expanded and a trailing dotted quad split), or undefined. */
function parseIpv6(text: string): number[] | undefined {
  const address = text.split('%')[0].toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(address) || !address.includes(':')) return undefined;
  const halves = address.split('::');
  if (halves.length > 2 || (halves.length === 2 && halves[0].includes('.'))) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (piece.includes('.') && index === pieces.length - 1) {
        const ipv4 = parseIpv4(piece);
        if (ipv4 === undefined) return undefined;
        groups.push(Math.floor(ipv4 / 0x10000), ipv4 % 0x10000);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
