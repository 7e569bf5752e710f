import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { documentsFromCst } from '../../../src/yaml/engine/cstTree';
import { HubYamlParser, parseHubDocuments } from '../../../src/yaml/engine/yamlParser';
import { type ParsedDocument, type YamlNode, isAlias, isMap, isScalar } from '../../../src/yaml/engine/yamlTree';
import { validateHubYaml } from '../../../src/yaml/engine';
import { hubWithAcls } from './helpers';

const fromCst = (text: string) => documentsFromCst(Array.from(new HubYamlParser().parse(text)));

/** A tree as plain data: kinds, ranges, scalar values and styles. */
function shape(node: YamlNode | null): unknown {
  if (node === null) return null;
  if (isScalar(node)) return { scalar: node.value, style: node.style, range: node.range };
  if (isAlias(node)) return { alias: node.name, range: node.range };
  if (isMap(node))
    return { map: node.items.map((pair) => [shape(pair.key), shape(pair.value)]), flow: node.flow, range: node.range };
  return { seq: node.items.map(shape), flow: node.flow, range: node.range };
}

const documentShape = (document: ParsedDocument) => ({ range: document.range, root: shape(document.root) });

const SEEDS = [
  hubWithAcls(
    '  default_action: Deny  # only these\n  ip_rules:\n    - value: "52.1.2.0/24"\n    - value: 20.30.40.50  # home\n    -\n    - value: \'13.64.0.0/11\'\n\n# end\n',
  ),
  'kind: hub\nmanaged_network:\n  isolation_mode: allow_only_approved_outbound\n  outbound_rules:\n  - name: pypi\n    type: fqdn\n    destination: pypi.org\n  - name: kv\n    type: private_endpoint\n    destination:\n      spark_enabled: true\n      port: 443\n',
  '# hub\n---\nkind: hub\nnetwork_acls:\n  default_action:\n  ip_rules: # none yet\n\ntags:\n  env: ~\n  count: 0x1F\n  ratio: .5\n',
];

const NOISE = [
  ' ',
  '  ',
  '\n',
  '- ',
  ': ',
  ':',
  '#',
  ' #c',
  '"',
  "'",
  'value: ',
  '  - ',
  'x',
  '\t',
  '---\n',
  '~',
  'true',
];

describe('check trees built from the CST', () => {
  it('are built for plain block YAML, and left to the composer for anything else', () => {
    assert.ok(fromCst(SEEDS[0]!));
    assert.ok(fromCst(SEEDS[2]!));
    for (const other of [
      'a: {b: 1}',
      'a: [1]',
      'a: &x 1\nb: *x',
      'a: !!str 1',
      'a: |\n  text\n',
      '? a\n: b',
      'a: "line\n  two"',
      'a: "esc\\n"',
      'a: b: c',
      '%YAML 1.2\n---\na: 1',
      'a: 1\n...\n',
      'a:\n\t- b',
      'a: 1\n b: 2',
    ])
      assert.equal(fromCst(other), undefined, other);
  });

  it('match the composed trees exactly (ranges, values, styles), and so give the same diagnostics', () => {
    let built = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(fc.record({ at: fc.nat(), text: fc.constantFrom(...NOISE), drop: fc.integer({ min: 0, max: 3 }) }), {
          minLength: 0,
          maxLength: 4,
        }),
        (seed, changes) => {
          let text = seed;
          for (const change of changes) {
            const at = change.at % (text.length + 1);
            text = text.slice(0, at) + change.text + text.slice(at + change.drop);
          }
          runs++;
          const fast = fromCst(text);
          const composed = parseHubDocuments(text, { compose: true });
          if (fast) {
            built++;
            assert.deepEqual(fast.map(documentShape), composed.map(documentShape), JSON.stringify(text));
            assert.ok(
              composed.every((document) => document.errors.length === 0),
              JSON.stringify(text),
            );
          }
          assert.deepEqual(
            validateHubYaml(text, { force: true, rethrow: true }),
            validateHubYaml(text, { force: true, rethrow: true, compose: true }),
            JSON.stringify(text),
          );
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
    // The comparison must not be empty: most mutated files stay plain block YAML.
    assert.ok(built > runs / 3, `${built} of ${runs} files were built from the CST`);
  });
});
