import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRoleAssignment, updateDependentAccess, updateWorkspaceNetwork } from '../../../src/azure/accessOperations';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { ConcurrentChangeError } from '../../../src/azure/errors';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { ROLES } from '../../../src/model/roles';
import { DEV_GROUP, PROD_GROUP, hubIdOf, useHarness } from './support';

const HUB_PUBLIC = hubIdOf(DEV_GROUP, 'hub-public');
const STORAGE_DEV = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;

describe('public access writes, checked in the emulator state', () => {
  const harness = useHarness();

  it('writes workspace IP rules with the preview api-version and If-Match, then re-reads them', async () => {
    const connection = harness.connect();
    const before = await readHubNetworkState(connection, HUB_PUBLIC);
    const after = await updateWorkspaceNetwork(connection, {
      workspaceId: HUB_PUBLIC,
      patch: { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules: ['20.30.40.0/24', '52.1.2.3'] } },
      expected: before.workspace,
    });
    assert.deepEqual(after.networkAcls, { defaultAction: 'Deny', ipRules: ['20.30.40.0/24', '52.1.2.3'] });
    const stored = await harness.admin.getProperties(HUB_PUBLIC);
    assert.deepEqual(stored?.networkAcls, { defaultAction: 'Deny', ipRules: [{ value: '20.30.40.0/24' }, { value: '52.1.2.3' }] });
    const patch = harness.events.find((event) => event.method === 'PATCH');
    assert.equal(patch?.apiVersion, API_VERSIONS.workspacesPreview);
    assert.notEqual(after.etag, before.workspace.etag);
  });

  it('turns public access off with the stable api-version', async () => {
    const connection = harness.connect();
    const before = await readHubNetworkState(connection, HUB_PUBLIC);
    const after = await updateWorkspaceNetwork(connection, { workspaceId: HUB_PUBLIC, patch: { publicNetworkAccess: 'Disabled' }, expected: before.workspace });
    assert.equal(after.publicNetworkAccess, 'Disabled');
    assert.equal((await harness.admin.getProperties(HUB_PUBLIC))?.publicNetworkAccess, 'Disabled');
    assert.equal(harness.events.find((event) => event.method === 'PATCH')?.apiVersion, API_VERSIONS.workspaces);
  });

  it('refuses to overwrite a change made since the read: stale etag (412)', async () => {
    const connection = harness.connect();
    const before = await readHubNetworkState(connection, HUB_PUBLIC);
    await updateWorkspaceNetwork(connection, { workspaceId: HUB_PUBLIC, patch: { publicNetworkAccess: 'Disabled' }, expected: before.workspace });
    await assert.rejects(
      updateWorkspaceNetwork(connection, { workspaceId: HUB_PUBLIC, patch: { networkAcls: { defaultAction: 'Deny', ipRules: ['20.30.40.0/24'] } }, expected: before.workspace }),
      (error: unknown) => error instanceof ConcurrentChangeError && /Nothing was written/.test(error.userMessage),
    );
    assert.equal((await harness.admin.getProperties(HUB_PUBLIC))?.publicNetworkAccess, 'Disabled');
  });

  it('without an etag, re-reads and compares before writing', async () => {
    const connection = harness.connect();
    const stale = { publicNetworkAccess: 'Disabled' as const, networkAcls: undefined };
    await assert.rejects(
      updateWorkspaceNetwork(connection, { workspaceId: HUB_PUBLIC, patch: { publicNetworkAccess: 'Enabled' }, expected: stale }),
      (error: unknown) => error instanceof ConcurrentChangeError && /publicNetworkAccess/.test(error.userMessage),
    );
    assert.equal(harness.events.filter((event) => event.method === 'PATCH').length, 0);
    const current = (await readHubNetworkState(connection, HUB_PUBLIC)).workspace;
    const written = await updateWorkspaceNetwork(connection, { workspaceId: HUB_PUBLIC, patch: { publicNetworkAccess: 'Disabled' }, expected: { publicNetworkAccess: current.publicNetworkAccess, networkAcls: current.networkAcls } });
    assert.equal(written.publicNetworkAccess, 'Disabled');
  });

  it('closes storage to selected IPs (a /32 is sent as the bare IP)', async () => {
    await updateDependentAccess(harness.connect(), { kind: 'storage', resourceId: STORAGE_DEV, publicNetworkAccess: 'Enabled', networkRules: { defaultAction: 'Deny', ipRules: ['20.30.40.0/24', '52.1.2.3/32'] } });
    const stored = await harness.admin.getProperties(STORAGE_DEV);
    assert.equal(stored?.networkAcls.defaultAction, 'Deny');
    assert.deepEqual(stored?.networkAcls.ipRules.map((rule: { value: string }) => rule.value), ['20.30.40.0/24', '52.1.2.3']);
  });

  it('sets key vault, registry and AI Services access through their SDKs', async () => {
    const vault = `${DEV_GROUP}/providers/Microsoft.KeyVault/vaults/kv-foundry-dev`;
    const registry = `${DEV_GROUP}/providers/Microsoft.ContainerRegistry/registries/crfoundrydev`;
    const account = `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`;
    await updateDependentAccess(harness.connect(), { kind: 'keyVault', resourceId: vault, publicNetworkAccess: 'Disabled' });
    await updateDependentAccess(harness.connect(), { kind: 'containerRegistry', resourceId: registry, publicNetworkAccess: 'Enabled', networkRules: { defaultAction: 'Deny', ipRules: ['20.30.40.0/24'] } });
    await updateDependentAccess(harness.connect(), { kind: 'aiServices', resourceId: account, networkRules: { defaultAction: 'Deny', ipRules: ['20.61.0.0/16', '52.1.2.3'] } });
    assert.equal((await harness.admin.getProperties(vault))?.publicNetworkAccess, 'Disabled');
    const storedRegistry = await harness.admin.getProperties(registry);
    assert.equal(storedRegistry?.publicNetworkAccess, 'Enabled');
    assert.equal(storedRegistry?.networkRuleSet.defaultAction, 'Deny');
    const storedAccount = await harness.admin.getProperties(account);
    assert.deepEqual(storedAccount?.networkAcls.ipRules.map((rule: { value: string }) => rule.value), ['20.61.0.0/16', '52.1.2.3']);
  });

  it('creates a role assignment once; a second identical one is reported as existing', async () => {
    const input = { scope: STORAGE_DEV, role: ROLES.storageBlobDataReader, principalId: '11111111-2222-4333-8444-555555555555', principalType: 'User' as const };
    const first = await createRoleAssignment(harness.connect(), input);
    assert.equal(first.created, true);
    assert.ok(first.assignment?.id);
    const stored = await harness.admin.getProperties(first.assignment?.id ?? '');
    assert.match(stored?.roleDefinitionId ?? '', new RegExp(`${ROLES.storageBlobDataReader.id}$`));
    assert.equal(stored?.principalId, input.principalId);
    assert.deepEqual(await createRoleAssignment(harness.connect(), input), { created: false });
  });
});
