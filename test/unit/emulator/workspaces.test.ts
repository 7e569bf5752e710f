import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { DEV, DEV_GROUP, FAST_POLL, Harness, WORKSPACES } from './helpers';

const STABLE = 'api-version=2025-12-01';
const PREVIEW = 'api-version=2025-10-01-preview';
const hubPath = (name: string, version = STABLE): string => `${DEV_GROUP}/${WORKSPACES}/${name}?${version}`;

describe('emulator: Microsoft.MachineLearningServices/workspaces', () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start();
  });
  after(() => harness.close());

  it('creates, updates and deletes a hub through the SDK poller (202 + Location)', async () => {
    const client = new AzureMachineLearningWorkspaces(harness.credential, DEV, harness.clientOptions);
    // @azure/arm-machinelearning 2.1.1 (api 2022-10-01) has no `kind` in its model; it still sends what it is given.
    const hub = { location: 'eastus', kind: 'Hub' };
    const created = await client.workspaces.beginCreateOrUpdateAndWait('rg-foundry-dev', 'hub-sdk', hub, FAST_POLL);
    assert.equal(created.provisioningState, 'Succeeded');
    assert.match(created.workspaceId ?? '', /^[0-9a-f-]{36}$/);
    const updated = await client.workspaces.beginUpdateAndWait(
      'rg-foundry-dev',
      'hub-sdk',
      { publicNetworkAccess: 'Disabled' },
      FAST_POLL,
    );
    assert.equal(updated.publicNetworkAccess, 'Disabled');
    await client.workspaces.beginDeleteAndWait('rg-foundry-dev', 'hub-sdk', FAST_POLL);
    assert.equal(await harness.admin.getResource(`${DEV_GROUP}/${WORKSPACES}/hub-sdk`), undefined);
  });

  it('answers a workspace PUT with 202, both polling headers and an integer Retry-After; the Location poll ends 200', async () => {
    const put = await harness.arm('PUT', hubPath('hub-raw'), { location: 'eastus', kind: 'hub', properties: {} });
    assert.equal(put.status, 202);
    assert.match(String(put.headers['azure-asyncoperation']), /workspaceOperationsStatus\/.*type=async/);
    assert.match(String(put.headers.location), /workspaceOperationsStatus\/.*type=location/);
    assert.match(String(put.headers['retry-after']), /^[1-9]\d*$/);
    const poll = await harness.follow(String(put.headers.location));
    assert.equal(poll.status, 200);
    const read = await harness.arm('GET', hubPath('hub-raw'));
    assert.equal(read.body.kind, 'hub', 'kind keeps its case: clients compare it case-insensitively');
    assert.equal(read.body.properties.provisioningState, 'Succeeded');
    const deletion = await harness.arm('DELETE', hubPath('hub-raw'));
    assert.equal(deletion.status, 202);
    assert.ok([200, 204].includes((await harness.follow(String(deletion.headers.location))).status));
  });

  it('shows networkAcls only on preview api-versions', async () => {
    const stable = await harness.arm('GET', hubPath('hub-selected-ips'));
    assert.equal(stable.body.properties.networkAcls, undefined);
    const preview = await harness.arm('GET', hubPath('hub-selected-ips', PREVIEW));
    assert.equal(preview.body.properties.networkAcls.defaultAction, 'Deny');
    assert.deepEqual(
      preview.body.properties.networkAcls.ipRules.map((rule: { value: string }) => rule.value),
      ['52.174.12.0/24', '20.42.11.5', '20.50.64.0/20'],
    );
  });

  it('ignores networkAcls written with the stable api-version', async () => {
    await harness.arm('PATCH', hubPath('hub-selected-ips'), {
      properties: { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1' }] } },
    });
    const preview = await harness.arm('GET', hubPath('hub-selected-ips', PREVIEW));
    assert.equal(preview.body.properties.networkAcls.ipRules.length, 3);
  });

  it('validates IP rules on the server: reserved ranges, IPv6, bad CIDR, more than 200', async () => {
    const patch = (values: string[]) =>
      harness.arm('PATCH', hubPath('hub-public', PREVIEW), {
        properties: { networkAcls: { defaultAction: 'Deny', ipRules: values.map((value) => ({ value })) } },
      });
    for (const [value, pattern] of [
      ['10.1.2.3', /10\.0\.0\.0-10\.255\.255\.255, reserved for private use/],
      ['2001:db8::1', /IPv6/],
      ['52.1.2.3/33', /prefix length/],
      ['52.1.2.3/24', /network address/],
      ['not-an-ip', /not an IPv4/],
    ] as const) {
      const answer = await patch([value]);
      assert.equal(answer.status, 400, value);
      assert.match(answer.body.error.message, pattern);
      assert.equal(answer.body.error.details[0].code, 'InvalidIpRule');
    }
    const tooMany = await patch(
      Array.from({ length: 201 }, (_, index) => `52.${Math.floor(index / 250)}.${index % 250}.1`),
    );
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message, /at most 200/);
    assert.equal((await patch(['52.1.2.0/24', '20.1.1.1'])).status, 202);
  });

  it('resets the IP rules when leaving selected IPs for Enabled (Allow) or Disabled', async () => {
    await harness.arm('PATCH', hubPath('hub-public', PREVIEW), {
      properties: {
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.9.9.9' }] },
      },
    });
    await harness.arm('PATCH', hubPath('hub-public', PREVIEW), {
      properties: { networkAcls: { defaultAction: 'Allow' } },
    });
    assert.deepEqual((await harness.arm('GET', hubPath('hub-public', PREVIEW))).body.properties.networkAcls, {
      defaultAction: 'Allow',
      ipRules: [],
    });
    await harness.arm('PATCH', hubPath('hub-public', PREVIEW), {
      properties: { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.9.9.9' }] } },
    });
    await harness.arm('PATCH', hubPath('hub-public'), { properties: { publicNetworkAccess: 'Disabled' } });
    const disabled = (await harness.arm('GET', hubPath('hub-public', PREVIEW))).body.properties;
    assert.equal(disabled.publicNetworkAccess, 'Disabled');
    assert.deepEqual(disabled.networkAcls.ipRules, []);
  });

  it('links projects to an existing hub only', async () => {
    const orphan = await harness.arm('PUT', hubPath('proj-orphan'), {
      location: 'eastus',
      kind: 'Project',
      properties: { hubResourceId: `${DEV_GROUP}/${WORKSPACES}/no-such-hub` },
    });
    assert.equal(orphan.status, 400);
    const project = await harness.arm('GET', hubPath('proj-private'));
    assert.equal(project.body.kind, 'Project');
    assert.equal(project.body.properties.hubResourceId, `${DEV_GROUP}/${WORKSPACES}/hub-private`);
    const hubDelete = await harness.arm('DELETE', hubPath('hub-private'));
    assert.equal(hubDelete.status, 400, 'a hub with projects cannot be deleted');
  });

  it('lists workspaces by subscription and filters by kind', async () => {
    const all = await harness.arm('GET', `/subscriptions/${DEV}/${WORKSPACES}?${STABLE}`);
    assert.deepEqual(all.body.value.map((workspace: { name: string }) => workspace.name).sort(), [
      'hub-pending',
      'hub-private',
      'hub-public',
      'hub-selected-ips',
      'proj-private',
      'proj-public',
      'proj-selected-ips',
    ]);
    const hubs = await harness.arm('GET', `/subscriptions/${DEV}/${WORKSPACES}?${STABLE}&kind=hub`);
    assert.deepEqual(hubs.body.value.map((workspace: { name: string }) => workspace.name).sort(), [
      'hub-pending',
      'hub-private',
      'hub-public',
      'hub-selected-ips',
    ]);
  });

  it('approves, rejects and deletes private endpoint connections synchronously', async () => {
    const list = await harness.arm(
      'GET',
      `${DEV_GROUP}/${WORKSPACES}/hub-pending/privateEndpointConnections?${STABLE}`,
    );
    assert.equal(list.body.value.length, 1);
    const connection = list.body.value[0];
    assert.equal(connection.properties.privateLinkServiceConnectionState.status, 'Pending');
    const connectionPath = `${connection.id}?${STABLE}`;
    const approve = await harness.arm('PUT', connectionPath, {
      properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' } },
    });
    assert.equal(approve.status, 200);
    const endpoint = await harness.arm(
      'GET',
      `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-pending?api-version=2025-03-01`,
    );
    assert.equal(
      endpoint.body.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState
        .status,
      'Approved',
    );
    const hub = await harness.arm('GET', hubPath('hub-pending'));
    assert.equal(
      hub.body.properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState.status,
      'Approved',
    );
    assert.equal(
      (
        await harness.arm('PUT', connectionPath, {
          properties: { privateLinkServiceConnectionState: { status: 'Rejected' } },
        })
      ).status,
      200,
    );
    const back = await harness.arm('PUT', connectionPath, {
      properties: { privateLinkServiceConnectionState: { status: 'Approved' } },
    });
    assert.equal(back.status, 400, 'a rejected connection cannot be approved again');
    assert.equal((await harness.arm('DELETE', connectionPath)).status, 200);
    const after = await harness.arm(
      'GET',
      `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-pending?api-version=2025-03-01`,
    );
    assert.equal(
      after.body.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status,
      'Disconnected',
    );
  });

  it('lists private link resources with the amlworkspace group and both zone names', async () => {
    const resources = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-private/privateLinkResources?${STABLE}`);
    assert.equal(resources.body.value[0].properties.groupId, 'amlworkspace');
    assert.deepEqual(resources.body.value[0].properties.requiredZoneNames, [
      'privatelink.api.azureml.ms',
      'privatelink.notebooks.azure.net',
    ]);
  });

  it('keeps managedNetwork outbound rules and serves them one by one', async () => {
    const hub = await harness.arm('GET', hubPath('hub-private'));
    assert.equal(hub.body.properties.managedNetwork.isolationMode, 'AllowOnlyApprovedOutbound');
    assert.equal(hub.body.properties.managedNetwork.outboundRules['allow-pypi'].destination, 'pypi.org');
    const put = await harness.arm(
      'PUT',
      `${DEV_GROUP}/${WORKSPACES}/hub-private/outboundRules/allow-github?${STABLE}`,
      { properties: { type: 'FQDN', destination: 'github.com' } },
    );
    // As recorded: 202, no body, both polling headers; the Location poll ends with the rule.
    assert.equal(put.status, 202);
    assert.equal(put.body, undefined);
    assert.equal((await harness.follow(String(put.headers.location))).body.name, 'allow-github');
    const rules = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-private/outboundRules?${STABLE}`);
    assert.deepEqual(rules.body.value.map((rule: { name: string }) => rule.name).sort(), [
      'allow-github',
      'allow-pypi',
    ]);
  });

  it('gives workspaces a system-assigned identity with a principal id', async () => {
    const hub = await harness.arm('GET', hubPath('hub-private'));
    assert.equal(hub.body.identity.type, 'SystemAssigned');
    assert.match(hub.body.identity.principalId, /^[0-9a-f-]{36}$/);
  });

  it('serves workspace connections (AI Services link of hub-dns-incomplete) and computes (ci-alice)', async () => {
    const prodHub =
      '/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-foundry-prod/providers/Microsoft.MachineLearningServices/workspaces/hub-dns-incomplete';
    const connections = await harness.arm('GET', `${prodHub}/connections?${STABLE}`);
    assert.equal(connections.body.value.length, 1);
    assert.equal(connections.body.value[0].properties.category, 'AIServices');
    assert.match(connections.body.value[0].properties.metadata.ResourceId, /accounts\/ais-foundry-prod$/);
    const secret = await harness.arm('PUT', `${prodHub}/connections/blob?${STABLE}`, {
      properties: {
        authType: 'AccountKey',
        category: 'AzureBlob',
        target: 'https://x',
        credentials: { key: 'hidden' },
      },
    });
    assert.equal(secret.status, 200);
    assert.equal(secret.body.properties.credentials, undefined);
    const computes = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/proj-private/computes?${STABLE}`);
    assert.deepEqual(
      computes.body.value.map((compute: { name: string; properties: { computeType: string } }) => [
        compute.name,
        compute.properties.computeType,
      ]),
      [['ci-alice', 'ComputeInstance']],
    );
  });
});
