import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { CLOUDS } from '../../../src/model/clouds';
import { renderOperationList, renderPlanScript, renderRollbackScript } from '../../../src/model/plan';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { endpointContext, PRIVATE_DNS, SUBNET_ID, WORKSPACE_ID } from './planFixtures';

describe('buildPrivateEndpointPlan', () => {
  it('plans endpoint, zones, links and zone group in that order', () => {
    const plan = buildPrivateEndpointPlan(endpointContext());
    assert.deepEqual(
      plan.steps.map((step) => step.id),
      [
        'create-private-endpoint',
        'create-zone:privatelink.api.azureml.ms',
        'create-zone:privatelink.notebooks.azure.net',
        'link-zone:privatelink.api.azureml.ms',
        'link-zone:privatelink.notebooks.azure.net',
        'create-dns-zone-group',
      ],
    );
    assert.ok(plan.steps.every((step) => step.creates && step.undo && !step.destructive && !step.exposing));
  });

  it('writes the documented az commands (golden)', () => {
    const az = buildPrivateEndpointPlan(endpointContext()).steps.map((step) => step.az);
    assert.deepEqual(az, [
      'az network private-endpoint create --name="$PRIVATE_ENDPOINT" --resource-group="$RESOURCE_GROUP" --vnet-name="$VNET_NAME" --subnet="$SUBNET_NAME" --private-connection-resource-id="$HUB_ID" --group-id=amlworkspace --connection-name="$CONNECTION_NAME" --location="$LOCATION"',
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.api.azureml.ms',
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.notebooks.azure.net',
      'az network private-dns link vnet create -g="$DNS_RESOURCE_GROUP" -n="$LINK_NAME" -z=privatelink.api.azureml.ms -v="$VNET_ID" -e=false',
      'az network private-dns link vnet create -g="$DNS_RESOURCE_GROUP" -n="$LINK_NAME" -z=privatelink.notebooks.azure.net -v="$VNET_ID" -e=false',
      'az network private-endpoint dns-zone-group create -g="$RESOURCE_GROUP" --endpoint-name="$PRIVATE_ENDPOINT" -n="$ZONE_GROUP" --private-dns-zone="/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${DNS_RESOURCE_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms" --zone-name=privatelink-api-azureml-ms\n' +
        'az network private-endpoint dns-zone-group add -g="$RESOURCE_GROUP" --endpoint-name="$PRIVATE_ENDPOINT" -n="$ZONE_GROUP" --private-dns-zone="/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${DNS_RESOURCE_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net" --zone-name=privatelink-notebooks-azure-net',
    ]);
  });

  it('writes the undo commands (golden)', () => {
    const undo = buildPrivateEndpointPlan(endpointContext()).steps.map((step) => step.undo?.az);
    assert.deepEqual(undo, [
      'az network private-endpoint delete --name="$PRIVATE_ENDPOINT" --resource-group="$RESOURCE_GROUP"',
      'az network private-dns zone delete -g="$DNS_RESOURCE_GROUP" -n=privatelink.api.azureml.ms --yes',
      'az network private-dns zone delete -g="$DNS_RESOURCE_GROUP" -n=privatelink.notebooks.azure.net --yes',
      'az network private-dns link vnet delete -g="$DNS_RESOURCE_GROUP" -n="$LINK_NAME" -z=privatelink.api.azureml.ms --yes',
      'az network private-dns link vnet delete -g="$DNS_RESOURCE_GROUP" -n="$LINK_NAME" -z=privatelink.notebooks.azure.net --yes',
      'az network private-endpoint dns-zone-group delete -g="$RESOURCE_GROUP" --endpoint-name="$PRIVATE_ENDPOINT" -n="$ZONE_GROUP"',
    ]);
  });

  it('sends the ARM bodies the az commands stand for', () => {
    const [endpoint, zone, , link, , group] = buildPrivateEndpointPlan(endpointContext()).steps;
    assert.deepEqual(endpoint?.operation, {
      method: 'PUT',
      resourceId: '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-hub',
      apiVersion: '2025-03-01',
      ifNoneMatch: '*',
      body: {
        location: 'eastus',
        properties: {
          subnet: { id: SUBNET_ID },
          privateLinkServiceConnections: [
            { name: 'pe-hub-conn', properties: { privateLinkServiceId: WORKSPACE_ID, groupIds: ['amlworkspace'] } },
          ],
        },
      },
    });
    assert.deepEqual(zone?.operation.body, { location: 'global' });
    assert.equal(zone?.operation.apiVersion, '2024-06-01');
    assert.deepEqual(link?.operation.body, {
      location: 'global',
      properties: {
        virtualNetwork: {
          id: '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub',
        },
        registrationEnabled: false,
      },
    });
    assert.deepEqual(group?.operation.body, {
      properties: {
        privateDnsZoneConfigs: [
          {
            name: 'privatelink-api-azureml-ms',
            properties: {
              privateDnsZoneId:
                '/subscriptions/s1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms',
            },
          },
          {
            name: 'privatelink-notebooks-azure-net',
            properties: {
              privateDnsZoneId:
                '/subscriptions/s1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net',
            },
          },
        ],
      },
    });
  });

  it('skips zones and links that exist, so rollback never deletes them', () => {
    const plan = buildPrivateEndpointPlan(
      endpointContext({
        dns: {
          ...PRIVATE_DNS,
          existingZoneNames: ['PrivateLink.API.azureml.ms'],
          zonesLinkedToVirtualNetwork: ['privatelink.api.azureml.ms'],
        },
      }),
    );
    assert.deepEqual(
      plan.steps.map((step) => step.id),
      [
        'create-private-endpoint',
        'create-zone:privatelink.notebooks.azure.net',
        'link-zone:privatelink.notebooks.azure.net',
        'create-dns-zone-group',
      ],
    );
  });

  it('asks for manual approval with a request message that survives bash', () => {
    const message = 'Please approve: it\'s for team "sales" $(whoami)';
    const plan = buildPrivateEndpointPlan(
      endpointContext({
        privateEndpoint: { ...endpointContext().privateEndpoint, manualApproval: true, requestMessage: message },
      }),
    );
    const step = plan.steps[0];
    assert.match(
      step?.az ?? '',
      / --manual-request --request-message='Please approve: it'\\''s for team "sales" \$\(whoami\)'$/,
    );
    const body = step?.operation.body as { properties: Record<string, unknown> };
    assert.ok('manualPrivateLinkServiceConnections' in body.properties);
    assert.ok(!('privateLinkServiceConnections' in body.properties));
  });

  it('uses the subnet id when the VNet is in another resource group', () => {
    const other =
      '/subscriptions/s1/resourceGroups/rg-other/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/pe';
    const plan = buildPrivateEndpointPlan(endpointContext({ subnetId: other }));
    assert.match(
      plan.steps[0]?.az ?? '',
      /--resource-group="\$RESOURCE_GROUP" --subnet="\$SUBNET_ID" --private-connection/,
    );
    assert.ok(!(plan.steps[0]?.az ?? '').includes('--vnet-name'));
    assert.deepEqual(plan.variables.find((variable) => variable.name === 'SUBNET_ID')?.value, other);
  });

  it('passes --subscription for zones in a central DNS subscription', () => {
    const plan = buildPrivateEndpointPlan(endpointContext({ dns: { ...PRIVATE_DNS, subscriptionId: 'dns-sub' } }));
    assert.equal(
      plan.steps[1]?.az,
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.api.azureml.ms --subscription="$DNS_SUBSCRIPTION_ID"',
    );
    assert.match(plan.steps[5]?.az ?? '', /"\/subscriptions\/\$\{DNS_SUBSCRIPTION_ID\}\/resourceGroups/);
    assert.match(plan.steps[1]?.operation.resourceId ?? '', /^\/subscriptions\/dns-sub\//);
  });

  it('plans only the endpoint for custom DNS users', () => {
    const plan = buildPrivateEndpointPlan(endpointContext({ dns: { kind: 'customDns' } }));
    assert.deepEqual(
      plan.steps.map((step) => step.id),
      ['create-private-endpoint'],
    );
  });

  it('uses the sovereign zones', () => {
    const plan = buildPrivateEndpointPlan(endpointContext({ cloud: CLOUDS.AzureUSGovernment }));
    assert.equal(
      plan.steps[1]?.az,
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.api.ml.azure.us',
    );
    assert.equal(
      plan.steps[2]?.az,
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.notebooks.usgovcloudapi.net',
    );
  });

  it('refuses invalid names before planning', () => {
    assert.throws(
      () =>
        buildPrivateEndpointPlan(
          endpointContext({ privateEndpoint: { ...endpointContext().privateEndpoint, name: 'pe-' } }),
        ),
      /private endpoint name must end/,
    );
    assert.throws(
      () => buildPrivateEndpointPlan(endpointContext({ dns: { ...PRIVATE_DNS, zoneGroupName: '' } })),
      /DNS zone group/,
    );
  });

  it('renders a script bash accepts, with nasty names quoted at the top', () => {
    const plan = buildPrivateEndpointPlan(
      endpointContext({ privateEndpoint: { ...endpointContext().privateEndpoint, resourceGroup: "rg (it's)" } }),
    );
    const script = renderPlanScript(plan);
    assert.match(script, /^RESOURCE_GROUP='rg \(it'\\''s\)'$/m);
    assert.match(script, /^set -euo pipefail$/m);
    execFileSync('bash', ['-n'], { input: script });
    execFileSync('bash', ['-n'], { input: renderRollbackScript(plan) });
  });

  it('lists the ARM operations for people, and rolls back newest first', () => {
    const plan = buildPrivateEndpointPlan(endpointContext());
    const text = renderOperationList(plan);
    assert.match(
      text,
      /^1\. Create private endpoint pe-hub in snet-pe\n {3}PUT \/subscriptions\/s1\/resourceGroups\/rg-net\/providers\/Microsoft\.Network\/privateEndpoints\/pe-hub\?api-version=2025-03-01$/m,
    );
    const rollback = renderRollbackScript(plan, new Set(['create-private-endpoint', 'create-dns-zone-group']));
    assert.ok(rollback.indexOf('dns-zone-group delete') < rollback.indexOf('private-endpoint delete'));
    assert.ok(!rollback.includes('private-dns zone delete'));
  });

  it('gives the same plan id for the same context and another for another', () => {
    assert.equal(buildPrivateEndpointPlan(endpointContext()).id, buildPrivateEndpointPlan(endpointContext()).id);
    assert.notEqual(
      buildPrivateEndpointPlan(endpointContext()).id,
      buildPrivateEndpointPlan(endpointContext({ dns: { kind: 'customDns' } })).id,
    );
  });
});
