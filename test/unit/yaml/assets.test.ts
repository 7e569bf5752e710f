import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES, HUB_YAML_KEYS, validateHubYaml } from '../../../src/yaml/engine';

const read = (file: string): string => readFileSync(path.resolve(__dirname, '../../..', file), 'utf8');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown;
  pattern?: unknown;
  additionalProperties?: unknown;
}

describe('schemas/hub-workspace.schema.json', () => {
  const schema = JSON.parse(read('schemas/hub-workspace.schema.json')) as SchemaNode;
  const acls = schema.properties?.network_acls;
  const network = schema.properties?.managed_network;
  const rule = network?.properties?.outbound_rules?.items;

  it('names the keys of the one key table', () => {
    const keysOf = (node: SchemaNode | undefined) => Object.keys(node?.properties ?? {}).sort();
    assert.deepEqual(keysOf(schema), HUB_YAML_KEYS.workspace.map((info) => info.key).sort());
    assert.deepEqual(keysOf(acls), HUB_YAML_KEYS.network_acls.map((info) => info.key).sort());
    assert.deepEqual(keysOf(acls?.properties?.ip_rules?.items), ['value']);
    assert.deepEqual(keysOf(network), HUB_YAML_KEYS.managed_network.map((info) => info.key).sort());
    assert.deepEqual(keysOf(rule), HUB_YAML_KEYS.outbound_rule.map((info) => info.key).sort());
  });

  it('leaves values and unknown keys to our diagnostics, so nothing is reported twice', () => {
    const text = JSON.stringify(schema);
    assert.ok(!text.includes('"enum"'), 'no enums (modes and cases are diagnostics)');
    assert.ok(!text.includes('"pattern"'), 'no IP regexes');
    assert.ok(!text.includes('"additionalProperties":false'), 'unknown keys are the unknown-key diagnostic');
    assert.equal(
      acls?.properties?.ip_rules && 'type' in acls.properties.ip_rules,
      false,
      'ip-rules-not-a-list is ours',
    );
  });
});

describe('snippets/hub-yaml.json', () => {
  const snippets = JSON.parse(read('snippets/hub-yaml.json')) as Record<string, { body: string[] }>;
  /** The snippet with every placeholder replaced by its default. */
  const expand = (body: string[]) =>
    body
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d/g, '')
      .replace(/\\\$/g, '$');

  it('gives hub snippets that pass every check', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      if (name === 'IP rule') continue;
      assert.deepEqual(validateHubYaml(expand(snippet.body)), [], name);
    }
  });

  it('gives an IP rule item that is valid in a list and uses no documentation ranges', () => {
    const item = expand(snippets['IP rule'].body);
    const text = `kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    ${item}\n`;
    assert.deepEqual(validateHubYaml(text), []);
    assert.ok(!/192\.0\.2\.|198\.51\.100\.|203\.0\.113\./.test(JSON.stringify(snippets)));
  });
});

describe('docs/yaml-rules.md', () => {
  it('has one heading per diagnostic code, which is its anchor', () => {
    const docs = read('docs/yaml-rules.md');
    for (const code of DIAGNOSTIC_CODES) assert.match(docs, new RegExp(`^### \`?${code}\`?$`, 'm'), code);
  });
});
