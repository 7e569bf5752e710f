import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../../src/yaml/engine';
import { minimalReplacement, summaryAnchorOffset } from '../../../../src/yaml/vscode/textHelpers';

describe('minimalReplacement', () => {
  it('covers only the changed part, and applying it gives the new text', () => {
    const before = 'a: 1\nb: deny\nc: 3\n';
    const after = 'a: 1\nb: Deny\nc: 3\n';
    const edit = minimalReplacement(before, after);
    assert.deepEqual(edit, { start: 8, end: 9, newText: 'D' });
    assert.equal(applyEdits(before, [edit!]), after);
  });

  it('handles insertions, deletions and repeated characters at the boundary', () => {
    const cases: [string, string][] = [
      ['ip_rules:\n  value: x\n', 'ip_rules:\n  - value: x\n'],
      ['- a\n- a\n- b\n', '- a\n- b\n'],
      ['aaaa', 'aa'],
      ['', 'new'],
      ['old', ''],
    ];
    for (const [before, after] of cases) {
      const edit = minimalReplacement(before, after);
      assert.ok(edit, `${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      assert.ok(edit.start <= edit.end && edit.end <= before.length);
      assert.equal(applyEdits(before, [edit]), after);
    }
    assert.deepEqual(minimalReplacement('ip_rules:\n  value: x\n', 'ip_rules:\n  - value: x\n'), { start: 12, end: 12, newText: '- ' });
  });

  it('gives nothing when the text is unchanged', () => {
    assert.equal(minimalReplacement('same', 'same'), undefined);
  });
});

describe('summaryAnchorOffset', () => {
  it('prefers the network_acls key of the document', () => {
    const text = 'kind: hub\npublic_network_access: Enabled\nnetwork_acls:\n  default_action: Deny\n';
    assert.equal(summaryAnchorOffset(text, { start: 0, end: text.length }), text.indexOf('network_acls:'));
  });

  it('ignores nested keys and looks only inside the document range', () => {
    const first = 'kind: hub\nmanaged_network:\n  network_acls: nested\n';
    const second = '---\nkind: project\nnetwork_acls:\n  default_action: Allow\n';
    const text = first + second;
    assert.equal(summaryAnchorOffset(text, { start: 0, end: first.length }), text.indexOf('managed_network'));
    assert.equal(summaryAnchorOffset(text, { start: first.length, end: text.length }), text.lastIndexOf('network_acls:'));
  });

  it('falls back to the kind or $schema key, then the document start', () => {
    assert.equal(summaryAnchorOffset('# hub\nname: x\nkind: hub\n', { start: 0, end: 24 }), 14);
    assert.equal(summaryAnchorOffset('name: x\n', { start: 0, end: 8 }), 0);
    const quoted = 'name: x\n"$schema": x.workspace.schema.json\n';
    assert.equal(summaryAnchorOffset(quoted, { start: 0, end: quoted.length }), 8);
  });
});
