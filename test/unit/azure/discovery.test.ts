import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aHub, aProject, aResourceGroup } from '../../../src/emulator/builders';
import type { Topology } from '../../../src/emulator/index';
import { type DiscoveredResource, discoverHubs, groupResources } from '../../../src/azure/discovery';
import { listSubscriptions, listTenants } from '../../../src/azure/subscriptions';
import { CancelledError } from '../../../src/azure/errors';
import { DEV_SUBSCRIPTION, PROD_SUBSCRIPTION, armRequests, hangReached, useHarness } from './support';
import { inRounds } from './roundTrips';

const SUBSCRIPTIONS = [DEV_SUBSCRIPTION, PROD_SUBSCRIPTION];
const RESOURCE_GRAPH = '/providers/Microsoft.ResourceGraph/resources';

describe('discovery over the demo topology', () => {
  const harness = useHarness();

  it('lists the subscriptions and the tenant of the demo service principal', async () => {
    const connection = harness.connect();
    const subscriptions = await listSubscriptions(connection);
    assert.deepEqual(
      subscriptions.map((subscription) => subscription.displayName),
      ['Contoso AI (dev)', 'Contoso AI (prod)'],
    );
    const tenants = await listTenants(connection);
    assert.ok(tenants.some((tenant) => tenant.tenantId === subscriptions[0]?.tenantId));
  });

  it('finds every hub, its projects and the AI Services account with one Resource Graph request', async () => {
    const connection = harness.connect();
    await harness.admin.clearRequests();
    const result = await discoverHubs(connection, SUBSCRIPTIONS);
    assert.equal(result.source, 'resourceGraph');
    assert.deepEqual(result.hubs.map((hub) => hub.name).sort(), [
      'hub-dns-incomplete',
      'hub-pending',
      'hub-private',
      'hub-public',
      'hub-selected-ips',
    ]);
    const projectsOf = (name: string) =>
      result.hubs.find((hub) => hub.name === name)?.projects.map((project) => project.name);
    assert.deepEqual(projectsOf('hub-private'), ['proj-private']);
    assert.deepEqual(projectsOf('hub-public'), ['proj-public']);
    // Its kind is 'hub' in lower case: kinds compare case-insensitively.
    assert.deepEqual(projectsOf('hub-dns-incomplete'), ['proj-dns-incomplete']);
    assert.deepEqual(projectsOf('hub-pending'), []);
    assert.deepEqual(
      result.aiServices.map((account) => account.name),
      ['ais-foundry-prod'],
    );
    assert.deepEqual(result.unmatchedProjects, []);
    assert.deepEqual(result.failures, []);
    const hubPrivate = result.hubs.find((hub) => hub.name === 'hub-private');
    assert.equal(hubPrivate?.publicNetworkAccess, 'Disabled');
    assert.match(hubPrivate?.workspaceId ?? '', /^[0-9a-f-]{36}$/);

    const requests = await armRequests(harness.admin);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.path.split('?')[0], RESOURCE_GRAPH);
  });

  it('falls back to per-subscription lists when Resource Graph is not available (403)', async () => {
    await harness.admin.injectFault({
      method: 'POST',
      pathPattern: 'Microsoft.ResourceGraph',
      kind: 'status',
      status: 403,
    });
    const result = await discoverHubs(harness.connect(), SUBSCRIPTIONS);
    assert.equal(result.source, 'perSubscription');
    assert.equal(result.resourceGraphError?.kind, 'permissionDenied');
    assert.equal(result.hubs.length, 5);
    assert.deepEqual(
      result.hubs.find((hub) => hub.name === 'hub-selected-ips')?.projects.map((project) => project.name),
      ['proj-selected-ips'],
    );
    assert.deepEqual(
      result.aiServices.map((account) => account.name),
      ['ais-foundry-prod'],
    );
    const paths = (await armRequests(harness.admin)).map((entry) => entry.path.split('?')[0] ?? '');
    assert.ok(
      paths.some((path) => path.endsWith(`${DEV_SUBSCRIPTION}/providers/Microsoft.MachineLearningServices/workspaces`)),
    );
    assert.ok(
      paths.some((path) => path.endsWith(`${PROD_SUBSCRIPTION}/providers/Microsoft.CognitiveServices/accounts`)),
    );
  });

  it('keeps the other subscriptions when one fails in the fallback', async () => {
    // 500 three times: the first try and both retries, so Resource Graph counts as unavailable.
    await harness.admin.injectFault({
      method: 'POST',
      pathPattern: 'Microsoft.ResourceGraph',
      kind: 'status',
      status: 500,
      count: 3,
    });
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: `${PROD_SUBSCRIPTION}/providers/Microsoft.MachineLearningServices/workspaces$`,
      kind: 'status',
      status: 403,
    });
    const result = await discoverHubs(harness.connect(), SUBSCRIPTIONS);
    assert.equal(result.source, 'perSubscription');
    assert.equal(result.resourceGraphError?.kind, 'serviceUnavailable');
    assert.deepEqual(
      result.hubs.map((hub) => hub.subscriptionId).filter((id) => id !== DEV_SUBSCRIPTION),
      [],
    );
    assert.equal(result.hubs.length, 4);
    assert.equal(result.failures.length, 1);
    assert.equal(result.failures[0]?.subscriptionId, PROD_SUBSCRIPTION);
    assert.equal(result.failures[0]?.error.kind, 'permissionDenied');
    assert.match(result.failures[0]?.error.userMessage ?? '', /Reader role on subscription/);
  });

  it('cancels an in-flight Resource Graph query without falling back', async () => {
    await harness.admin.injectFault({
      method: 'POST',
      pathPattern: 'Microsoft.ResourceGraph',
      kind: 'hang',
      hangMs: 30_000,
    });
    const controller = new AbortController();
    const pending = discoverHubs(harness.connect(), SUBSCRIPTIONS, { abortSignal: controller.signal });
    await hangReached(harness.admin);
    controller.abort();
    await assert.rejects(pending, CancelledError);
    const paths = (await armRequests(harness.admin)).map((entry) => entry.path);
    assert.ok(!paths.some((path) => path.includes('MachineLearningServices')), 'no fallback after a cancel');
  });
});

