/**
 * The emulator's server-side IP rule checks (its own table, written from Microsoft Learn's wording) against the IANA
 * oracle, as the client's table is in test/unit/model/reservedRanges.test.ts: the two tables never meet, so a wrong
 * range on either side fails one of the two tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmError } from '../../../src/emulator/arm';
import { ipRuleProblem, validateWorkspaceIpRules } from '../../../src/emulator/ipRuleValidation';
import {
  ADDRESS_COUNT,
  KNOWN_DIVERGENCES,
  REGISTRY_BLOCKS,
  isGloballyReachable,
  isRangeGloballyReachable,
  textOf,
} from '../../oracles/globalReachability';
import { seededRandom } from '../../oracles/random';

const refusedByEmulator = (value: string): boolean => /reserved for/.test(ipRuleProblem(value) ?? '');

describe('emulator: IP rules refused as Azure documents it', () => {
  it('refuses exactly the addresses the IANA registry says are not globally reachable (edges and 20k random)', () => {
    const next = seededRandom(99);
    const edges = REGISTRY_BLOCKS.flatMap(({ first, last }) => [first - 1, first, last, last + 1]).filter(
      (address) => address >= 0 && address < ADDRESS_COUNT,
    );
    const addresses = [...edges, ...Array.from({ length: 20_000 }, () => Math.floor(next() * ADDRESS_COUNT))];
    const disagreements = addresses.flatMap((address) => {
      const text = textOf(address);
      const refused = refusedByEmulator(text);
      const oracle = !isGloballyReachable(address);
      return refused === oracle || (refused && KNOWN_DIVERGENCES.has(text)) ? [] : [text];
    });
    assert.deepEqual(disagreements, []);
  });

  it('refuses a range that reaches into a non-public block, and names the block', () => {
    const next = seededRandom(7);
    for (let index = 0; index < 5_000; index++) {
      const prefix = 8 + Math.floor(next() * 25);
      const span = 2 ** (32 - prefix);
      const first = Math.floor(Math.floor(next() * ADDRESS_COUNT) / span) * span;
      const text = `${textOf(first)}/${prefix}`;
      const oracle = !isRangeGloballyReachable(first, first + span - 1);
      if (prefix === 32 && KNOWN_DIVERGENCES.has(textOf(first))) continue;
      assert.equal(refusedByEmulator(text), oracle, text);
    }
    assert.match(
      ipRuleProblem('198.51.100.0/24') ?? '',
      /198\.51\.100\.0-198\.51\.100\.255, reserved for documentation/,
    );
  });

  it('keeps at most 200 rules on a workspace (Learn), and says so', () => {
    const rules = (count: number) => Array.from({ length: count }, (_, index) => ({ value: `52.0.${index}.1` }));
    assert.equal(validateWorkspaceIpRules(rules(200)).length, 200);
    assert.throws(
      () => validateWorkspaceIpRules(rules(201)),
      (error: unknown) => error instanceof ArmError && /201 rules; a workspace allows at most 200/.test(error.message),
    );
  });
});
