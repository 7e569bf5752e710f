import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ROLES,
  isRowGranted,
  missingPrivateStorageRows,
  privateStorageAccessRows,
  roleDefinitionResourceId,
  roleToWrite,
} from '../../../src/model/roles';
import { buildStorageAccessPlan } from '../../../src/model/storageAccessPlan';
import { API_VERSIONS } from './planFixtures';

const STORAGE = '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stsales';
const PE_BLOB = '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-blob';
const PE_FILE = '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-file';
const PROJECT = { id: 'project-mi', type: 'ServicePrincipal', label: 'project p-sales' } as const;
const ACCESS = {
  storageAccountId: STORAGE,
  storagePrivateEndpointIds: [PE_BLOB, PE_FILE],
  projectIdentity: PROJECT,
  aiServicesIdentity: { id: 'foundry-mi', type: 'ServicePrincipal', label: 'Foundry' },
  developers: [{ id: 'dev-group', type: 'Group', label: 'developers' }],
} as const;

describe('roles', () => {
  it('holds the documented role ids', () => {
    assert.equal(ROLES.reader.id, 'acdd72a7-3385-48ef-bd42-f606fba81ae7');
    assert.equal(ROLES.storageFileDataPrivilegedContributor.id, '69566ab7-960f-475b-8e7c-b3118f30c6bd');
    assert.equal(ROLES.storageBlobDataContributor.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe');
    assert.equal(ROLES.storageBlobDataReader.id, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    assert.equal(
      roleDefinitionResourceId('s1', ROLES.reader),
      '/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7',
    );
  });

  it('lists the private storage rows: Reader on each endpoint, data roles on the account', () => {
    const rows = privateStorageAccessRows(ACCESS);
    assert.deepEqual(
      rows.map((row) => [row.role.name, row.principal.id, row.scope]),
      [
        ['Reader', 'project-mi', PE_BLOB],
        ['Reader', 'project-mi', PE_FILE],
        ['Storage File Data Privileged Contributor', 'project-mi', STORAGE],
        ['Storage Blob Data Contributor', 'foundry-mi', STORAGE],
        ['Storage Blob Data Reader', 'dev-group', STORAGE],
      ],
    );
  });

  it('recognises granted rows whatever the case and role id form', () => {
    const [row] = privateStorageAccessRows(ACCESS);
    assert.ok(row);
    const existing = [
      {
        roleDefinitionId: roleDefinitionResourceId('S1', ROLES.reader).toUpperCase(),
        principalId: 'PROJECT-MI',
        scope: `${PE_BLOB}/`,
      },
    ];
    assert.ok(isRowGranted(row, existing));
    assert.ok(!isRowGranted(row, [{ ...existing[0]!, principalId: 'other' }]));
  });
});

describe('missing private storage rows', () => {
  it('counts a role inherited from the resource group or subscription, not one on a sibling or child scope', () => {
    const fileContributor = roleDefinitionResourceId('s1', ROLES.storageFileDataPrivilegedContributor);
    const [, , row] = privateStorageAccessRows(ACCESS);
    assert.ok(row);
    for (const scope of ['/subscriptions/s1', '/subscriptions/S1/resourceGroups/rg-ai/'])
      assert.ok(isRowGranted(row, [{ roleDefinitionId: fileContributor, principalId: 'project-mi', scope }]), scope);
    for (const scope of ['/subscriptions/s1/resourceGroups/rg-a', `${STORAGE}/blobServices/default`])
      assert.ok(!isRowGranted(row, [{ roleDefinitionId: fileContributor, principalId: 'project-mi', scope }]), scope);
  });

  it('lists what no assignment grants yet, once per role, principal and scope', () => {
    const sameIdentity = {
      ...ACCESS,
      aiSearchIdentity: { id: 'FOUNDRY-MI', type: 'ServicePrincipal', label: 'search' },
    } as const;
    assert.equal(privateStorageAccessRows(sameIdentity).length, 5, 'one identity in two places needs the role once');
    const existing = [
      { roleDefinitionId: ROLES.reader.id, principalId: 'project-mi', scope: PE_BLOB },
      { roleDefinitionId: ROLES.storageBlobDataReader.id, principalId: 'dev-group', scope: '/subscriptions/s1' },
    ];
    assert.deepEqual(
      missingPrivateStorageRows(sameIdentity, existing).map((row) => [row.role.name, row.scope]),
      [
        ['Reader', PE_FILE],
        ['Storage File Data Privileged Contributor', STORAGE],
        ['Storage Blob Data Contributor', STORAGE],
      ],
    );
  });
});

describe('buildStorageAccessPlan', () => {
  it('plans one role assignment per missing row, with fixed names (golden)', () => {
    const plan = buildStorageAccessPlan({
      apiVersions: API_VERSIONS,
      storageAccountName: 'stsales',
      access: ACCESS,
      existingAssignments: [{ roleDefinitionId: ROLES.reader.id, principalId: 'project-mi', scope: PE_FILE }],
      newAssignmentName: (_row, index) => `00000000-0000-0000-0000-00000000000${index}`,
    });
    assert.equal(plan.steps.length, 4);
    const [reader] = plan.steps;
    assert.equal(
      reader?.az,
      'az role assignment create --assignee-object-id=project-mi --assignee-principal-type=ServicePrincipal --role=acdd72a7-3385-48ef-bd42-f606fba81ae7 --scope="$SCOPE_ID"',
    );
    assert.equal(
      reader?.operation.resourceId,
      `${PE_BLOB}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-0000-0000-000000000000`,
    );
    assert.deepEqual(reader?.operation.body, {
      properties: {
        roleDefinitionId:
          '/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7',
        principalId: 'project-mi',
        principalType: 'ServicePrincipal',
      },
    });
    assert.equal(
      reader?.undo?.az,
      'az role assignment delete --assignee=project-mi --role=acdd72a7-3385-48ef-bd42-f606fba81ae7 --scope="$SCOPE_ID"',
    );
    assert.match(plan.steps[1]?.az ?? '', /--scope="\$STORAGE_ID"$/);
    assert.ok(plan.steps.every((step) => step.creates));
  });

  it("names each role definition in the subscription of the row's scope (an endpoint may live in a spoke)", () => {
    const spokeEndpoint =
      '/subscriptions/s2/resourceGroups/rg-spoke/providers/Microsoft.Network/privateEndpoints/pe-blob';
    const plan = buildStorageAccessPlan({
      apiVersions: API_VERSIONS,
      storageAccountName: 'stsales',
      access: { ...ACCESS, storagePrivateEndpointIds: [spokeEndpoint] },
      existingAssignments: [],
      newAssignmentName: (_row, index) => `00000000-0000-0000-0000-00000000000${index}`,
    });
    const definitions = plan.steps.map(
      (step) =>
        String((step.operation.body as { properties: { roleDefinitionId: string } }).properties.roleDefinitionId).split(
          '/',
        )[2],
    );
    assert.deepEqual(definitions, ['s2', 's1', 's1', 's1']);
  });
});

describe('roleToWrite', () => {
  it('names the built-in role a write to each resource type needs', () => {
    const rg = '/subscriptions/s1/resourceGroups/rg';
    const cases: [string, string][] = [
      [`${rg}/providers/Microsoft.Network/privateEndpoints/pe`, 'Network Contributor'],
      [
        `${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms/virtualNetworkLinks/l`,
        'Network Contributor',
      ],
      [
        `${rg}/providers/Microsoft.Network/privateEndpoints/pe/providers/Microsoft.Authorization/roleAssignments/g`,
        'Role Based Access Control Administrator (or Owner)',
      ],
      [`${rg}/providers/Microsoft.MachineLearningServices/workspaces/hub`, 'Contributor'],
      [`${rg}/providers/Microsoft.MachineLearningServices/workspaces/hub/privateEndpointConnections/c`, 'Contributor'],
      [`${rg}/providers/Microsoft.Storage/storageAccounts/st`, 'Storage Account Contributor'],
      [`${rg}/providers/Microsoft.KeyVault/vaults/kv`, 'Key Vault Contributor'],
      [`${rg}/providers/Microsoft.ContainerRegistry/registries/cr`, 'Contributor'],
      [`${rg}/providers/microsoft.cognitiveservices/accounts/ais`, 'Cognitive Services Contributor'],
    ];
    for (const [id, role] of cases) assert.equal(roleToWrite(id), role, id);
  });
});
