import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, compatibleSafeFixes, fixAll } from '../../../src/yaml/engine';
import { applyOnlyFix, codes, diagnose, hubWithAcls, hubWithRules } from './helpers';

describe('quick fixes', () => {
  it('fixes the case of default_action, keeping quotes', () => {
    const { text, fix } = applyOnlyFix(
      hubWithAcls('  default_action: "deny"\n  ip_rules:\n    - value: 52.1.2.3\n'),
      'invalid-default-action',
    );
    assert.ok(fix.safe);
    assert.ok(text.includes('  default_action: "Deny"\n'));
    assert.deepEqual(codes(text), []);
  });

  it('offers no case fix for a value that matches neither', () => {
    const [item] = diagnose(hubWithAcls('  default_action: Block\n'));
    assert.equal(item.code, 'invalid-default-action');
    assert.equal(item.fixes, undefined);
  });

  it('converts the docs form (repeated value: keys) to a list, keeping every value and comment', () => {
    const before = [
      'kind: hub',
      'network_acls:',
      '    ip_rules:',
      '        # office and home',
      '        value: "52.1.2.0/24"   # office',
      '        value: "20.30.40.50"',
      '        value: 13.64.1.1',
      '    default_action: Deny',
      '',
    ].join('\n');
    const { text, fix } = applyOnlyFix(before, 'ip-rules-not-a-list');
    assert.ok(fix.safe);
    assert.equal(
      text,
      [
        'kind: hub',
        'network_acls:',
        '    ip_rules:',
        '        # office and home',
        '        - value: "52.1.2.0/24"   # office',
        '        - value: "20.30.40.50"',
        '        - value: 13.64.1.1',
        '    default_action: Deny',
        '',
      ].join('\n'),
    );
    assert.deepEqual(codes(text), []);
  });

  it('keeps other keys of the mapping with their item, and does not call that safe', () => {
    const before = hubWithAcls(
      '  default_action: Deny\n  ip_rules:\n    value: 52.1.2.3\n    action: Allow\n    value: 20.1.1.1\n',
    );
    const { text, fix } = applyOnlyFix(before, 'ip-rules-not-a-list');
    assert.equal(fix.safe, false);
    assert.ok(text.endsWith('  ip_rules:\n    - value: 52.1.2.3\n      action: Allow\n    - value: 20.1.1.1\n'));
    assert.deepEqual(codes(text), ['unknown-key']);
  });

  it('converts a value nested on the next line, indenting it with its item', () => {
    const before = hubWithAcls('  default_action: Deny\n  ip_rules:\n    value:\n      52.1.2.3\n');
    const { text } = applyOnlyFix(before, 'ip-rules-not-a-list');
    assert.ok(text.endsWith('  ip_rules:\n    - value:\n        52.1.2.3\n'));
    assert.deepEqual(codes(text), []);
  });

  it('converts a flow mapping and a scalar list of addresses', () => {
    const flow = applyOnlyFix(
      hubWithAcls('  default_action: Deny\n  ip_rules: {value: 52.1.2.3, value: 20.1.1.1}\n'),
      'ip-rules-not-a-list',
    );
    assert.ok(flow.text.endsWith('  ip_rules: [{value: 52.1.2.3}, {value: 20.1.1.1}]\n'));
    const scalar = applyOnlyFix(
      hubWithAcls('  default_action: Deny\n  ip_rules: "52.1.2.3, 20.1.1.0/24"  # two\n'),
      'ip-rules-not-a-list',
    );
    assert.ok(
      scalar.text.endsWith('  ip_rules:\n    - value: 52.1.2.3\n    - value: 20.1.1.0/24  # two\n'),
      scalar.text,
    );
    assert.deepEqual(codes(scalar.text), []);
    const fourSpaces = applyOnlyFix(
      'kind: hub\nnetwork_acls:\n    default_action: Deny\n    ip_rules: 52.1.2.3\n',
      'ip-rules-not-a-list',
    );
    assert.equal(
      fourSpaces.text,
      'kind: hub\nnetwork_acls:\n    default_action: Deny\n    ip_rules:\n        - value: 52.1.2.3\n',
    );
  });

  it('wraps a bare string as value:, in block and flow lists', () => {
    const block = applyOnlyFix(
      hubWithAcls('  default_action: Deny\n  ip_rules:\n    - "52.1.2.3"  # me\n'),
      'invalid-ip-rule-entry',
    );
    assert.ok(block.fix.safe);
    assert.ok(block.text.endsWith('    - value: "52.1.2.3"  # me\n'));
    const flow = applyOnlyFix(hubWithAcls('  default_action: Deny\n  ip_rules: [52.1.2.3]\n'), 'invalid-ip-rule-entry');
    assert.ok(flow.text.endsWith('  ip_rules: [{value: 52.1.2.3}]\n'));
    assert.deepEqual(codes(flow.text), []);
  });

  it('writes the canonical CIDR in the same quotes', () => {
    for (const [value, fixed] of [
      ['"52.1.2.3/24"', '"52.1.2.0/24"'],
      ["'52.1.2.3/24'", "'52.1.2.0/24'"],
      ['52.1.2.3/24', '52.1.2.0/24'],
      ['0.0.0.1/0', '0.0.0.0/0'],
    ]) {
      const before = hubWithRules(value);
      if (value === '0.0.0.1/0') {
        assert.deepEqual(codes(before), ['reserved-ip-range']);
        continue;
      }
      const { text, fix } = applyOnlyFix(before, 'non-canonical-cidr');
      assert.ok(fix.safe);
      assert.equal(text, hubWithRules(fixed));
    }
  });

  it('removes an exact duplicate line, safely; a same-network duplicate only on request', () => {
    const exact = applyOnlyFix(hubWithRules('52.1.2.3', '20.1.1.1  # again', '"52.1.2.3"  # dup'), 'duplicate-ip-rule');
    assert.ok(exact.fix.safe);
    assert.equal(exact.text, hubWithRules('52.1.2.3', '20.1.1.1  # again'));
    const sameNetwork = applyOnlyFix(hubWithRules('52.1.2.3', '52.1.2.3/32'), 'duplicate-ip-rule');
    assert.equal(sameNetwork.fix.safe, false);
    assert.equal(sameNetwork.text, hubWithRules('52.1.2.3'));
    const flow = applyOnlyFix(
      hubWithAcls('  default_action: Deny\n  ip_rules: [{value: 52.1.2.3}, {value: 52.1.2.3}]\n'),
      'duplicate-ip-rule',
    );
    assert.ok(flow.text.endsWith('  ip_rules: [{value: 52.1.2.3}]\n'));
  });

  it('offers an isolation mode spelling fix that is not applied automatically', () => {
    const { text, fix } = applyOnlyFix(
      'kind: hub\nmanaged_network:\n  isolation_mode: Allow_Internet_Outbound\n',
      'invalid-isolation-mode',
    );
    assert.equal(fix.safe, false);
    assert.equal(text, 'kind: hub\nmanaged_network:\n  isolation_mode: allow_internet_outbound\n');
  });
});

