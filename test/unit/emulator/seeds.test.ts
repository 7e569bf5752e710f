import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateTopology } from '../../../src/emulator/seeds/generate';
import { demoJson } from '../../../src/emulator/seeds/writeDemo';
import { type Harness, withHarness } from './helpers';

describe('emulator: seeds', () => {
  it('keeps seeds/demo.json in sync with the builders (regenerate: tsx src/emulator/seeds/writeDemo.ts)', () => {
    assert.equal(
      readFileSync(join(__dirname, '..', '..', '..', 'src', 'emulator', 'seeds', 'demo.json'), 'utf8'),
      demoJson(),
    );
  });

  it('starts from demo.json as a --seed file exactly like the built-in demo', async () => {
    const names = (options: Parameters<typeof withHarness>[0]) =>
      withHarness(options, async (harness: Harness) =>
        (await harness.admin.snapshot()).resources.map((resource) => resource.id).sort(),
      );
    const fromFile = await names({ seed: join(__dirname, '..', '..', '..', 'src', 'emulator', 'seeds', 'demo.json') });
    assert.ok(fromFile.length > 0);
    assert.deepEqual(fromFile, await names({}));
  });

  it('generates big topologies: N subscriptions × M hubs, with projects and private endpoints', async () => {
    const topology = generateTopology({ subscriptions: 3, hubsPerSubscription: 40 });
    await withHarness({ seed: topology }, async (harness) => {
      const graph = await harness.arm('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
        query:
          "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where kind =~ 'hub' | project id",
        options: { $top: 1000 },
      });
      assert.equal(graph.body.totalRecords, 120);
      const subscription = topology.subscriptions[0].subscriptionId;
      const list = await harness.arm(
        'GET',
        `/subscriptions/${subscription}/providers/Microsoft.MachineLearningServices/workspaces?api-version=2025-12-01`,
      );
      assert.equal(list.body.value.length, 80);
      assert.ok(list.body.nextLink === undefined);
    });
  });
});
