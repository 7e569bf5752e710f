/**
 * An oracle for "is this IPv4 address on the public internet?", built from two sources that share nothing with
 * src/model/reservedRanges.ts or the emulator's table: a copy of the IANA special-purpose registry (the "Globally
 * Reachable" column; see iana-ipv4-special-registry.json for its source and date) and ipaddr.js's own range() names.
 * The registry decides; ipaddr.js cross-checks the copy, which was written by hand.
 */
import ipaddr from 'ipaddr.js';
import registry from './iana-ipv4-special-registry.json';

export interface RegistryBlock {
  readonly addressBlock: string;
  readonly name: string;
  readonly first: number;
  readonly last: number;
  readonly prefix: number;
  /** The registry's "Globally Reachable"; null where it is empty (a terminated allocation). */
  readonly globallyReachable: boolean | null;
}

export const ADDRESS_COUNT = 2 ** 32;

export function addressOf(text: string): number {
  return ipaddr.IPv4.parse(text)
    .toByteArray()
    .reduce((value, octet) => value * 256 + octet, 0);
}

export function textOf(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

function blockOf(addressBlock: string, name: string, globallyReachable: boolean | null): RegistryBlock {
  const [, prefix] = ipaddr.IPv4.parseCIDR(addressBlock);
  const first = addressOf(ipaddr.IPv4.networkAddressFromCIDR(addressBlock).toString());
  if (textOf(first) !== addressBlock.split('/')[0])
    throw new Error(`${addressBlock} in the registry copy is not a network`);
  return { addressBlock, name, first, last: first + 2 ** (32 - prefix) - 1, prefix, globallyReachable };
}

/** Every block of the copy: the special-purpose registry, and multicast from the address-space registry. */
export const REGISTRY_BLOCKS: readonly RegistryBlock[] = [
  ...registry.records.map((record) => blockOf(record.addressBlock, record.name, record.globallyReachable)),
  // A multicast group is never the source of a request: not reachable as a client address.
  ...registry.addressSpace.records.map((record) => blockOf(record.addressBlock, record.designation, false)),
];

const containing = (address: number) =>
  REGISTRY_BLOCKS.filter((block) => block.first <= address && address <= block.last).sort(
    (a, b) => a.prefix - b.prefix,
  );

/**
 * The registry's answer for one address. The most specific block decides (the registry's footnote on 192.0.0.0/24:
 * "not usable unless by virtue of a more specific reservation"). An address in no block is ordinary unicast.
 */
export function isGloballyReachable(address: number): boolean {
  const blocks = containing(address);
  return blocks.length === 0 || blocks[blocks.length - 1]!.globallyReachable === true;
}

/** ipaddr.js's names that are globally reachable special ranges (AS112 and AMT relays). */
const REACHABLE_SPECIAL_NAMES = new Set(['as112', 'amt']);

/**
 * Where ipaddr.js and the registry copy disagree about an address, at the level of whole blocks (ipaddr.js has no
 * more specific entries than /24), or undefined. A typo in the hand-written copy shows up here.
 */
export function sourcesDisagree(address: number): string | undefined {
  const name = ipaddr.IPv4.parse(textOf(address)).range();
  const broadest = containing(address)[0];
  const where = `${textOf(address)}: ipaddr.js says ${name}, the registry copy ${broadest ? `${broadest.addressBlock} (${broadest.name})` : 'no block'}`;
  if (name === 'unicast') return broadest ? where : undefined;
  if (!broadest) return where;
  const reachable = broadest.globallyReachable === true;
  return reachable === REACHABLE_SPECIAL_NAMES.has(name) ? undefined : where;
}

/**
 * Where our spec is knowingly stricter than the registry: it refuses all of 192.0.0.0/24 (the table of the team's
 * hub-yaml-rules.md), while the registry marks two anycast addresses inside it globally reachable. The differential
 * tests require each one to still be found, so a change on either side fails them until this list is updated.
 */
export const KNOWN_DIVERGENCES: ReadonlyMap<string, string> = new Map([
  ['192.0.0.9', 'Port Control Protocol anycast (RFC 7723)'],
  ['192.0.0.10', 'TURN anycast (RFC 8155)'],
]);

export interface ReachabilitySpan {
  readonly first: number;
  readonly last: number;
  readonly reachable: boolean;
}

/** The whole address space as consecutive spans of one verdict each: the oracle for ranges. */
export const REACHABILITY_SPANS: readonly ReachabilitySpan[] = (() => {
  const bounds = [
    ...new Set([0, ADDRESS_COUNT, ...REGISTRY_BLOCKS.flatMap((block) => [block.first, block.last + 1])]),
  ].sort((a, b) => a - b);
  const spans: ReachabilitySpan[] = [];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const first = bounds[index]!;
    const last = bounds[index + 1]! - 1;
    // Blocks are CIDRs, so they nest or are disjoint: one verdict holds from a bound to the next.
    const reachable = isGloballyReachable(first);
    const previous = spans.at(-1);
    if (previous && previous.reachable === reachable) spans[spans.length - 1] = { ...previous, last };
    else spans.push({ first, last, reachable });
  }
  return spans;
})();

/** True when every address from first to last is globally reachable. */
export function isRangeGloballyReachable(first: number, last: number): boolean {
  return !REACHABILITY_SPANS.some((span) => !span.reachable && span.first <= last && first <= span.last);
}
