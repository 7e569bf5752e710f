/** The private endpoint plan for a hub's dependencies (blob, file, vault, registry, account), names, and what is missing. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { defaultPrivateEndpointName, validatePrivateEndpointName } from '../../../src/model/armNames';
import { CLOUDS } from '../../../src/model/clouds';
import {
  isDependencyGroupId,
  missingDependencyEndpoints,
  resourcesToClose,
} from '../../../src/model/dependencyEndpoints';
import type { GroupId } from '../../../src/model/dnsZones';
import type { DependentResource } from '../../../src/model/hubState';
import { renderPlanScript, renderRollbackScript } from '../../../src/model/plan';
import {
  buildPrivateEndpointsPlan,
  type PlannedPrivateEndpoint,
  type PrivateEndpointsPlanInput,
} from '../../../src/model/privateEndpointPlan';
import { healthyPrivateHub, privateDependents } from '../../builders/hubState';
import { API_VERSIONS, PRIVATE_DNS, SUBNET_ID } from './planFixtures';

const STORAGE_ID = '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stsales';
const TARGETS: Readonly<Record<Exclude<GroupId, 'amlworkspace'>, { id: string; name: string }>> = {
  blob: { id: STORAGE_ID, name: 'stsales' },
  file: { id: STORAGE_ID, name: 'stsales' },
  vault: {
    id: '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-sales',
    name: 'kv-sales',
  },
  registry: {
    id: '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.ContainerRegistry/registries/crsales',
    name: 'crsales',
  },
  account: {
    id: '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-sales',
    name: 'ais-sales',
  },
};

function endpointTo(groupId: keyof typeof TARGETS): PlannedPrivateEndpoint {
  const name = `pe-${TARGETS[groupId].name}-${groupId}`;
  return {
    target: { ...TARGETS[groupId], groupId },
    subscriptionId: 's1',
    resourceGroup: 'rg-net',
    name,
    location: 'eastus',
    connectionName: name,
    manualApproval: false,
  };
}

function planFor(groupIds: readonly (keyof typeof TARGETS)[], overrides: Partial<PrivateEndpointsPlanInput> = {}) {
  return buildPrivateEndpointsPlan({
    cloud: CLOUDS.AzureCloud,
    apiVersions: API_VERSIONS,
    subnetId: SUBNET_ID,
    privateEndpoints: groupIds.map(endpointTo),
    dns: PRIVATE_DNS,
    ...overrides,
  });
}

describe('buildPrivateEndpointsPlan for dependencies', () => {
  const cases: readonly [keyof typeof TARGETS, string[], string][] = [
    ['blob', ['privatelink.blob.core.windows.net'], 'STORAGE_ID'],
    ['file', ['privatelink.file.core.windows.net'], 'STORAGE_ID'],
    ['vault', ['privatelink.vaultcore.azure.net'], 'KEY_VAULT_ID'],
    ['registry', ['privatelink.azurecr.io'], 'REGISTRY_ID'],
    [
      'account',
      ['privatelink.cognitiveservices.azure.com', 'privatelink.openai.azure.com', 'privatelink.services.ai.azure.com'],
      'AI_SERVICES_ID',
    ],
  ];
  for (const [groupId, zones, targetVariable] of cases) {
    it(`plans a ${groupId} endpoint with its ${zones.length} zone(s), links and one zone group`, () => {
      const plan = planFor([groupId]);
      assert.deepEqual(
        plan.steps.map((step) => step.id),
        [
          'create-private-endpoint',
          ...zones.map((zone) => `create-zone:${zone}`),
          ...zones.map((zone) => `link-zone:${zone}`),
          'create-dns-zone-group',
        ],
      );
      const [endpoint] = plan.steps;
      const connection = (
        endpoint?.operation.body as { properties: { privateLinkServiceConnections: { properties: unknown }[] } }
      ).properties.privateLinkServiceConnections[0];
      assert.deepEqual(connection?.properties, { privateLinkServiceId: TARGETS[groupId].id, groupIds: [groupId] });
      assert.equal(
        endpoint?.az,
        `az network private-endpoint create --name="$PRIVATE_ENDPOINT" --resource-group="$RESOURCE_GROUP" --vnet-name="$VNET_NAME" --subnet="$SUBNET_NAME" --private-connection-resource-id="$${targetVariable}" --group-id=${groupId} --connection-name="$CONNECTION_NAME" --location="$LOCATION"`,
      );
      const group = plan.steps.at(-1);
      const configs = (
        group?.operation.body as {
          properties: { privateDnsZoneConfigs: { properties: { privateDnsZoneId: string } }[] };
        }
      ).properties.privateDnsZoneConfigs;
      assert.deepEqual(
        configs.map((config) => config.properties.privateDnsZoneId.split('/').pop()),
        zones,
      );
      assert.match(
        group?.az ?? '',
        new RegExp(
          `^az network private-endpoint dns-zone-group create .*--zone-name=${zones[0]?.replace(/\./g, '-')}$`,
          'm',
        ),
      );
      const links = plan.steps.filter((step) => step.id.startsWith('link-zone:'));
      assert.ok(
        links.every((step) => step.az.endsWith('-v="$VNET_ID" -e=false')),
        'links never auto-register',
      );
      assert.ok(
        links.every(
          (step) =>
            (step.operation.body as { properties: { registrationEnabled: boolean } }).properties.registrationEnabled ===
            false,
        ),
      );
      assert.equal(plan.variables.find((variable) => variable.name === targetVariable)?.value, TARGETS[groupId].id);
    });
  }

  it('plans several endpoints with shared variables, each zone and link once, and a zone group per endpoint', () => {
    const plan = planFor(['blob', 'file', 'vault']);
    assert.deepEqual(
      plan.steps.map((step) => step.id),
      [
        'create-private-endpoint:pe-stsales-blob',
        'create-zone:privatelink.blob.core.windows.net',
        'link-zone:privatelink.blob.core.windows.net',
        'create-dns-zone-group:pe-stsales-blob',
        'create-private-endpoint:pe-stsales-file',
        'create-zone:privatelink.file.core.windows.net',
        'link-zone:privatelink.file.core.windows.net',
        'create-dns-zone-group:pe-stsales-file',
        'create-private-endpoint:pe-kv-sales-vault',
        'create-zone:privatelink.vaultcore.azure.net',
        'link-zone:privatelink.vaultcore.azure.net',
        'create-dns-zone-group:pe-kv-sales-vault',
      ],
    );
    assert.equal(plan.title, 'Add 3 private endpoints: stsales blob, stsales file, kv-sales vault');
    const names = plan.variables.map((variable) => variable.name);
    for (const shared of [
      'SUBSCRIPTION_ID',
      'RESOURCE_GROUP',
      'VNET_NAME',
      'SUBNET_NAME',
      'LOCATION',
      'STORAGE_ID',
      'DNS_RESOURCE_GROUP',
      'LINK_NAME',
      'VNET_ID',
      'ZONE_GROUP',
    ]) {
      assert.equal(names.filter((name) => name === shared).length, 1, shared);
    }
    assert.ok(!names.some((name) => /_2$/.test(name)), `no numbered duplicates: ${names.join(' ')}`);
    assert.match(
      plan.steps[4]?.az ?? '',
      /--name="\$FILE_PRIVATE_ENDPOINT" .* --private-connection-resource-id="\$STORAGE_ID" --group-id=file --connection-name="\$FILE_CONNECTION_NAME"/,
    );
    assert.match(
      plan.steps[7]?.az ?? '',
      /dns-zone-group create -g="\$RESOURCE_GROUP" --endpoint-name="\$FILE_PRIVATE_ENDPOINT" -n="\$ZONE_GROUP"/,
    );
    const script = renderPlanScript(plan);
    assert.match(script, /^BLOB_PRIVATE_ENDPOINT=pe-stsales-blob$/m);
    execFileSync('bash', ['-n'], { input: script });
    execFileSync('bash', ['-n'], { input: renderRollbackScript(plan) });
  });

  it('reuses existing zones and links: they are neither planned nor rolled back', () => {
    const dns = {
      ...PRIVATE_DNS,
      existingZoneNames: ['privatelink.blob.core.windows.net', 'PrivateLink.File.Core.Windows.Net'],
      zonesLinkedToVirtualNetwork: ['privatelink.blob.core.windows.net'],
    };
    const plan = planFor(['blob', 'file'], { dns });
    assert.deepEqual(
      plan.steps.map((step) => step.id),
      [
        'create-private-endpoint:pe-stsales-blob',
        'create-dns-zone-group:pe-stsales-blob',
        'create-private-endpoint:pe-stsales-file',
        'link-zone:privatelink.file.core.windows.net',
        'create-dns-zone-group:pe-stsales-file',
      ],
    );
    const rollback = renderRollbackScript(plan);
    assert.ok(!rollback.includes('private-dns zone delete'), rollback);
    assert.match(rollback, /link vnet delete .* -z=privatelink\.file\.core\.windows\.net/);
  });

  it('plans a zone shared by two accounts once, and numbers their target variables', () => {
    const second: PlannedPrivateEndpoint = {
      ...endpointTo('account'),
      name: 'pe-ais-other-account',
      connectionName: 'pe-ais-other-account',
      target: { id: `${TARGETS.account.id}-other`, name: 'ais-other', groupId: 'account' },
    };
    const plan = buildPrivateEndpointsPlan({
      cloud: CLOUDS.AzureCloud,
      apiVersions: API_VERSIONS,
      subnetId: SUBNET_ID,
      privateEndpoints: [endpointTo('account'), second],
      dns: PRIVATE_DNS,
    });
    assert.equal(plan.steps.filter((step) => step.id.startsWith('create-zone:')).length, 3);
    assert.equal(plan.steps.filter((step) => step.id.startsWith('create-dns-zone-group:')).length, 2);
    assert.match(
      plan.steps.find((step) => step.id === 'create-private-endpoint:pe-ais-other-account')?.az ?? '',
      /"\$AI_SERVICES_ID_2" --group-id=account --connection-name="\$ACCOUNT_CONNECTION_NAME_2"/,
    );
  });

  it("plans only the endpoints for the user's own DNS, in the sovereign clouds too", () => {
    assert.deepEqual(
      planFor(['blob', 'vault'], { dns: { kind: 'customDns' } }).steps.map((step) => step.id),
      ['create-private-endpoint:pe-stsales-blob', 'create-private-endpoint:pe-kv-sales-vault'],
    );
    const gov = planFor(['vault'], { cloud: CLOUDS.AzureUSGovernment });
    assert.equal(
      gov.steps[1]?.az,
      'az network private-dns zone create -g="$DNS_RESOURCE_GROUP" -n=privatelink.vaultcore.usgovcloudapi.net',
    );
  });

  it('refuses two endpoints with one name, and no endpoint at all', () => {
    const twin = { ...endpointTo('file'), name: 'PE-STSALES-BLOB' };
    assert.throws(
      () =>
        buildPrivateEndpointsPlan({
          cloud: CLOUDS.AzureCloud,
          apiVersions: API_VERSIONS,
          subnetId: SUBNET_ID,
          privateEndpoints: [endpointTo('blob'), twin],
          dns: PRIVATE_DNS,
        }),
      /Two private endpoints are named pe-stsales-blob/,
    );
    assert.throws(() => planFor([]), /Pick at least one private endpoint/);
  });
});

describe('private endpoint names for dependencies', () => {
  it('defaults to pe-<resource>-<groupId>, valid for ARM', () => {
    assert.equal(defaultPrivateEndpointName('stsales', 'blob'), 'pe-stsales-blob');
    assert.equal(defaultPrivateEndpointName('kv-sales', 'vault'), 'pe-kv-sales-vault');
  });

  it('shortens long names and drops characters a network name cannot hold', () => {
    const long = defaultPrivateEndpointName(`ais-${'x'.repeat(70)}`, 'account');
    assert.equal(long.length, 80);
    assert.ok(long.endsWith('x-account'), long);
    assert.equal(validatePrivateEndpointName(long), undefined);
    const dotted = defaultPrivateEndpointName(`${'a'.repeat(69)}.b`, 'account');
    assert.equal(dotted, `pe-${'a'.repeat(69)}-account`, 'a trailing period of the shortened name goes');
    assert.equal(defaultPrivateEndpointName('ais (sales)', 'account'), 'pe-aissales-account');
  });
});

describe('missing dependency endpoints', () => {
  const withResources = (change: (resource: DependentResource) => DependentResource) =>
    healthyPrivateHub({ dependentResources: privateDependents().map(change) });

  it('lists each resource and group id without an Approved endpoint; a registry below Premium cannot have one', () => {
    const state = withResources((resource) =>
      resource.kind === 'storage'
        ? { ...resource, privateEndpoints: [{ id: 'pe', groupIds: ['blob'], status: 'Pending' }] }
        : resource.kind === 'containerRegistry'
          ? { ...resource, sku: 'Basic', privateEndpoints: [] }
          : resource,
    );
    const missing = missingDependencyEndpoints(state);
    assert.deepEqual(
      missing.map((pair) => [pair.resource.name, pair.groupId, pair.blocker !== undefined]),
      [
        ['stsales', 'blob', false],
        ['stsales', 'file', false],
        ['crsales', 'registry', true],
      ],
    );
    assert.match(missing[2]?.blocker ?? '', /Basic SKU: only Premium registries/);
    assert.deepEqual(missingDependencyEndpoints(healthyPrivateHub()), []);
  });

  it('offers to close only public resources that get all their endpoints', () => {
    const state = withResources((resource) =>
      resource.kind === 'storage' ? { ...resource, publicNetworkAccess: 'Enabled', privateEndpoints: [] } : resource,
    );
    const storageId = state.dependentResources[0]?.id ?? '';
    assert.deepEqual(
      resourcesToClose(state, [{ resourceId: storageId, groupId: 'blob' }]),
      [],
      'file is still missing',
    );
    assert.deepEqual(
      resourcesToClose(state, [
        { resourceId: storageId, groupId: 'blob' },
        { resourceId: storageId, groupId: 'file' },
      ]).map((resource) => resource.name),
      ['stsales'],
    );
  });

  it('knows the dependency group ids a finding passes', () => {
    assert.deepEqual(
      ['blob', 'file', 'vault', 'registry', 'account', 'amlworkspace', 'queue', 3].map(isDependencyGroupId),
      [true, true, true, true, true, false, false, false],
    );
  });
});
