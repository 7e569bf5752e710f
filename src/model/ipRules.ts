/**
 * IPv4 rule parsing and classification for workspace IP rules: the one place for it.
 * The YAML rules, the wizards (pasted IP lists) and the hovers all read it.
 */
import * as ipaddr from 'ipaddr.js';
import {
  DOCKER_BRIDGE_RANGE,
  MAX_WORKSPACE_IP_RULES,
  RESERVED_IPV4_RANGES,
  type ReservedRange,
} from './reservedRanges';

export { MAX_WORKSPACE_IP_RULES };

/** A parsed IPv4 address or CIDR, as numbers (unsigned 32-bit). */
export interface Ipv4Rule {
  /** The text as written. */
  readonly text: string;
  /** The address as written, host bits included. */
  readonly address: number;
  readonly prefix: number;
  /** True when the text had a `/prefix`. */
  readonly hasPrefix: boolean;
  /** First and last address of the network. */
  readonly first: number;
  readonly last: number;
}

export type IpRuleParse =
  | { readonly kind: 'ipv4'; readonly rule: Ipv4Rule }
  | { readonly kind: 'ipv6'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string; readonly problem: string };

/** What is wrong with a rule value, in the order the checks run; the first one found is the only one reported. */
export type IpRuleProblemKind = 'invalid' | 'ipv6' | 'reserved' | 'non-canonical';

export interface IpRuleProblem {
  readonly kind: IpRuleProblemKind;
  readonly message: string;
  /** For `reserved`: every reserved range the rule overlaps. */
  readonly reserved?: readonly ReservedRange[];
  /** For `non-canonical`: the canonical CIDR to write instead. */
  readonly canonical?: string;
}

// ipaddr.js accepts octal, hex and short forms (`1.2.3`, `0x1.2.3.4`) that Azure rejects, so the strict four-part
// grammar is a small scanner here (a regex plus Number() was a fifth of the validation time of a 200-rule file);
// ipaddr.js recognises IPv6 and is the reference implementation in the differential test.

/** Parses a rule value strictly: four decimal octets without leading zeros, an optional `/0`–`/32`. */
export function parseIpRule(text: string): IpRuleParse {
  const scanned = scanIpv4(text);
  if (scanned === undefined) {
    return looksLikeIpv6(text) ? { kind: 'ipv6', text } : { kind: 'invalid', text, problem: describeMalformed(text) };
  }
  const { address, prefix, hasPrefix } = scanned;
  const first = (address & maskOf(prefix)) >>> 0;
  const last = first + HOST_COUNTS[prefix] - 1;
  return { kind: 'ipv4', rule: { text, address, prefix, hasPrefix, first, last } };
}

/** `a.b.c.d` or `a.b.c.d/n` with every number in range and no leading zeros, else undefined. */
function scanIpv4(text: string): { address: number; prefix: number; hasPrefix: boolean } | undefined {
  let address = 0;
  let at = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(at) !== 0x2e) return undefined;
      at++;
    }
    const octet = scanDecimal(text, at, 3);
    if (octet < 0 || octet > 255) return undefined;
    address = address * 256 + octet;
    at = scanEnd;
  }
  if (at === text.length) return { address, prefix: 32, hasPrefix: false };
  if (text.charCodeAt(at) !== 0x2f) return undefined;
  const prefix = scanDecimal(text, at + 1, 2);
  if (prefix < 0 || prefix > 32 || scanEnd !== text.length) return undefined;
  return { address, prefix, hasPrefix: true };
}

/** Where the digits read by the last scanDecimal ended (saves allocating a result per octet). */
let scanEnd = 0;

/** A decimal of 1..maxDigits digits without a leading zero at `start`; sets scanEnd. -1 when there is none. */
function scanDecimal(text: string, start: number, maxDigits: number): number {
  let value = 0;
  let at = start;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code < 0x30 || code > 0x39) break;
    if (at - start === maxDigits || (at > start && value === 0)) return -1;
    value = value * 10 + (code - 0x30);
    at++;
  }
  scanEnd = at;
  return at === start ? -1 : value;
}

function looksLikeIpv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  if (!ipaddr.IPv6.isValid(address)) return false;
  const prefix = text.slice(slash + 1);
  return slash < 0 || (/^(0|[1-9]\d{0,2})$/.test(prefix) && Number(prefix) <= 128);
}

