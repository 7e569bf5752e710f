import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Parser } from 'yaml';
import { HubYamlValidator, LineIndex, splitSegments, validateHubYaml } from '../../../src/yaml/engine';
import { HubYamlParser } from '../../../src/yaml/engine/yamlParser';
import { hubWithAcls, hubWithRules } from './helpers';

const badDoc = hubWithAcls('  default_action: deny\n  ip_rules:\n    - value: 10.0.0.1\n');

describe('splitSegments', () => {
  it('splits at every document start marker and keeps the whole text', () => {
    const text = 'a: 1\n---\nb: |\n  x\n--- # c\nc: 3\n---\td: 4\n---';
    const segments = splitSegments(text);
    assert.deepEqual(
      segments.map((segment) => segment.text.split('\n')[0]),
      ['a: 1', '---', '--- # c', '---\td: 4', '---'],
    );
    assert.equal(segments.map((segment) => segment.text).join(''), text);
    for (const segment of segments)
      assert.equal(text.slice(segment.start, segment.start + segment.text.length), segment.text);
  });

  it('does not split at ---word or indented ---, nor when directives tie documents', () => {
    assert.equal(splitSegments('a: 1\n---b: 2\n  ---\n').length, 1);
    assert.equal(splitSegments('%YAML 1.2\n---\na: 1\n---\nb: 2\n').length, 1);
  });
});

describe('HubYamlValidator', () => {
  it('gives the same diagnostics as a full validation, in file offsets', () => {
    const text = `kind: Deployment\n---\n${badDoc}---\n${badDoc}`;
    const diagnostics = new HubYamlValidator().update(text);
    assert.equal(diagnostics.length, 4);
    assert.deepEqual(diagnostics, validateHubYaml(text));
    assert.deepEqual(
      diagnostics.map((item) => text.slice(item.range.start, item.range.end)),
      ['deny', '10.0.0.1', 'deny', '10.0.0.1'],
    );
  });

  it('re-analyses only the documents whose text changed, and shifts the others', () => {
    const documents = Array.from({ length: 5 }, () => badDoc);
    const validator = new HubYamlValidator();
    validator.update(documents.join('---\n'));
    const before = validator.documents().map((placed) => placed.analysis);
    documents[1] = badDoc.replace('name: hub-eastus', 'name: hub-eastus-2');
    const edited = documents.join('---\n');
    const diagnostics = validator.update(edited);
    const after = validator.documents().map((placed) => placed.analysis);
    assert.equal(after[0], before[0]);
    assert.ok(!before.includes(after[1]));
    for (const reused of after.slice(2)) assert.ok(before.includes(reused));
    assert.deepEqual(diagnostics, validateHubYaml(edited));
  });

  it('finds the document at an offset', () => {
    const text = `${badDoc}---\nkind: Service\n`;
    const validator = new HubYamlValidator();
    validator.update(text);
    assert.equal(validator.documentAt(0)?.analysis.checked, true);
    assert.equal(validator.documentAt(text.length - 2)?.analysis.checked, false);
  });

  it('checks any document when forced', () => {
    const text = 'name: x\na: 1\na: 2\n';
    assert.deepEqual(validateHubYaml(text), []);
    assert.deepEqual(
      validateHubYaml(text, { force: true }).map((item) => item.code),
      ['duplicate-key'],
    );
  });
});

describe('HubYamlParser', () => {
  it('yields exactly the tokens of the upstream yaml Parser', () => {
    const samples = [
      hubWithRules('52.1.2.3', '"20.1.1.0/24"', "'13.64.0.0/11'"),
      'a: [1, {b: 2}, "c"]\n? complex\n: value\n--- !tag\n- &x 1\n- *x\n...\n%YAML 1.2\n---\nz: |\n  text\n',
      'a: "unterminated\nb: }\n\t- x\n: :\n',
      '',
    ];
    for (const text of samples) {
      assert.deepEqual([...new HubYamlParser().parse(text)], [...new Parser().parse(text)], JSON.stringify(text));
    }
  });
});

describe('LineIndex', () => {
  it('converts offsets to zero- and one-based positions and back', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(index.positionAt(0), { line: 0, column: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, column: 1 });
    assert.deepEqual(index.oneBasedAt(7), { line: 4, column: 1 });
    assert.deepEqual(index.oneBasedAt(99), { line: 4, column: 3 });
    assert.equal(index.offsetAt({ line: 1, column: 1 }), 4);
    assert.equal(index.offsetAt({ line: 1, column: 9 }), 5);
    assert.equal(index.lineCount, 4);
  });
});