/** Many hubs over two subscriptions, so that small pages need several $skipToken round trips. */
function manyHubs(count: number): Topology {
  const resources: Topology['resources'] = [];
  for (const subscriptionId of [DEV_SUBSCRIPTION, PROD_SUBSCRIPTION]) {
    resources.push(aResourceGroup('rg-many').inSubscription(subscriptionId).inRegion('eastus').build());
    for (let index = 0; index < count / 2; index += 1) {
      const hub = aHub(`hub-${subscriptionId.slice(-1)}-${index}`)
        .inSubscription(subscriptionId)
        .inResourceGroup('rg-many')
        .inRegion('eastus');
      resources.push(hub.build());
      resources.push(
        aProject(`proj-${subscriptionId.slice(-1)}-${index}`)
          .underHub(hub)
          .build(),
      );
    }
  }
  return {
    subscriptions: [
      { subscriptionId: DEV_SUBSCRIPTION, displayName: 'dev' },
      { subscriptionId: PROD_SUBSCRIPTION, displayName: 'prod' },
    ],
    resources,
  };
}

describe('discovery paging', () => {
  const harness = useHarness(manyHubs(12));

  it('reads every page in two round trips: the first page tells the total, the others go out together', async (t) => {
    const connection = harness.connect();
    // 12 hubs + 12 projects = 24 rows; pages of 5 take 5 requests: the first alone, then the other 4 together.
    const { result, rounds } = await inRounds(t, harness.admin, [1, 4], () =>
      discoverHubs(connection, SUBSCRIPTIONS, { pageSize: 5 }),
    );
    assert.equal(result.hubs.length, 12);
    assert.ok(result.hubs.every((hub) => hub.projects.length === 1));
    assert.equal(new Set(result.hubs.map((hub) => hub.id)).size, 12);
    assert.ok(rounds.flat().every((path) => path === RESOURCE_GRAPH));
  });

  it('batches more than 1000 subscriptions into parallel requests: still one round trip', async (t) => {
    const unknown = Array.from(
      { length: 1500 },
      (_, index) => `10000000-0000-4000-8000-${index.toString().padStart(12, '0')}`,
    );
    const connection = harness.connect();
    const { result, rounds } = await inRounds(t, harness.admin, [2], () =>
      discoverHubs(connection, [...SUBSCRIPTIONS, ...unknown]),
    );
    assert.equal(result.hubs.length, 12);
    assert.deepEqual(rounds, [[RESOURCE_GRAPH, RESOURCE_GRAPH]], 'both batches in flight together: one round trip');
  });
});

describe('discovery within the Resource Graph quota', () => {
  // 2 queries per second: the 6 pages below need three windows.
  const harness = useHarness(manyHubs(12), { resourceGraphQuota: { queries: 2, windowMs: 1000 } });

  it('waits for the quota to reset instead of being throttled, and still reads every page', async () => {
    await harness.admin.clearRequests();
    const result = await discoverHubs(harness.connect(), SUBSCRIPTIONS, { pageSize: 4 });
    assert.equal(result.source, 'resourceGraph');
    assert.equal(result.hubs.length, 12);
    assert.ok(result.hubs.every((hub) => hub.projects.length === 1));
    const queries = (await armRequests(harness.admin)).filter((entry) => entry.path.startsWith(RESOURCE_GRAPH));
    assert.deepEqual(
      queries.map((entry) => entry.status),
      [200, 200, 200, 200, 200, 200],
      'no query was sent over the quota (429)',
    );
  });
});

describe('grouping projects under hubs', () => {
  const resource = (kind: DiscoveredResource['kind'], id: string, hubResourceId?: string): DiscoveredResource => ({
    id,
    name: id.split('/').pop() ?? '',
    kind,
    location: 'eastus',
    resourceGroup: 'rg',
    subscriptionId: DEV_SUBSCRIPTION,
    publicNetworkAccess: undefined,
    networkDefaultAction: undefined,
    hubResourceId,
    workspaceId: undefined,
  });
  const group = `/subscriptions/${DEV_SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces`;

  it('matches hub ids whatever their case and surrounding slashes, keeps the order, and keeps orphans apart', () => {
    const result = groupResources([
      resource('project', `${group}/p1`, `${group.toLowerCase()}/HUB-A/`),
      resource('hub', `${group}/hub-a`),
      resource('aiServices', `/subscriptions/${DEV_SUBSCRIPTION}/resourceGroups/rg/providers/x/accounts/ais`),
      resource('hub', `${group}/hub-b`),
      resource('project', `${group}/p2`, `${group}/hub-a`),
      resource('project', `${group}/p3`, `${group}/hub-elsewhere`),
      resource('project', `${group}/p4`),
    ]);
    assert.deepEqual(
      result.hubs.map((hub) => [hub.name, hub.projects.map((project) => project.name)]),
      [
        ['hub-a', ['p1', 'p2']],
        ['hub-b', []],
      ],
    );
    assert.deepEqual(
      result.unmatchedProjects.map((project) => project.name),
      ['p3', 'p4'],
    );
    assert.deepEqual(
      result.aiServices.map((account) => account.name),
      ['ais'],
    );
  });
});
