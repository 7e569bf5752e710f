import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { StorageManagementClient } from '@azure/arm-storage';
import { DEV, DEV_GROUP, FAST_POLL, Harness, PROD, PROD_GROUP } from './helpers';

describe('emulator: storage, key vault, container registry, AI Services and role assignments', () => {
  let harness: Harness;
  const modular = (apiVersion: string) => ({ ...harness.clientOptions, apiVersion });
  before(async () => {
    harness = await Harness.start();
  });
  after(() => harness.close());

  it('creates a storage account through the SDK poller (202 + Location) and refuses /32 rules', async () => {
    const client = new StorageManagementClient(harness.credential, DEV, modular('2025-06-01'));
    const account = await client.storageAccounts.create(
      'rg-foundry-dev',
      'stsdktest',
      { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } },
      FAST_POLL,
    );
    assert.equal(account.provisioningState, 'Succeeded');
    assert.equal(account.primaryEndpoints?.blob, 'https://stsdktest.blob.core.windows.net/');
    const raw = await harness.arm(
      'PUT',
      `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/strawtest?api-version=2025-06-01`,
      { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } },
    );
    assert.equal(raw.status, 202);
    assert.ok(raw.headers.location);
    const single = await harness.arm(
      'PATCH',
      `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/strawtest?api-version=2025-06-01`,
      { properties: { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.2.3/32' }] } } },
    );
    assert.equal(single.status, 400);
    assert.match(single.body.error.message, /single IP/);
    // @azure/arm-storage 20 drops `properties` when networkRuleSet is the only property set (it checks 'NetworkRuleSet').
    const updated = await client.storageAccounts.update('rg-foundry-dev', 'strawtest', {
      publicNetworkAccess: 'Enabled',
      networkRuleSet: { defaultAction: 'Deny', ipRules: [{ iPAddressOrRange: '52.1.2.3' }] },
    });
    assert.equal(updated.networkRuleSet?.ipRules?.[0].iPAddressOrRange, '52.1.2.3');
  });

  it('serves the demo storage accounts in mixed states, with the private one connected', async () => {
    const dev = await harness.arm(
      'GET',
      `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev?api-version=2025-06-01`,
    );
    assert.equal(dev.body.properties.publicNetworkAccess, 'Enabled');
    const prod = await harness.arm(
      'GET',
      `${PROD_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundryprod?api-version=2025-06-01`,
    );
    assert.equal(prod.body.properties.publicNetworkAccess, 'Disabled');
    assert.equal(
      prod.body.properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState.status,
      'Approved',
    );
  });

  it('normalizes a bare IP to /32 in key vault rules', async () => {
    const client = new KeyVaultManagementClient(harness.credential, DEV, modular('2024-11-01'));
    const vault = await client.vaults.createOrUpdate(
      'rg-foundry-dev',
      'kv-sdk-test',
      {
        location: 'eastus',
        properties: {
          tenantId: harness.emulator.tenantId,
          sku: { family: 'A', name: 'standard' },
          networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.10.20.30' }] },
        },
      },
      FAST_POLL,
    );
    assert.equal(vault.properties.networkAcls?.ipRules?.[0].value, '52.10.20.30/32');
    const demo = await client.vaults.get('rg-foundry-dev', 'kv-foundry-dev');
    assert.equal(demo.properties.networkAcls?.defaultAction, 'Deny');
  });

  it('keeps network rules of container registries to the Premium SKU', async () => {
    const client = new ContainerRegistryManagementClient(harness.credential, DEV, modular('2025-04-01'));
    const registry = await client.registries.get('rg-foundry-dev', 'crfoundrydev');
    assert.equal(registry.publicNetworkAccess, 'Disabled');
    const basic = await harness.arm(
      'PATCH',
      `${PROD_GROUP}/providers/Microsoft.ContainerRegistry/registries/crfoundryprod?api-version=2025-04-01`,
      { properties: { publicNetworkAccess: 'Disabled' } },
    );
    assert.equal(basic.status, 400);
    assert.equal(basic.body.error.code, 'PremiumSkuRequired');
    const created = await client.registries.create(
      'rg-foundry-dev',
      'crsdktest',
      { location: 'eastus', sku: { name: 'Premium' } },
      FAST_POLL,
    );
    assert.equal(created.provisioningState, 'Succeeded');
    assert.equal(created.loginServer, 'crsdktest.azurecr.io');
  });

  it('serves the AI Services account with its identity and firewall', async () => {
    const client = new CognitiveServicesManagementClient(harness.credential, PROD, {
      ...harness.clientOptions,
      apiVersion: '2024-10-01',
    });
    const account = await client.accounts.get('rg-foundry-prod', 'ais-foundry-prod');
    assert.equal(account.kind, 'AIServices');
    assert.match(account.identity?.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(account.properties?.networkAcls?.defaultAction, 'Deny');
    const updated = await client.accounts.beginUpdateAndWait(
      'rg-foundry-prod',
      'ais-foundry-prod',
      { properties: { publicNetworkAccess: 'Disabled' } },
      FAST_POLL,
    );
    assert.equal(updated.properties?.publicNetworkAccess, 'Disabled');
  });

  it('creates, lists and deletes role assignments at a resource scope', async () => {
    const client = new AuthorizationManagementClient(harness.credential, DEV, harness.clientOptions);
    const scope = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;
    const principalId = '3c9f0a4e-1111-4222-8333-444455556666';
    const roleDefinitionId = `/subscriptions/${DEV}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`;
    const name = '5d1b2c3a-0000-4000-8000-000000000001';
    const created = await client.roleAssignments.create(scope, name, {
      roleDefinitionId,
      principalId,
      principalType: 'User',
    });
    assert.equal(created.scope, scope);
    const again = await harness.arm(
      'PUT',
      `${scope}/providers/Microsoft.Authorization/roleAssignments/5d1b2c3a-0000-4000-8000-000000000002?api-version=2022-04-01`,
      { properties: { roleDefinitionId, principalId } },
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'RoleAssignmentExists');
    const listed = [];
    for await (const assignment of client.roleAssignments.listForScope(scope, {
      filter: `principalId eq '${principalId}'`,
    }))
      listed.push(assignment.name);
    assert.deepEqual(listed, [name]);
    await client.roleAssignments.delete(scope, name);
    assert.equal(
      (
        await harness.arm(
          'GET',
          `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
        )
      ).status,
      404,
    );
  });

  it('holds the demo role assignments of the private storage account', async () => {
    const scope = `${PROD_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundryprod`;
    const list = await harness.arm(
      'GET',
      `${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
    );
    const roles = list.body.value
      .map((assignment: { properties: { roleDefinitionId: string } }) =>
        assignment.properties.roleDefinitionId.split('/').pop(),
      )
      .sort();
    assert.deepEqual(roles, ['69566ab7-960f-475b-8e7c-b3118f30c6bd', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe']);
    const endpointScope = `${PROD_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-stfoundryprod-blob`;
    const reader = await harness.arm(
      'GET',
      `${endpointScope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()`,
    );
    assert.equal(reader.body.value.length, 1);
  });
});
