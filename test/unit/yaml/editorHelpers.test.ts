import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  completionContextAt,
  HUB_YAML_KEYS,
  hoverAt,
  HubYamlValidator,
  summarizeDocument,
} from '../../../src/yaml/engine';
import { hubWithAcls, hubWithRules } from './helpers';

/** The completion context where `|` is written. */
function contextAt(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return completionContextAt(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset);
}

describe('completion context', () => {
  it('knows the value of default_action and the keys of network_acls', () => {
    const value = contextAt('kind: hub\nnetwork_acls:\n  default_action: D|\n');
    assert.equal(value.section, 'network_acls');
    assert.equal(value.slot, 'value');
    assert.equal(value.key, 'default_action');
    assert.deepEqual(value.keyInfo?.values, ['Allow', 'Deny']);
    assert.equal(value.replaceRange.end - value.replaceRange.start, 1);
    const key = contextAt('kind: hub\nnetwork_acls:\n  default_action: Deny\n  |\n');
    assert.equal(key.section, 'network_acls');
    assert.deepEqual(key.presentKeys, ['default_action']);
  });

  it('knows an IP rule item, an outbound rule and its destination', () => {
    assert.equal(contextAt('network_acls:\n  ip_rules:\n    - value: 52.1.2.3\n    - |\n').section, 'ip_rule');
    const rule = contextAt('managed_network:\n  outbound_rules:\n  - name: pypi\n    type: |\n');
    assert.deepEqual([rule.section, rule.slot, rule.key], ['outbound_rule', 'value', 'type']);
    const destination = contextAt(
      'managed_network:\n  outbound_rules:\n    - name: kv\n      type: private_endpoint\n      destination:\n        |\n',
    );
    assert.equal(destination.section, 'private_endpoint_destination');
  });

  it('is the workspace at the top and nothing inside unknown sections', () => {
    assert.equal(contextAt('kind: hub\n|').section, 'workspace');
    assert.equal(contextAt('tags:\n  |\n').section, undefined);
  });
});

describe('hover', () => {
  it('describes an IP rule: range, count, public or not, overlaps', () => {
    const text = hubWithRules('52.1.2.0/24', '52.1.2.7', '10.1.0.0/16');
    const validator = new HubYamlValidator();
    validator.update(text);
    const hover = hoverAt(validator, text.indexOf('52.1.2.0/24') + 3);
    assert.equal(hover?.kind, 'ip-rule');
    assert.equal(text.slice(hover.range.start, hover.range.end), '52.1.2.0/24');
    assert.match(hover.markdown, /52\.1\.2\.0 – 52\.1\.2\.255 \(256 addresses\)/);
    assert.match(hover.markdown, /Public internet addresses/);
    assert.match(hover.markdown, /Overlaps rule 2 \(52\.1\.2\.7\)/);
    const reserved = hoverAt(validator, text.indexOf('10.1.0.0'));
    assert.match(reserved?.markdown ?? '', /Not public: overlaps 10\.0\.0\.0\/8/);
  });

  it('shows the doc of a key from the one key table, in later documents too', () => {
    const text = `kind: Service\n---\n${hubWithAcls('  default_action: Allow\n')}`;
    const validator = new HubYamlValidator();
    validator.update(text);
    const hover = hoverAt(validator, text.indexOf('default_action') + 2);
    assert.equal(hover?.kind, 'key');
    assert.equal(hover.markdown, `**default_action**\n\n${HUB_YAML_KEYS.network_acls[0].doc}`);
    assert.equal(hoverAt(validator, 3), undefined);
  });
});

describe('summary', () => {
  const summaryOf = (text: string) => {
    const validator = new HubYamlValidator();
    validator.update(text);
    return validator.documents().map((placed) => summarizeDocument(placed.analysis, placed.offset)?.text);
  };

  const anchorsOf = (text: string) => {
    const validator = new HubYamlValidator();
    validator.update(text);
    return validator.documents().map((placed) => summarizeDocument(placed.analysis, placed.offset)?.anchor);
  };

  it('goes on the first top-level network_acls key of each document, in offsets of the whole text', () => {
    const text = 'kind: hub\npublic_network_access: Enabled\nnetwork_acls:\n  default_action: Deny\nnetwork_acls: {}\n';
    assert.deepEqual(anchorsOf(text), [text.indexOf('network_acls:')]);
    const first = 'kind: hub\nmanaged_network:\n  network_acls: nested\n';
    const second = '---\nkind: project\nnetwork_acls:\n  default_action: Allow\n';
    assert.deepEqual(anchorsOf(first + second), [
      first.indexOf('managed_network'),
      (first + second).lastIndexOf('network_acls:'),
    ]);
  });

  it('falls back to the kind or $schema key, then the document start', () => {
    assert.deepEqual(anchorsOf('# hub\nname: x\nkind: hub\n'), [14]);
    assert.deepEqual(anchorsOf('name: x\n"$schema": x.workspace.schema.json\n'), [8]);
    assert.deepEqual(anchorsOf('- kind: hub\n'), [undefined], 'not a workspace document: no summary');
  });

  it('maps the YAML to the portal modes', () => {
    assert.deepEqual(summaryOf(hubWithRules('52.1.2.3', '20.1.1.1')), ['Selected IPs: 2 rules']);
    assert.deepEqual(summaryOf('kind: hub\npublic_network_access: disabled\n'), ['Public access: Disabled']);
    assert.deepEqual(summaryOf('kind: hub\npublic_network_access: Enabled\n'), [
      'Public access: Enabled from all networks',
    ]);
    assert.deepEqual(summaryOf(hubWithAcls('  default_action: Allow\n')), ['Public access: Enabled from all networks']);
    assert.deepEqual(summaryOf(hubWithAcls('  default_action: Deny\n')), [
      'Selected IPs: no rules, so no network can connect',
    ]);
    assert.deepEqual(summaryOf(hubWithAcls('  default_action: nope\n')), [
      'Public access: unclear until network_acls is fixed',
    ]);
    // The docs' repeated `value:` form is not counted as "no rules".
    assert.deepEqual(
      summaryOf(hubWithAcls('  default_action: Deny\n  ip_rules:\n    value: "52.1.2.0/24"\n    value: "20.1.1.1"\n')),
      ['Selected IPs: ip_rules must be a list (see the problem)'],
    );
    assert.deepEqual(summaryOf('kind: Service\n'), [undefined]);
  });

  it('adds the managed network', () => {
    const text =
      'kind: hub\npublic_network_access: Disabled\nmanaged_network:\n  isolation_mode: AllowOnlyApprovedOutbound\n  outbound_rules:\n    - name: pypi\n      type: fqdn\n      destination: pypi.org\n';
    assert.deepEqual(summaryOf(text), [
      'Public access: Disabled · Managed network: allow_only_approved_outbound, 1 outbound rule',
    ]);
  });
});

describe('line starts at the edges', () => {
  it('handles a text that starts with a line break', () => {
    assert.equal(contextAt('\n|').section, 'workspace');
    assert.equal(contextAt('|\nkind: hub\n').section, 'workspace');
  });
});