function describeMalformed(text: string): string {
  if (text.trim() === '') return 'it is empty';
  if (/\s/.test(text)) return 'it contains spaces';
  if (text.endsWith('/')) return 'the prefix length after "/" is missing';
  const [address, ...rest] = text.split('/');
  if (rest.length > 1) return 'it has more than one "/"';
  if (rest.length === 1 && !/^\d+$/.test(rest[0]))
    return `the prefix length "/${rest[0]}" is not a number from 0 to 32`;
  if (rest.length === 1 && rest[0].length > 1 && rest[0][0] === '0')
    return `the prefix length "/${rest[0]}" has a leading zero`;
  if (rest.length === 1 && Number(rest[0]) > 32) return `the prefix length /${rest[0]} is above /32`;
  const octets = address.split('.');
  if (octets.length !== 4)
    return `it has ${octets.length} part${octets.length === 1 ? '' : 's'} instead of four octets`;
  if (octets.some((octet) => !/^\d+$/.test(octet))) return 'an octet is not a decimal number';
  if (octets.some((octet) => octet.length > 1 && octet[0] === '0')) return 'an octet has a leading zero';
  if (octets.some((octet) => Number(octet) > 255)) return 'an octet is above 255';
  return 'it is not in the form a.b.c.d or a.b.c.d/n';
}

