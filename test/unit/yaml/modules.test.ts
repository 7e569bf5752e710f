/**
 * The YAML engine's helper modules, each imported from its own file (the other YAML tests go through the index):
 * positions, document segments, sections and key tables, yaml node readers, diagnostics and edits, the completion
 * context. Where an independent reading exists (counting line breaks, the `yaml` library's own parse, the team's
 * hub-yaml-rules.md), the expectation comes from it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { parseHubDocuments } from '../../../src/yaml/engine/yamlParser';
import { isMap, type MapNode, type ScalarNode } from '../../../src/yaml/engine/yamlTree';
import { completionContextAt } from '../../../src/yaml/engine/completionContext';
import { applyEdits, compatibleSafeFixes } from '../../../src/yaml/engine/fixAll';
import {
  DEFAULT_ACTION_VALUES,
  HUB_YAML_KEYS,
  ISOLATION_MODES,
  ISOLATION_MODES_PASCAL,
  OUTBOUND_RULE_TYPES,
  PUBLIC_NETWORK_ACCESS_VALUES,
  WORKSPACE_KINDS,
  keyInfo,
  knownKeys,
} from '../../../src/yaml/engine/keys';
import { LineIndex, lineStartOf } from '../../../src/yaml/engine/lineIndex';
import { ITEM, sectionOfPath } from '../../../src/yaml/engine/sections';
import { splitSegments } from '../../../src/yaml/engine/segments';
import { DIAGNOSTIC_CODES, SEVERITY_OF, diagnostic, docsAnchor, type Diagnostic } from '../../../src/yaml/engine/types';
import {
  describeNode,
  isInlineScalar,
  keyName,
  lastPair,
  nodeRange,
  requote,
  stringValue,
} from '../../../src/yaml/engine/yamlNodes';

describe('lineIndex', () => {
  /** The independent reading: count the line breaks before the offset. */
  const expected = (text: string, offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) };
  };

  it('maps every offset to the line and column found by counting line breaks, and back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é'), { maxLength: 40 }), (characters) => {
        const text = characters.join('');
        const index = new LineIndex(text);
        assert.equal(index.lineCount, text.split('\n').length);
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(index.positionAt(offset), expected(text, offset));
          assert.equal(index.offsetAt(index.positionAt(offset)), offset);
          assert.equal(lineStartOf(text, offset), offset - expected(text, offset).column);
        }
      }),
    );
  });

  it('clamps offsets and positions outside the text, and counts one-based for the CLI', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(-5), { line: 0, column: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, column: 2 });
    assert.equal(index.offsetAt({ line: 0, column: 50 }), 2, 'a column past the line end stops at its end');
    assert.equal(index.offsetAt({ line: 9, column: 0 }), 3);
    assert.deepEqual(index.oneBasedAt(3), { line: 2, column: 1 });
  });
});

describe('segments', () => {
  const joined = (text: string) =>
    splitSegments(text)
      .map((segment) => segment.text)
      .join('');

  it('splits where the yaml library starts a document, and nowhere else, losing nothing', () => {
    for (const text of [
      'kind: hub\n',
      'kind: hub\n---\nkind: project\n',
      '---\nkind: hub\n--- # second\nkind: project\n---\n',
      'a: |\n  text\n---x\n  more\n',
      'a: "x\n---\n"\nb: 1\n',
      'a: 1\r\n---\r\nb: 2\r\n',
    ]) {
      const segments = splitSegments(text);
      assert.equal(joined(text), text, JSON.stringify(text));
      for (const segment of segments)
        assert.equal(text.slice(segment.start, segment.start + segment.text.length), segment.text);
      // The same documents; where a document is broken, broken in both (what a parser recovers may differ).
      type Parsed = { errors: readonly unknown[]; toJS(): unknown };
      const parsed = (source: string) => [parseAllDocuments(source)].flat() as Parsed[];
      const reading = (documents: readonly Parsed[]) =>
        documents.map((document) => (document.errors.length > 0 ? 'broken' : JSON.stringify(document.toJS())));
      assert.deepEqual(
        reading(segments.flatMap((segment) => parsed(segment.text))),
        reading(parsed(text)),
        JSON.stringify(text),
      );
    }
  });

  it('keeps documents tied together by a directive in one segment', () => {
    const text = '%YAML 1.2\n---\na: 1\n---\nb: 2\n';
    assert.deepEqual(splitSegments(text), [{ start: 0, text }]);
  });
});

