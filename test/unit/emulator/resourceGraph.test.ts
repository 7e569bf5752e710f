import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { Harness } from './helpers';

const GRAPH = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';
const HUBS =
  "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where kind =~ 'hub' | project id, name, kind, subscriptionId, publicNetworkAccess = properties.publicNetworkAccess | order by name asc";

describe('emulator: Resource Graph (KQL subset, paging, clear 400s)', () => {
  let harness: Harness;
  const query = (body: unknown) => harness.arm('POST', GRAPH, body);
  before(async () => {
    harness = await Harness.start();
  });
  after(() => harness.close());

  it('lists every hub in every subscription with one query, case-insensitively', async () => {
    const answer = await query({ query: HUBS, options: { resultFormat: 'objectArray' } });
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.data.map((row: { name: string }) => row.name),
      ['hub-dns-incomplete', 'hub-pending', 'hub-private', 'hub-public', 'hub-selected-ips'],
    );
    assert.equal(answer.body.totalRecords, 5);
    assert.deepEqual(Object.keys(answer.body.data[0]), ['id', 'name', 'kind', 'subscriptionId', 'publicNetworkAccess']);
    assert.equal(
      answer.body.data.find((row: { name: string }) => row.name === 'hub-private').publicNetworkAccess,
      'Disabled',
    );
  });

  it('supports in~, or, !=, parentheses, take, and order by desc', async () => {
    const kinds = await query({
      query:
        "Resources | where type =~ 'Microsoft.MachineLearningServices/workspaces' and (kind in~ ('HUB') or kind =~ 'project') | where name != 'hub-public' | order by name desc | take 3 | project name",
    });
    assert.deepEqual(
      kinds.body.data.map((row: { name: string }) => row.name),
      ['proj-selected-ips', 'proj-public', 'proj-private'],
    );
    const accounts = await query({
      query:
        "resources | where type in~ ('microsoft.storage/storageaccounts', 'microsoft.keyvault/vaults') | where properties.publicNetworkAccess =~ 'disabled' | project name | order by name asc",
    });
    assert.deepEqual(
      accounts.body.data.map((row: { name: string }) => row.name),
      ['kv-foundry-prod', 'stfoundryprod'],
    );
  });

  it('restricts rows to the requested subscriptions', async () => {
    const answer = await query({ subscriptions: ['00000000-0000-4000-8000-000000000002'], query: HUBS });
    assert.deepEqual(
      answer.body.data.map((row: { name: string }) => row.name),
      ['hub-dns-incomplete'],
    );
  });

  it('pages with $top and $skipToken until the last page', async () => {
    const names: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await query({
        query: "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | order by name asc",
        options: { $top: 3, ...(skipToken ? { $skipToken: skipToken } : {}) },
      });
      assert.equal(page.status, 200);
      assert.equal(page.body.totalRecords, 9);
      names.push(...page.body.data.map((row: { name: string }) => row.name));
      skipToken = page.body.$skipToken;
      pages++;
    } while (skipToken);
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 9);
  });

  it('answers 400 with a clear message for queries it does not support, never wrong data', async () => {
    for (const unsupported of [
      'resources | summarize count() by type',
      'resourcecontainers | project name',
      "resources | where type matches regex 'x'",
      'resources | extend x = 1',
      "resources | where tolower(type) == 'x'",
    ]) {
      const answer = await query({ query: unsupported });
      assert.equal(answer.status, 400, unsupported);
      assert.equal(answer.body.error.code, 'BadRequest');
      assert.equal(answer.body.error.details[0].code, 'InvalidQuery');
      assert.match(answer.body.error.details[1].message, /supports only the KQL subset/);
    }
    const badToken = await query({ query: HUBS, options: { $skipToken: 'garbage' } });
    assert.equal(badToken.status, 400);
  });

  it('works through a core-client ServiceClient, as src/azure uses it', async () => {
    const client = new ServiceClient({ ...harness.clientOptions, credential: harness.credential });
    const request = createPipelineRequest({
      url: `${harness.emulator.url}${GRAPH}`,
      method: 'POST',
      body: JSON.stringify({ query: HUBS }),
      headers: undefined,
    });
    request.headers.set('Content-Type', 'application/json');
    const response = await client.sendRequest(request);
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.bodyAsText ?? '{}').count, 5);
  });
});
