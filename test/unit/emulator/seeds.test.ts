import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateTopology, moreHubsThanAPage } from '../../../src/emulator/seeds/generate';
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

  it('generates more hubs than a page of the hubs view, named in order, for "Load more"', async () => {
    // HUBS_PAGE_SIZE of src/tree/nodes/resourceNodes.ts, which the emulator's tests may not import either.
    const pageSize = 50;
    const topology = moreHubsThanAPage(pageSize);
    assert.equal(topology.subscriptions.length, 1);
    await withHarness({ seed: topology }, async (harness) => {
      const graph = await harness.arm('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
        subscriptions: [topology.subscriptions[0].subscriptionId],
        query:
          "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where kind =~ 'hub' | project name",
        options: { $top: 1000 },
      });
      const hubs = graph.body.data as { name: string }[];
      assert.equal(hubs.length, pageSize + 7);
      assert.deepEqual(hubs.map((hub) => hub.name).slice(0, 3), ['hub-000', 'hub-001', 'hub-002']);
      assert.deepEqual(
        hubs.map((hub) => hub.name),
        [...hubs.map((hub) => hub.name)].sort(),
        'names sort in the order the hubs were made',
      );
    });
  });
});
