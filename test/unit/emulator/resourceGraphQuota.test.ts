import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatResetsAfter } from '../../../src/emulator/providers/resourceGraphQuota';
import { Harness } from './helpers';

const GRAPH = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';
const QUERY = { query: "resources | where kind =~ 'hub' | project id | order by id asc" };

describe("emulator: Resource Graph's per-user quota", () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start({ resourceGraphQuota: { queries: 3, windowMs: 1500 } });
  });
  after(() => harness.close());

  it('tells the quota left in every answer, answers 429 RateLimiting over it, and gives it back after the window', async (t) => {
    // The quota reads Date.now() in this process: a mocked clock moves past the window instead of a sleep.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const answers = [];
    for (let index = 0; index < 4; index++) answers.push(await harness.arm('POST', GRAPH, QUERY));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 429],
    );
    assert.deepEqual(
      answers.map((answer) => answer.headers['x-ms-user-quota-remaining']),
      ['2', '1', '0', '0'],
    );
    for (const answer of answers) assert.equal(answer.headers['x-ms-user-quota-resets-after'], '00:00:02');
    const throttled = answers[3]!;
    assert.equal(throttled.body.error.code, 'RateLimiting');
    assert.equal(throttled.headers['retry-after'], '2');
    t.mock.timers.tick(1499);
    assert.equal((await harness.arm('POST', GRAPH, QUERY)).status, 429, 'still inside the window');
    t.mock.timers.tick(1);
    const again = await harness.arm('POST', GRAPH, QUERY);
    assert.equal(again.status, 200);
    assert.equal(again.headers['x-ms-user-quota-remaining'], '2');
  });

  it('starts a fresh quota when the emulator is reset', async () => {
    for (let index = 0; index < 3; index++) await harness.arm('POST', GRAPH, QUERY);
    await harness.admin.reset();
    const answer = await harness.arm('POST', GRAPH, QUERY);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-ms-user-quota-remaining'], '2');
  });

  it('writes the time to the reset as hh:mm:ss, rounded up to whole seconds', () => {
    assert.equal(formatResetsAfter(0), '00:00:00');
    assert.equal(formatResetsAfter(4001), '00:00:05');
    assert.equal(formatResetsAfter(3_725_000), '01:02:05');
  });
});
