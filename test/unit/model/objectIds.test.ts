import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isObjectId, objectIdListProblem, objectIdProblem, parseObjectIdList } from '../../../src/model/objectIds';

const A = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const B = 'a1b2c3d4-0000-4000-8000-00000000beef';

describe('object ids', () => {
  it('accepts GUIDs only', () => {
    assert.ok(isObjectId(A));
    assert.ok(isObjectId(A.toUpperCase()));
    for (const wrong of ['', 'alice@contoso.com', `${A}0`, A.replace(/-/g, ''), `{${A}}`])
      assert.ok(!isObjectId(wrong), wrong);
    assert.equal(objectIdProblem(A), undefined);
    assert.match(objectIdProblem(`{${A}}`) ?? '', /Leave out the braces/);
  });

  it('splits a paste on commas, spaces and new lines, lower-cases, and reports duplicates and typos', () => {
    assert.deepEqual(parseObjectIdList(` ${A},${B.toUpperCase()}\n\n`), { ids: [A, B], problems: [] });
    assert.deepEqual(parseObjectIdList(''), { ids: [], problems: [] });
    const { ids, problems } = parseObjectIdList(`${A} ${A.toUpperCase()}; alice`);
    assert.deepEqual(ids, [A]);
    assert.deepEqual(problems, [
      `"${A.toUpperCase()}" is listed twice.`,
      `"alice" is not an object id: expected a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301.`,
    ]);
  });

  it('shows the first three problems and counts the rest', () => {
    assert.equal(objectIdListProblem(`${A}, ${B}`), undefined);
    assert.equal(objectIdListProblem(''), undefined);
    assert.match(
      objectIdListProblem('a b c d e') ?? '',
      /"a"[\s\S]*"c" is not an object id[^"]*\(and 2 more problems\)$/,
    );
  });
});
