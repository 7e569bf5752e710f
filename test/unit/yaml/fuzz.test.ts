import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  completionContextAt,
  fixAll,
  hoverAt,
  HubYamlValidator,
  summarizeDocument,
  validateHubYaml,
} from '../../../src/yaml/engine';
import { hubWithAcls } from './helpers';

const SEEDS = [
  hubWithAcls(
    '  default_action: Deny\n  ip_rules:\n    - value: "52.1.2.0/24"\n    - value: 20.30.40.50  # home\n    - value: 13.64.0.0/11\n',
  ),
  hubWithAcls('    ip_rules:\n        value: "52.1.2.3/24"\n        value: "20.30.40.50"\n    default_action: deny\n'),
  'kind: hub\nmanaged_network:\n  isolation_mode: allow_only_approved_outbound\n  outbound_rules:\n    - name: pypi\n      type: fqdn\n      destination: pypi.org\n    - name: st\n      type: service_tag\n      destination: {service_tag: Storage, protocol: TCP, port_ranges: "443"}\n',
  `kind: hub\nnetwork_acls: {default_action: Deny, ip_rules: [52.1.2.3, {value: 40.1.1.1}]}\n---\nkind: Deployment\n---\n`,
];

/** Characters that change YAML structure most often. */
const NOISE = [
  ' ',
  '  ',
  '\n',
  '-',
  '- ',
  ':',
  ': ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '---\n',
  '\t',
  '|',
  '&a ',
  '*a',
  '!!str ',
  'value: ',
  '?',
  '10.0.0.1',
  '::1',
  '/33',
  '...\n',
  '%YAML 1.2\n',
];

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const change of mutations) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1);
    if (change.kind === 'insert') result = result.slice(0, at) + change.text + result.slice(at);
    else if (change.kind === 'delete') result = result.slice(0, at) + result.slice(at + change.length);
    else {
      const start = at === 0 ? 0 : result.lastIndexOf('\n', at - 1) + 1;
      const end = result.indexOf('\n', at);
      const line = result.slice(start, end < 0 ? result.length : end + 1);
      result = result.slice(0, start) + line + (line.endsWith('\n') ? '' : '\n') + result.slice(start);
    }
  }
  return result;
}

describe('fuzz: random mutations of valid hub files', () => {
  it('never throws, keeps ranges inside the text, and agrees with incremental validation', () => {
    const validator = new HubYamlValidator({ rethrow: true });
    let slowest = { time: 0, text: '' };
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        const text = mutate(seed, mutations);
        const started = performance.now();
        const diagnostics = validateHubYaml(text, { rethrow: true });
        const took = performance.now() - started;
        if (took > slowest.time) slowest = { time: took, text };
        for (const item of diagnostics) {
          assert.ok(
            item.range.start >= 0 && item.range.start <= item.range.end && item.range.end <= text.length,
            JSON.stringify({ text, item }),
          );
          for (const edit of item.fixes?.flatMap((fix) => fix.edits) ?? [])
            assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length);
        }
        assert.deepEqual(validator.update(text), diagnostics);
      }),
      { numRuns: 2500, seed: 42 },
    );
    console.log(
      `fuzz: slowest validation of a mutated file: ${slowest.time.toFixed(2)} ms for ${JSON.stringify(slowest.text)}`,
    );
  });

  it('fix all never turns a file that parses into one that does not, and reaches a fixed point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
        const text = mutate(seed, mutations);
        const syntaxErrors = (source: string) =>
          validateHubYaml(source, { force: true, rethrow: true }).filter((item) => item.code === 'yaml-syntax').length;
        const before = syntaxErrors(text);
        const { text: fixed } = fixAll(text, { rethrow: true });
        if (before === 0) assert.equal(syntaxErrors(fixed), 0, JSON.stringify({ text, fixed }));
        assert.equal(fixAll(fixed, { rethrow: true }).applied, 0, JSON.stringify({ text, fixed }));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('editor helpers (completion context, hover, summary) never throw', () => {
    const validator = new HubYamlValidator({ rethrow: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (seed, mutations, at) => {
          const text = mutate(seed, mutations);
          const offset = at % (text.length + 1);
          validator.update(text);
          const context = completionContextAt(text, offset);
          assert.ok(context.replaceRange.start <= offset && context.replaceRange.end === offset);
          const hover = hoverAt(validator, offset);
          if (hover) assert.ok(hover.range.start <= offset && offset <= hover.range.end);
          for (const placed of validator.documents()) summarizeDocument(placed.analysis, placed.offset);
        },
      ),
      { numRuns: 1000, seed: 3 },
    );
  });
});
