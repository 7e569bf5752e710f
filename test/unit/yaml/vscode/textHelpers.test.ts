import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../../src/yaml/engine';
import { minimalReplacement } from '../../../../src/yaml/vscode/textHelpers';

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
    assert.deepEqual(minimalReplacement('ip_rules:\n  value: x\n', 'ip_rules:\n  - value: x\n'), {
      start: 12,
      end: 12,
      newText: '- ',
    });
  });

  it('gives nothing when the text is unchanged', () => {
    assert.equal(minimalReplacement('same', 'same'), undefined);
  });
});
