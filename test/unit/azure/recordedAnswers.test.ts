/**
 * src/azure reads what real Azure answered (../shared/azure-recordings), through the real SDK clients and pipeline:
 * real shapes (null etags, names with a slash, embedded connections without a name, a fresh account without
 * networkAcls, Resource Graph's top-level $skipToken), not our builders' idea of them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readAiServicesAccount } from '../../../src/azure/aiServicesAccount';
import { readDependentResource } from '../../../src/azure/dependentResources';
import { discoverHubs } from '../../../src/azure/discovery';
import { privateEndpointOf, readPrivateEndpointAndZoneGroups } from '../../../src/azure/privateEndpointRead';
import { listAllPages, readWorkspace } from '../../../src/azure/workspaceApi';
import { assessAccount } from '../../../src/model/assessment/account';
import {
  type ArmWorkspace,
  connectionNameOf,
  connectionStatusOf,
  workspaceOf,
} from '../../../src/azure/workspaceModels';
import { RECORDINGS, type RecordedInteraction } from '../emulator/recordings/cassette';
import { RecordedAnswerServer, exampleAnswer, recorded } from './recordedAnswers';

const COGNITIVE_RULES = 'azure-cli/cognitiveservices__test_cognitiveservices_network_rules.yaml';
const COGNITIVE_CONNECTION = 'azure-cli/cognitiveservices__test_cognitiveservices_private_endpoint_connection.yaml';
const ZONE_GROUP = 'azure-cli/network__test_network_private_endpoint_private_dns_zone_group.yaml';
const ENDPOINTS = 'azure-cli/network__test_network_private_endpoints.yaml';
const WORKSPACE_CONNECTIONS =
  'azure-cli-extensions/machinelearningservices__test_mir_deployment_private_feature.EXCERPT.yaml';
const HUB = 'azure-cli-extensions/machinelearningservices__test_workspace_hub.yaml';
const OUTBOUND =
  'azure-cli-extensions/machinelearningservices__test_workspace_managednetwork_outbound_rule_operations.yaml';

async function withAnswers<T>(
  answers: readonly RecordedInteraction[],
  use: (server: RecordedAnswerServer) => Promise<T>,
): Promise<T> {
  const server = await RecordedAnswerServer.start(answers);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

const bodyOf = (interaction: RecordedInteraction): Record<string, unknown> =>
  interaction.responseBody as Record<string, unknown>;

describe('src/azure reads recorded Azure answers', () => {
  it('reads an AI Services account: a fresh one has no networkAcls, an IP rule stays as sent', async () => {
    const [fresh, ruled] = recorded(COGNITIVE_RULES, 12, 17);
    const accountId = fresh.path;
    const before = await withAnswers([fresh], (server) => readAiServicesAccount(server.connection(), accountId));
    assert.equal(before.publicNetworkAccess, 'Enabled');
    assert.equal(before.networkAcls, undefined, 'a fresh account has no networkAcls at all');
    const after = await withAnswers([ruled], (server) => readAiServicesAccount(server.connection(), accountId));
    assert.deepEqual(after.networkAcls?.ipRules, ['200.0.0.1'], 'kept as sent, no /32');
    assert.equal(after.networkAcls?.defaultAction, 'Deny');
  });

  it('reads the private endpoints of an AI Services account whose connection names hold a slash', async () => {
    const [account] = recorded(COGNITIVE_CONNECTION, 20);
    const embedded = (bodyOf(account).properties as { privateEndpointConnections: { id: string; name: string }[] })
      .privateEndpointConnections;
    assert.match(embedded[0].name, /^cs_cli_test_000002\//, 'the recording names it <account>/<endpoint>.<guid>');
    assert.equal(connectionNameOf(embedded[0]), embedded[0].id.split('/').pop());
    const resource = await withAnswers([account], (server) =>
      readDependentResource(server.connection(), { kind: 'aiServices', id: account.path }),
    );
    assert.equal(resource.readError, undefined);
    assert.deepEqual(
      resource.privateEndpoints.map((endpoint) => [endpoint.id.split('/').pop(), endpoint.status]),
      [['pecs_cli_test_000002', 'Approved']],
    );
  });

  it("judges recorded accounts as the tree does: a fresh one Public, one behind an IP rule Restricted, an endpoint's Public with it", async () => {
    const [fresh, ruled] = recorded(COGNITIVE_RULES, 12, 17);
    const [withEndpoint] = recorded(COGNITIVE_CONNECTION, 20);
    const judged = await withAnswers([fresh, ruled, withEndpoint], async (server) => {
      const read = (answer: RecordedInteraction) =>
        readDependentResource(server.connection(), { kind: 'aiServices', id: answer.path });
      return [await read(fresh), await read(ruled), await read(withEndpoint)].map(assessAccount);
    });
    assert.deepEqual(
      judged.map((assessment) => [assessment.verdict.kind, assessment.access.kind]),
      [
        ['public', 'allNetworks'],
        ['restricted', 'selectedNetworks'],
        ['public', 'allNetworks'],
      ],
    );
    assert.match(judged[2].verdict.reason, /1 private endpoint/, 'the approved endpoint counts as working');
  });

  it('reads a workspace whose etag is null and whose kind is "Hub"', async () => {
    const [hub] = recorded(HUB, 9);
    const read = await withAnswers([hub], (server) => readWorkspace(server.connection().arm, hub.path));
    assert.equal(read.etag, undefined, 'no ETag header, and "etag": null in the body');
    const workspace = workspaceOf(read.arm, read.networkAclsRead, read.etag);
    assert.equal(workspace.kind, 'hub');
    assert.equal(workspace.etag, undefined);
    assert.equal(workspace.publicNetworkAccess, 'Enabled');
    assert.equal(workspace.managedNetwork?.isolationMode, 'Disabled');
  });

  it('reads the outbound rules of a managed network, keyed by name', () => {
    const [workspace] = recorded(OUTBOUND, 16);
    const parsed = workspaceOf(bodyOf(workspace) as unknown as ArmWorkspace, { succeeded: true }, null);
    assert.equal(parsed.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    const rules = Object.fromEntries((parsed.managedNetwork?.outboundRules ?? []).map((rule) => [rule.name, rule]));
    assert.equal(rules['my-service']?.type, 'ServiceTag');
    assert.equal(rules['my-service']?.destination, 'DataFactory');
    assert.equal(rules['my-storage']?.type, 'PrivateEndpoint');
  });

  it('names the connections a workspace embeds without a name or type after their ids', () => {
    const [workspace] = recorded(WORKSPACE_CONNECTIONS, 0);
    const arm = bodyOf(workspace) as unknown as ArmWorkspace;
    const connections = arm.properties?.privateEndpointConnections ?? [];
    assert.equal(connections.length, 5);
    for (const connection of connections) {
      assert.equal(connection.name, undefined, 'embedded connections carry no name in the recording');
      assert.equal(connectionNameOf(connection), connection.id.split('/').pop());
      assert.notEqual(connectionStatusOf(connection.properties?.privateLinkServiceConnectionState?.status), undefined);
    }
    assert.equal(workspaceOf(arm, { succeeded: true }, arm.etag).kind, 'default', 'a workspace without a kind');
  });

  it('reads a private endpoint and its zone groups (recordSets empty when no zone matched)', async () => {
    const [endpoint, groups] = recorded(ZONE_GROUP, 14, 34);
    const first = await withAnswers([endpoint, groups], (server) =>
      readPrivateEndpointAndZoneGroups(server.connection(), endpoint.path),
    );
    const parsed = privateEndpointOf(first, undefined);
    assert.equal(parsed.name, 'cli-pe-000005');
    assert.match(parsed.virtualNetworkId, /\/virtualNetworks\/cli-vnet-000003$/);
    assert.deepEqual(parsed.customDnsConfigs, [
      { fqdn: 'saplr000002.blob.core.windows.net', ipAddresses: ['10.0.0.4'] },
    ]);
    assert.deepEqual(
      parsed.dnsZoneGroups.map((group) => group.zoneConfigs.map((config) => config.privateDnsZoneId.split('/').pop())),
      [['www.clizone1.com', 'www.clizone2.com']],
    );
    assert.deepEqual(parsed.dnsZoneGroups[0].zoneConfigs[0].recordSets, []);
  });

  it("reads a zone group's A records (Microsoft's example, the only one with recordSets)", async () => {
    const example = JSON.parse(
      readFileSync(
        join(RECORDINGS, 'rest-api-specs-examples/network__2021-02-01__PrivateEndpointDnsZoneGroupGet.json'),
        'utf8',
      ),
    );
    const [endpoint] = recorded(ZONE_GROUP, 14);
    const list = exampleAnswer(
      { responses: { 200: { body: { value: [example.responses['200'].body] } } } },
      `${endpoint.path}/privateDnsZoneGroups`,
    );
    const first = await withAnswers([endpoint, list], (server) =>
      readPrivateEndpointAndZoneGroups(server.connection(), endpoint.path),
    );
    const recordSets = privateEndpointOf(first, undefined).dnsZoneGroups[0].zoneConfigs[0].recordSets;
    assert.ok(recordSets.length > 0);
    assert.ok(recordSets.every((recordSet) => recordSet.fqdn !== '' && recordSet.ipAddresses.length > 0));
  });

  it("follows a nextLink from an empty page, as ARM's generic resource list answers", async () => {
    const [first, second] = recorded(ENDPOINTS, 3, 4);
    const items = await withAnswers([first, second], async (server) => {
      const found = await listAllPages(server.connection().arm, first.path, '2022-09-01');
      assert.equal(server.requests.length, 2, 'the empty first page still had a next page');
      return found;
    });
    assert.deepEqual(items, []);
  });

  it('discovers hubs across Resource Graph pages: $skipToken top-level in the answer, inside options in the request', async () => {
    const [paged] = recorded('azure-cli-extensions/resource-graph__test_paged_query.yaml', 0);
    const [next] = recorded('azure-cli-extensions/resource-graph__test_skip_token_query.yaml', 0);
    const [full] = recorded(
      'azure-cli-extensions/dataprotection__test_dataprotection_backup_vault_list_from_resource_graph.yaml',
      0,
    );
    // The last page: the recorded full row, its type and kind those of a hub (every other field as recorded).
    const row = (full.responseBody as { data: Record<string, unknown>[] }).data[0];
    const hubRow = { ...row, type: 'microsoft.machinelearningservices/workspaces', kind: 'Hub' };
    const last = { ...full, responseBody: { ...(full.responseBody as object), data: [hubRow] } };
    await withAnswers([paged, next, last], async (server) => {
      const result = await discoverHubs(server.connection(), ['00000000-0000-0000-0000-000000000000']);
      const tokens = server.requests.map(
        (request) => (request.body as { options?: { $skipToken?: string } }).options?.$skipToken,
      );
      assert.deepEqual(tokens, [
        undefined,
        (paged.responseBody as { $skipToken: string }).$skipToken,
        (next.responseBody as { $skipToken: string }).$skipToken,
      ]);
      assert.equal(result.source, 'resourceGraph');
      assert.deepEqual(
        result.hubs.map((hub) => [hub.name, hub.kind, hub.resourceGroup, hub.location]),
        [[row.name, 'hub', row.resourceGroup, row.location]],
        'rows of other types (lower-case types, as recorded) are not hubs',
      );
    });
  });
});