describe('sections and key tables (against hub-yaml-rules.md)', () => {
  it('finds the key table of each path, and none elsewhere', () => {
    const cases: [string[], string | undefined, string?][] = [
      [[], 'workspace'],
      [['network_acls'], 'network_acls'],
      [['network_acls', 'ip_rules', ITEM], 'ip_rule'],
      [['network_acls', 'ip_rules'], undefined],
      [['managed_network'], 'managed_network'],
      [['managed_network', 'outbound_rules', ITEM], 'outbound_rule'],
      [['managed_network', 'outbound_rules', ITEM, 'destination'], 'service_tag_destination', 'service_tag'],
      [['managed_network', 'outbound_rules', ITEM, 'destination'], 'private_endpoint_destination', 'private_endpoint'],
      [['managed_network', 'outbound_rules', ITEM, 'destination'], undefined, 'fqdn'],
      [['tags'], undefined],
    ];
    for (const [path, section, type] of cases) assert.equal(sectionOfPath(path, type), section, path.join('.'));
  });

  it('holds the values the spec accepts', () => {
    assert.deepEqual([...PUBLIC_NETWORK_ACCESS_VALUES], ['Enabled', 'Disabled']);
    assert.deepEqual([...DEFAULT_ACTION_VALUES], ['Allow', 'Deny']);
    assert.deepEqual([...ISOLATION_MODES], ['disabled', 'allow_internet_outbound', 'allow_only_approved_outbound']);
    assert.deepEqual([...ISOLATION_MODES_PASCAL], ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound']);
    assert.deepEqual([...OUTBOUND_RULE_TYPES], ['fqdn', 'service_tag', 'private_endpoint']);
    assert.deepEqual([...WORKSPACE_KINDS], ['hub', 'project', 'default', 'feature_store']);
    assert.deepEqual(knownKeys('ip_rule'), ['value']);
    assert.deepEqual(knownKeys('network_acls').sort(), ['default_action', 'ip_rules']);
    for (const key of ['name', 'type', 'destination']) assert.ok(knownKeys('outbound_rule').includes(key), key);
    // The spec's keys of each destination (azure-ai-ml knows a few more, e.g. address_prefixes).
    for (const key of ['service_tag', 'protocol', 'port_ranges'])
      assert.ok(knownKeys('service_tag_destination').includes(key), key);
    for (const key of ['service_resource_id', 'subresource_target', 'spark_enabled'])
      assert.ok(knownKeys('private_endpoint_destination').includes(key), key);
  });

  it('looks keys up per section, each key once, each with its docs', () => {
    assert.equal(keyInfo('network_acls', 'default_action')?.required, true);
    assert.deepEqual(keyInfo('network_acls', 'default_action')?.values, ['Allow', 'Deny']);
    assert.equal(keyInfo('network_acls', 'public_network_access'), undefined, 'a workspace key is not an ACL key');
    for (const [section, keys] of Object.entries(HUB_YAML_KEYS)) {
      const names = keys.map((info) => info.key);
      assert.equal(new Set(names).size, names.length, `${section} lists a key twice`);
      for (const info of keys) assert.ok(info.doc.length > 10, `${section}.${info.key} has docs`);
    }
  });
});

describe('yamlNodes', () => {
  const root = (text: string) => {
    const contents = parseHubDocuments(text)[0]?.root;
    assert.ok(isMap(contents));
    return contents as MapNode;
  };

  it('reads keys, keeps the last of repeated keys as PyYAML does, and describes nodes', () => {
    const map = root('kind: hub\n"quoted": 1\n1: number key\nkind: project\nlist: [a]\nmap: {a: 1}\nempty:\n');
    assert.deepEqual(
      map.items.map((pair) => keyName(pair)),
      ['kind', 'quoted', undefined, 'kind', 'list', 'map', 'empty'],
    );
    assert.equal(stringValue(lastPair(map, 'kind')?.value), 'project');
    assert.equal(lastPair(map, 'missing'), undefined);
    assert.deepEqual(
      ['quoted', 'list', 'map', 'empty', 'kind'].map((key) => describeNode(lastPair(map, key)?.value)),
      ['the number 1', 'a list', 'a mapping', 'empty', 'the string "project"'],
    );
  });

  it('gives the range of a value without the comments and line breaks after it', () => {
    const text = 'network_acls:\n  ip_rules:\n    - value: 52.1.2.3   # office\n\n# end\n';
    const acls = lastPair(root(text), 'network_acls')!.value;
    const range = nodeRange(acls);
    assert.equal(text.slice(range.start, range.end), 'ip_rules:\n    - value: 52.1.2.3');
    assert.deepEqual(nodeRange(undefined, 7), { start: 7, end: 7 });
  });

  it('rewrites a scalar in its own quote style, and edits in place only one-line scalars', () => {
    const text = 'a: "x"\nb: \'y\'\nc: z\nd: |\n  block\n';
    const map = root(text);
    const scalar = (key: string) => lastPair(map, key)!.value as ScalarNode;
    assert.deepEqual(
      ['a', 'b', 'c'].map((key) => requote(scalar(key), 'new')),
      ['"new"', "'new'", 'new'],
    );
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((key) => isInlineScalar(scalar(key), text)),
      [true, true, true, false],
    );
  });
});

