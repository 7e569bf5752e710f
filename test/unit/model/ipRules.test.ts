import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ipaddr from 'ipaddr.js';
import {
  addressCount,
  canonicalText,
  contains,
  describeIpRule,
  formatIpv4,
  ipRuleProblem,
  networkCidr,
  overlaps,
  parseIpList,
  parseIpRule,
  reservedOverlaps,
  sameNetwork,
  type Ipv4Rule,
} from '../../../src/model/ipRules';
import { isRangeGloballyReachable } from '../../oracles/globalReachability';
import { seededRandom } from '../../oracles/random';

function rule(text: string): Ipv4Rule {
  const parsed = parseIpRule(text);
  assert.equal(parsed.kind, 'ipv4', `${text} should parse as IPv4`);
  return (parsed as { rule: Ipv4Rule }).rule;
}

describe('parseIpRule', () => {
  it('accepts addresses and CIDRs, /0 to /32', () => {
    for (const text of [
      '52.1.2.3',
      '0.0.0.0/0',
      '52.1.2.3/32',
      '20.0.0.0/8',
      '255.255.255.255',
      '13.107.6.0/24',
      '40.0.0.1/1',
    ]) {
      assert.equal(parseIpRule(text).kind, 'ipv4', text);
    }
  });

  it('rejects malformed values, with the reason', () => {
    const cases: [string, RegExp][] = [
      ['1.2.3', /instead of four octets/],
      ['256.1.1.1', /above 255/],
      ['1.2.3.4/33', /above \/32/],
      ['1.2.3.4/', /missing/],
      ['01.2.3.4', /leading zero/],
      ['1.2.3.04/24', /leading zero/],
      ['1.2.3.4/08', /leading zero/],
      ['52.1.2.3 ', /spaces/],
      [' 52.1.2.3', /spaces/],
      ['52.1.2.3 /24', /spaces/],
      ['', /empty/],
      ['1.2.3.4/24/8', /more than one/],
      ['a.b.c.d', /not a decimal/],
      ['1.2.3.4/x', /not a number/],
      ['0x1.2.3.4', /not a decimal/],
      ['1.2.3.4.5', /instead of four/],
      ['1.2.3.4/100', /above \/32/],
      ['1.2.3.1000', /above 255/],
    ];
    for (const [text, reason] of cases) {
      const parsed = parseIpRule(text);
      assert.equal(parsed.kind, 'invalid', JSON.stringify(text));
      assert.match((parsed as { problem: string }).problem, reason, JSON.stringify(text));
    }
  });

  it('recognises IPv6 addresses and prefixes, but not IPv6-looking junk', () => {
    for (const text of ['::1', '2001:db8::/32', 'fe80::1', '::ffff:52.1.2.3', '2603:1030::/48', '::']) {
      assert.equal(parseIpRule(text).kind, 'ipv6', text);
    }
    for (const text of ['1::2::3', '2001:db8::/129', ':::', '52.1.2.3:80'])
      assert.equal(parseIpRule(text).kind, 'invalid', text);
  });

  it('computes the network, the first and last address and the count', () => {
    const parsed = rule('52.1.2.3/24');
    assert.equal(formatIpv4(parsed.first), '52.1.2.0');
    assert.equal(formatIpv4(parsed.last), '52.1.2.255');
    assert.equal(addressCount(parsed), 256);
    assert.equal(canonicalText(parsed), '52.1.2.0/24');
    assert.equal(canonicalText(rule('52.1.2.3')), '52.1.2.3');
    assert.equal(networkCidr(rule('52.1.2.3')), '52.1.2.3/32');
    assert.equal(addressCount(rule('0.0.0.0/0')), 4294967296);
    assert.equal(formatIpv4(rule('0.0.0.0/0').last), '255.255.255.255');
    assert.equal(addressCount(rule('52.1.2.3/32')), 1);
  });

  it('compares networks: same, contains, overlaps', () => {
    assert.ok(sameNetwork(rule('52.1.2.3'), rule('52.1.2.3/32')));
    assert.ok(sameNetwork(rule('52.1.2.3/24'), rule('52.1.2.0/24')));
    assert.ok(!sameNetwork(rule('52.1.2.0/24'), rule('52.1.2.0/25')));
    assert.ok(contains(rule('52.1.0.0/16'), rule('52.1.2.3')));
    assert.ok(!contains(rule('52.1.2.3'), rule('52.1.0.0/16')));
    assert.ok(overlaps(rule('52.1.2.3'), rule('52.1.0.0/16')));
    assert.ok(!overlaps(rule('52.1.2.0/24'), rule('52.1.3.0/24')));
  });
});