function maskOf(prefix: number): number {
  // JavaScript shifts by (n mod 32), so /0 needs its own case.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** 2^(32-prefix), the addresses in a /prefix. */
const HOST_COUNTS: readonly number[] = Array.from({ length: 33 }, (_, prefix) => 2 ** (32 - prefix));

/** Dotted-quad text of an unsigned 32-bit address. */
export function formatIpv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

/** How many addresses the rule covers (2^(32-prefix)). */
export function addressCount(rule: Ipv4Rule): number {
  return HOST_COUNTS[rule.prefix];
}

/** True when the address has no host bits set beyond the prefix. */
export function isCanonical(rule: Ipv4Rule): boolean {
  return rule.address === rule.first;
}

/** The canonical text: `52.1.2.0/24` for `52.1.2.3/24`; a plain address stays as it is. */
export function canonicalText(rule: Ipv4Rule): string {
  return rule.hasPrefix ? `${formatIpv4(rule.first)}/${rule.prefix}` : formatIpv4(rule.first);
}

/** The network as a CIDR, prefix always written: `52.1.2.3` is `52.1.2.3/32`. */
export function networkCidr(rule: Ipv4Rule): string {
  return `${formatIpv4(rule.first)}/${rule.prefix}`;
}

/** A number that identifies the network (same network ⇔ same key). */
export function networkKey(rule: Ipv4Rule): number {
  return rule.first * 64 + rule.prefix;
}

export function sameNetwork(a: Ipv4Rule, b: Ipv4Rule): boolean {
  return a.first === b.first && a.prefix === b.prefix;
}

/** True when `inner` lies wholly inside `outer` (equal networks included). */
export function contains(outer: Ipv4Rule, inner: Ipv4Rule): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

export function overlaps(a: Ipv4Rule, b: Ipv4Rule): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Two IPv4 ranges or addresses, as text, share an address. Anything that is not IPv4 overlaps nothing. */
export function rangesOverlap(a: string, b: string): boolean {
  const left = parseIpRule(a);
  const right = parseIpRule(b);
  return left.kind === 'ipv4' && right.kind === 'ipv4' && overlaps(left.rule, right.rule);
}

/** The ranges among `ranges` that overlap Docker's default bridge. */
export function dockerBridgeOverlaps(ranges: readonly string[]): string[] {
  return ranges.filter((range) => rangesOverlap(range, DOCKER_BRIDGE_RANGE));
}

const RESERVED_RULES: readonly { readonly range: ReservedRange; readonly rule: Ipv4Rule }[] = RESERVED_IPV4_RANGES.map(
  (range) => {
    const parsed = parseIpRule(range.cidr);
    if (parsed.kind !== 'ipv4') throw new Error(`Bad reserved range ${range.cidr}`);
    return { range, rule: parsed.rule };
  },
);

/** Every reserved range the rule overlaps, in table order. */
export function reservedOverlaps(rule: Ipv4Rule): ReservedRange[] {
  const found: ReservedRange[] = [];
  for (let index = 0; index < RESERVED_RULES.length; index++) {
    const reserved = RESERVED_RULES[index];
    if (rule.first <= reserved.rule.last && reserved.rule.first <= rule.last) found.push(reserved.range);
  }
  return found;
}

/** True when the rule covers only public internet addresses. */
export function isPublic(rule: Ipv4Rule): boolean {
  return reservedOverlaps(rule).length === 0;
}

/** The first problem of a rule value, or undefined when Azure accepts it as written. */
export function ipRuleProblem(parsed: IpRuleParse): IpRuleProblem | undefined {
  if (parsed.kind === 'invalid') {
    return {
      kind: 'invalid',
      message: `"${parsed.text}" is not an IPv4 address or CIDR: ${parsed.problem}. Write it as a.b.c.d or a.b.c.d/n, for example 52.168.10.0/24.`,
    };
  }
  if (parsed.kind === 'ipv6') {
    return {
      kind: 'ipv6',
      message: `"${parsed.text}" is IPv6; workspace IP rules accept IPv4 only. Use the public IPv4 address or range instead.`,
    };
  }
  const { rule } = parsed;
  const reserved = reservedOverlaps(rule);
  if (reserved.length > 0) return { kind: 'reserved', message: reservedMessage(rule, reserved), reserved };
  if (!isCanonical(rule)) {
    const canonical = canonicalText(rule);
    return {
      kind: 'non-canonical',
      message: `"${rule.text}" has host bits set; the network is ${canonical}. Write ${canonical}.`,
      canonical,
    };
  }
  return undefined;
}

function reservedMessage(rule: Ipv4Rule, reserved: readonly ReservedRange[]): string {
  const [first] = reserved;
  const others =
    reserved.length > 1 ? ` and ${reserved.length - 1} other reserved range${reserved.length > 2 ? 's' : ''}` : '';
  return (
    `"${rule.text}" overlaps the reserved range ${first.cidr} (${first.purpose})${others}; ` +
    'Azure accepts only public internet addresses. Use the public address your traffic comes from.'
  );
}

/** What a service's IP rules accept where services differ: the one table of it (the wizards and plans read it). */
export interface IpRuleService {
  /** "a workspace", in messages. */
  readonly label: string;
  readonly maxRules: number;
  /** False: /31 and /32 prefixes are refused, a single address is written bare. */
  readonly acceptsSingleHostPrefixes: boolean;
}

export const IP_RULE_SERVICES = {
  workspace: { label: 'a workspace', maxRules: MAX_WORKSPACE_IP_RULES, acceptsSingleHostPrefixes: true },
  // Learn, "Configure Azure AI services virtual networks": up to 100 IP network rules; /31 and /32 are not supported.
  aiServices: { label: 'an AI Services account', maxRules: 100, acceptsSingleHostPrefixes: false },
} as const satisfies Record<string, IpRuleService>;

/** What `service` refuses in a rule every service accepts, or undefined. */
export function serviceRuleProblem(rule: Ipv4Rule, service: IpRuleService): string | undefined {
  if (service.acceptsSingleHostPrefixes || !rule.hasPrefix || rule.prefix < 31) return undefined;
  const addresses =
    rule.prefix === 32 ? formatIpv4(rule.first) : `${formatIpv4(rule.first)} and ${formatIpv4(rule.last)}`;
  return `"${rule.text}": ${service.label} does not accept /${rule.prefix} prefixes. Write ${addresses} instead.`;
}

/** One entry of a pasted list: its place in the paste and what it parsed to. */
export interface IpListEntry {
  readonly text: string;
  /** Offsets in the pasted text. */
  readonly start: number;
  readonly end: number;
  readonly parsed: IpRuleParse;
  readonly problem: IpRuleProblem | undefined;
  /** Index of an earlier entry with the same network. */
  readonly duplicateOf?: number;
}

/** Splits a paste (commas, semicolons, spaces, newlines; JSON-style brackets and quotes ignored) into checked entries. */
export function parseIpList(paste: string): IpListEntry[] {
  const entries: IpListEntry[] = [];
  const firstByNetwork = new Map<number, number>();
  for (const match of paste.matchAll(/[^\s,;[\]"']+/g)) {
    const text = match[0];
    const start = match.index ?? 0;
    const parsed = parseIpRule(text);
    const problem = ipRuleProblem(parsed);
    let duplicateOf: number | undefined;
    if (parsed.kind === 'ipv4') {
      const key = networkKey(parsed.rule);
      duplicateOf = firstByNetwork.get(key);
      if (duplicateOf === undefined) firstByNetwork.set(key, entries.length);
    }
    entries.push({
      text,
      start,
      end: start + text.length,
      parsed,
      problem,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    });
  }
  return entries;
}

/** What a hover shows about one rule. */
export interface IpRuleFacts {
  readonly cidr: string;
  readonly firstAddress: string;
  readonly lastAddress: string;
  readonly addressCount: number;
  readonly isPublic: boolean;
  readonly reserved: readonly ReservedRange[];
}

export function describeIpRule(rule: Ipv4Rule): IpRuleFacts {
  const reserved = reservedOverlaps(rule);
  return {
    cidr: networkCidr(rule),
    firstAddress: formatIpv4(rule.first),
    lastAddress: formatIpv4(rule.last),
    addressCount: addressCount(rule),
    isPublic: reserved.length === 0,
    reserved,
  };
}