describe('diagnostics and edits', () => {
  it('gives every code the severity of the spec and a docs anchor of its own', () => {
    assert.deepEqual(Object.keys(SEVERITY_OF).sort(), [...DIAGNOSTIC_CODES].sort());
    const warnings = DIAGNOSTIC_CODES.filter((code) => SEVERITY_OF[code] === 'warning').sort();
    assert.deepEqual(warnings, [
      'duplicate-ip-rule',
      'ip-rules-ignored',
      'non-canonical-cidr',
      'outbound-rule-ignored',
      'redundant-ip-rule',
      'unknown-key',
    ]);
    assert.equal(docsAnchor('reserved-ip-range'), 'docs/yaml-rules.md#reserved-ip-range');
    const made = diagnostic('non-canonical-cidr', { start: 1, end: 4 }, 'm', []);
    assert.deepEqual(made, {
      code: 'non-canonical-cidr',
      severity: 'warning',
      message: 'm',
      range: { start: 1, end: 4 },
    });
  });

  it('applies edits in any order given, each at the offsets of the original text', () => {
    const text = 'a: 1\nb: 2\n';
    const edits = [
      { start: 3, end: 4, newText: 'one' },
      { start: 8, end: 9, newText: 'two' },
      { start: 0, end: 0, newText: '# top\n' },
    ];
    assert.equal(applyEdits(text, edits), '# top\na: one\nb: two\n');
    assert.equal(applyEdits(text, [...edits].reverse()), '# top\na: one\nb: two\n');
  });

  it('applies together only safe fixes that do not touch one another', () => {
    const fix = (start: number, end: number, safe = true) => ({
      title: `${start}`,
      safe,
      edits: [{ start, end, newText: 'x' }],
    });
    const at = (...fixes: ReturnType<typeof fix>[]): Diagnostic => ({
      code: 'invalid-default-action',
      severity: 'error',
      message: '',
      range: { start: 0, end: 0 },
      fixes,
    });
    const chosen = compatibleSafeFixes([
      at(fix(0, 2)),
      at(fix(2, 3)),
      at(fix(5, 6, false)),
      at(fix(5, 6, false), fix(7, 8)),
    ]);
    assert.deepEqual(
      chosen.map((chosenFix) => chosenFix.title),
      ['0', '7'],
    );
  });
});

describe('completion context', () => {
  const at = (text: string) => completionContextAt(text.replace('|', ''), text.indexOf('|'));

  it('knows the section, the key being typed and the keys already there', () => {
    const root = at('kind: hub\nna|');
    assert.deepEqual([root.section, root.slot, root.path, root.presentKeys], ['workspace', 'key', [], ['kind']]);
    assert.deepEqual(root.replaceRange, { start: 10, end: 12 });
    const acls = at('network_acls:\n  default_action: Deny\n  |');
    assert.deepEqual(
      [acls.section, acls.path, acls.presentKeys],
      ['network_acls', ['network_acls'], ['default_action']],
    );
  });

  it("offers a value's table entry, in list items and in an outbound rule's destination of its type", () => {
    const value = at('network_acls:\n  default_action: D|');
    assert.deepEqual([value.slot, value.key, value.keyInfo?.values], ['value', 'default_action', ['Allow', 'Deny']]);
    const item = at('network_acls:\n  ip_rules:\n    - |');
    assert.deepEqual([item.section, item.path], ['ip_rule', ['network_acls', 'ip_rules', ITEM]]);
    const destination = at(
      'managed_network:\n  outbound_rules:\n    - name: r\n      type: service_tag\n      destination:\n        |',
    );
    assert.equal(destination.section, 'service_tag_destination');
  });
});