describe('reserved ranges', () => {
  it('flags the edges of reserved ranges and not their public neighbours', () => {
    const reserved = [
      '10.0.0.0',
      '10.255.255.255',
      '172.16.0.0',
      '172.31.255.255',
      '100.64.0.0',
      '100.127.255.255',
      '169.254.1.1',
      '192.168.255.255',
      '198.18.0.0',
      '198.19.255.255',
      '224.0.0.1',
      '255.255.255.255',
      '0.1.2.3',
      '127.0.0.1',
      '192.0.0.8',
      '192.88.99.1',
      '240.0.0.0',
      '192.0.2.0',
      '192.0.2.255',
      '198.51.100.0',
      '198.51.100.255',
      '203.0.113.0',
      '203.0.113.255',
    ];
    const publicNeighbours = [
      '9.255.255.255',
      '11.0.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '169.253.255.255',
      '192.167.255.255',
      '192.169.0.0',
      '198.17.255.255',
      '198.20.0.0',
      '223.255.255.255',
      '1.0.0.0',
      '126.255.255.255',
      '128.0.0.0',
      '192.0.1.0',
      '192.88.98.255',
      '192.88.100.0',
      '192.0.1.255',
      '192.0.3.0',
      '198.51.99.255',
      '198.51.101.0',
      '203.0.112.255',
      '203.0.114.0',
    ];
    for (const text of reserved) assert.ok(reservedOverlaps(rule(text)).length > 0, text);
    for (const text of publicNeighbours) assert.deepEqual(reservedOverlaps(rule(text)), [], text);
  });

  it('flags a public-looking range that reaches into a reserved one', () => {
    assert.deepEqual(
      reservedOverlaps(rule('8.0.0.0/6')).map((range) => range.cidr),
      ['10.0.0.0/8'],
    );
    // The table of the spec (the team's hub-yaml-rules.md), written out here rather than read from the module.
    assert.deepEqual(
      reservedOverlaps(rule('0.0.0.0/0')).map((range) => range.cidr),
      [
        '0.0.0.0/8',
        '10.0.0.0/8',
        '100.64.0.0/10',
        '127.0.0.0/8',
        '169.254.0.0/16',
        '172.16.0.0/12',
        '192.0.0.0/24',
        '192.0.2.0/24',
        '192.88.99.0/24',
        '192.168.0.0/16',
        '198.18.0.0/15',
        '198.51.100.0/24',
        '203.0.113.0/24',
        '224.0.0.0/4',
        '240.0.0.0/4',
        '255.255.255.255/32',
      ],
    );
    assert.deepEqual(reservedOverlaps(rule('52.0.0.0/8')), []);
  });

  it('names the range in the problem message and stops at the first problem', () => {
    const problem = ipRuleProblem(parseIpRule('10.1.2.3/24'));
    assert.equal(problem?.kind, 'reserved');
    assert.match(problem?.message ?? '', /10\.0\.0\.0\/8 \(private network \(RFC 1918\)\)/);
    assert.equal(ipRuleProblem(parseIpRule('52.1.2.3/24'))?.kind, 'non-canonical');
    assert.equal(ipRuleProblem(parseIpRule('52.1.2.3/24'))?.canonical, '52.1.2.0/24');
    assert.equal(ipRuleProblem(parseIpRule('52.1.2.0/24')), undefined);
    assert.equal(ipRuleProblem(parseIpRule('::1'))?.kind, 'ipv6');
    assert.equal(ipRuleProblem(parseIpRule('1.2.3'))?.kind, 'invalid');
  });

  it('describes a rule for hovers', () => {
    const facts = describeIpRule(rule('52.1.2.0/30'));
    assert.deepEqual(
      { ...facts, reserved: facts.reserved.length },
      {
        cidr: '52.1.2.0/30',
        firstAddress: '52.1.2.0',
        lastAddress: '52.1.2.3',
        addressCount: 4,
        isPublic: true,
        reserved: 0,
      },
    );
    assert.equal(describeIpRule(rule('192.168.1.0/24')).isPublic, false);
  });
});

