/**
 * src/model/reservedRanges.ts (through ipRules.reservedOverlaps, as every feature reads it) against an oracle that
 * shares nothing with it: the IANA special-purpose registry's "Globally Reachable" column and ipaddr.js's range names
 * (test/oracles). A wrong, missing or widened range in our table is a disagreement here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIpRule, reservedOverlaps, type Ipv4Rule } from '../../../src/model/ipRules';
import { RESERVED_IPV4_RANGES } from '../../../src/model/reservedRanges';
import {
  ADDRESS_COUNT,
  KNOWN_DIVERGENCES,
  REACHABILITY_SPANS,
  REGISTRY_BLOCKS,
  isGloballyReachable,
  isRangeGloballyReachable,
  sourcesDisagree,
  textOf,
} from '../../oracles/globalReachability';
import { seededRandom } from '../../oracles/random';

const ADDRESSES = 100_000;
const RANGES = 20_000;

function ruleOf(text: string): Ipv4Rule {
  const parsed = parseIpRule(text);
  assert.equal(parsed.kind, 'ipv4', text);
  return (parsed as { rule: Ipv4Rule }).rule;
}

const refusedByUs = (text: string): boolean => reservedOverlaps(ruleOf(text)).length > 0;

/** The first, last and neighbouring addresses of every block either side knows: where an off-by-one would hide. */
function edgeAddresses(): number[] {
  const blocks = [
    ...REGISTRY_BLOCKS.map(({ first, last }) => ({ first, last })),
    ...RESERVED_IPV4_RANGES.map(({ cidr }) => ruleOf(cidr)),
  ];
  const edges = blocks.flatMap(({ first, last }) => [first - 1, first, first + 1, last - 1, last, last + 1]);
  return [...new Set(edges)].filter((address) => address >= 0 && address < ADDRESS_COUNT);
}

/** Edges first, then half uniform addresses and half addresses in or near a registry block (small blocks get hit). */
function sampleAddresses(count: number): number[] {
  const next = seededRandom(20261204);
  const addresses = edgeAddresses();
  while (addresses.length < count) {
    if (next() < 0.5) {
      addresses.push(Math.floor(next() * ADDRESS_COUNT));
    } else {
      const block = REGISTRY_BLOCKS[Math.floor(next() * REGISTRY_BLOCKS.length)]!;
      const from = Math.max(0, block.first - 256);
      const to = Math.min(ADDRESS_COUNT - 1, block.last + 256);
      addresses.push(from + Math.floor(next() * (to - from + 1)));
    }
  }
  return addresses;
}

function report(disagreements: readonly string[], total: number): string {
  return `${disagreements.length} of ${total} disagree, e.g. ${disagreements.slice(0, 8).join('; ')}`;
}

describe('the reserved IPv4 table against the IANA registry and ipaddr.js', () => {
  it('the registry copy and ipaddr.js agree on every edge and on 20k random addresses', () => {
    const next = seededRandom(1);
    const addresses = [...edgeAddresses(), ...Array.from({ length: 20_000 }, () => Math.floor(next() * ADDRESS_COUNT))];
    const disagreements = addresses.flatMap((address) => sourcesDisagree(address) ?? []);
    assert.deepEqual(disagreements, [], report(disagreements, addresses.length));
  });

  it(`refuses exactly the addresses the registry says are not globally reachable (${ADDRESSES / 1000}k addresses)`, () => {
    const addresses = sampleAddresses(ADDRESSES);
    const disagreements: string[] = [];
    const divergencesSeen = new Set<string>();
    let refused = 0;
    for (const address of addresses) {
      const text = textOf(address);
      const ours = refusedByUs(text);
      const oracle = !isGloballyReachable(address);
      if (ours) refused++;
      if (ours === oracle) continue;
      if (ours && KNOWN_DIVERGENCES.has(text)) divergencesSeen.add(text);
      else
        disagreements.push(
          `${text}: we ${ours ? 'refuse' : 'accept'} it, the registry says it is ${oracle ? 'not ' : ''}globally reachable`,
        );
    }
    assert.deepEqual(disagreements, [], report(disagreements, addresses.length));
    assert.deepEqual(
      [...divergencesSeen].sort(),
      [...KNOWN_DIVERGENCES.keys()].sort(),
      'each known divergence is still one',
    );
    // Both verdicts were exercised in bulk, not just a handful of edges.
    assert.ok(refused > ADDRESSES / 10 && refused < ADDRESSES * 0.9, `${refused} refused`);
  });

  it(`refuses exactly the ranges that reach a non-reachable address (${RANGES / 1000}k ranges)`, () => {
    const next = seededRandom(42);
    const disagreements: string[] = [];
    for (let index = 0; index < RANGES; index++) {
      const prefix = next() < 0.3 ? 32 : Math.floor(next() * 33);
      const span = 2 ** (32 - prefix);
      const first = Math.floor(Math.floor(next() * ADDRESS_COUNT) / span) * span;
      const text = `${textOf(first)}/${prefix}`;
      const ours = refusedByUs(text);
      const oracle = !isRangeGloballyReachable(first, first + span - 1);
      if (ours !== oracle && !(prefix === 32 && KNOWN_DIVERGENCES.has(textOf(first))))
        disagreements.push(`${text}: we ${ours ? 'refuse' : 'accept'} it`);
    }
    assert.deepEqual(disagreements, [], report(disagreements, RANGES));
  });

  it('refuses each non-reachable span of the registry as a whole, and accepts each reachable span between them', () => {
    const wrong = REACHABILITY_SPANS.flatMap((span) => {
      const inside = [span.first, Math.floor((span.first + span.last) / 2), span.last].map(textOf);
      return inside
        .filter((text) => refusedByUs(text) === span.reachable && !KNOWN_DIVERGENCES.has(text))
        .map((text) => `${text} (${span.reachable ? 'reachable' : 'not reachable'} span)`);
    });
    assert.deepEqual(wrong, []);
  });
});