describe('fix all', () => {
  it('applies every safe fix to the docs example, round after round, keeping comments', () => {
    const before = [
      '# Hub for the data team',
      '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json',
      'name: hub-data',
      'kind: hub',
      'public_network_access: Enabled',
      'network_acls:',
      '    ip_rules:',
      '        value: "52.1.2.3/24"   # office',
      '        value: "20.30.40.50"',
      '        value: "20.30.40.50"',
      '        value: "52.1.2.0/24"',
      '    default_action: deny   # only these',
      '',
    ].join('\n');
    const { text, applied } = fixAll(before);
    assert.equal(
      text,
      [
        '# Hub for the data team',
        '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json',
        'name: hub-data',
        'kind: hub',
        'public_network_access: Enabled',
        'network_acls:',
        '    ip_rules:',
        '        - value: "52.1.2.0/24"   # office',
        '        - value: "20.30.40.50"',
        '    default_action: Deny   # only these',
        '',
      ].join('\n'),
    );
    assert.equal(applied, 5);
    assert.deepEqual(codes(text), []);
  });

  it('leaves unsafe fixes and files without problems alone', () => {
    const clean = hubWithRules('52.1.2.3');
    assert.deepEqual(fixAll(clean), { text: clean, applied: 0 });
    const sameNetwork = hubWithRules('52.1.2.3', '52.1.2.3/32');
    assert.equal(fixAll(sameNetwork).text, sameNetwork);
  });

  it('never picks two fixes whose edits touch', () => {
    const text = hubWithAcls('  default_action: Deny\n  ip_rules: [52.1.2.3, 20.1.1.1]\n');
    const fixes = compatibleSafeFixes(diagnose(text));
    const edits = fixes.flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start);
    for (let index = 1; index < edits.length; index++) assert.ok(edits[index - 1].end < edits[index].start);
    assert.ok(applyEdits(text, edits).endsWith('[{value: 52.1.2.3}, {value: 20.1.1.1}]\n'));
  });

  it('fixes several documents of one file', () => {
    const doc = hubWithAcls('  default_action: allow\n');
    const { text } = fixAll(`${doc}---\n${doc}`);
    assert.equal(text, `${doc.replace('allow', 'Allow')}---\n${doc.replace('allow', 'Allow')}`);
  });
});

describe('fixes at the start of a file', () => {
  it('computes columns correctly when the text starts with a line break', () => {
    const text = '\nnetwork_acls:\n  default_action: Deny\n  ip_rules: 52.1.2.3\n';
    assert.equal(fixAll(text).text, '\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.3\n');
  });
});

describe('fixes in CRLF files', () => {
  it('keeps CRLF line breaks when converting and removing', () => {
    const text = 'kind: hub\r\nnetwork_acls:\r\n  default_action: deny\r\n  ip_rules: 52.1.2.3, 52.1.2.3\r\n';
    assert.equal(
      fixAll(text).text,
      'kind: hub\r\nnetwork_acls:\r\n  default_action: Deny\r\n  ip_rules:\r\n    - value: 52.1.2.3\r\n',
    );
  });
});