describe('parseIpList', () => {
  it('splits a paste by commas, spaces and newlines, with positions and duplicates', () => {
    const paste = '52.1.2.3, 20.1.0.0/16\n 10.0.0.1;52.1.2.3/32  1.2.3';
    const entries = parseIpList(paste);
    assert.deepEqual(
      entries.map((entry) => entry.text),
      ['52.1.2.3', '20.1.0.0/16', '10.0.0.1', '52.1.2.3/32', '1.2.3'],
    );
    for (const entry of entries) assert.equal(paste.slice(entry.start, entry.end), entry.text);
    assert.deepEqual(
      entries.map((entry) => entry.problem?.kind),
      [undefined, undefined, 'reserved', undefined, 'invalid'],
    );
    assert.equal(entries[3].duplicateOf, 0);
  });

  it('reads a JSON array and returns nothing for an empty paste', () => {
    assert.deepEqual(
      parseIpList('["52.1.2.3", "13.64.0.0/11"]').map((entry) => entry.text),
      ['52.1.2.3', '13.64.0.0/11'],
    );
    assert.deepEqual(parseIpList(' \n, '), []);
  });
});

/** The independent reading: ipaddr.js's own strict four-part check plus a prefix check. */
function referenceParse(text: string): { network: string; prefix: number } | undefined {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || !ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  if (prefix !== undefined && !/^(0|[1-9]\d?)$/.test(prefix)) return undefined;
  const bits = prefix === undefined ? 32 : Number(prefix);
  if (bits > 32) return undefined;
  return { network: ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`).toString(), prefix: bits };
}

function randomCandidate(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const octet = (): string =>
    next() < 0.85
      ? String(Math.floor(next() * 256))
      : pick([String(Math.floor(next() * 300)), '0', '00', '01', '255', '256', ' 1', '1a', '']);
  const parts = Array.from({ length: pick([4, 4, 4, 4, 3, 5]) }, octet);
  let text = parts.join(pick(['.', '.', '.', '.', ',', '..']));
  const suffix = pick(['', '', `/${Math.floor(next() * 40)}`, '/', '/08', '/ 8', '/32', '/0']);
  text += suffix;
  return next() < 0.02 ? pick(['::1', 'fe80::/10', `${text}:`, text.toUpperCase()]) : text;
}

// The reserved check has its own differential test against the IANA registry: reservedRanges.test.ts.
describe('differential: parseIpRule agrees with ipaddr.js', () => {
  it('on 100k random strings', () => {
    const next = seededRandom(20240601);
    let accepted = 0;
    for (let index = 0; index < 100_000; index++) {
      const text = randomCandidate(next);
      const ours = parseIpRule(text);
      const reference = referenceParse(text);
      assert.equal(ours.kind === 'ipv4', reference !== undefined, `acceptance of ${JSON.stringify(text)}`);
      if (ours.kind !== 'ipv4' || !reference) continue;
      accepted++;
      assert.equal(formatIpv4(ours.rule.first), reference.network, text);
      assert.equal(ours.rule.prefix, reference.prefix, text);
    }
    assert.ok(accepted > 10_000, `enough valid samples (${accepted})`);
  });

  it('on 100k random addresses and prefixes: the same network, first and last address', () => {
    const next = seededRandom(7);
    for (let index = 0; index < 100_000; index++) {
      const address = Math.floor(next() * 4294967296);
      const prefix = next() < 0.5 ? 32 : Math.floor(next() * 33);
      const text = `${formatIpv4(address)}/${prefix}`;
      const parsed = rule(text);
      assert.equal(formatIpv4(parsed.first), ipaddr.IPv4.networkAddressFromCIDR(text).toString(), text);
      assert.equal(formatIpv4(parsed.last), ipaddr.IPv4.broadcastAddressFromCIDR(text).toString(), text);
    }
  });
});

describe('reservedOverlaps on ranges that straddle a reserved block', () => {
  it('agrees with the IANA oracle on every block boundary crossed by a /8 to /30 (reservedRanges.test.ts has the rest)', () => {
    for (const text of [
      '100.0.0.0/8',
      '172.0.0.0/8',
      '192.0.0.0/16',
      '198.0.0.0/8',
      '203.0.112.0/22',
      '223.255.255.252/30',
    ]) {
      const parsed = rule(text);
      assert.equal(reservedOverlaps(parsed).length > 0, !isRangeGloballyReachable(parsed.first, parsed.last), text);
    }
  });
});
