/**
 * The wizard runs of the fault matrix (faultMatrix.test.ts) with what each must leave after Roll back: the four shared
 * with rollbackFaults.test.ts (scenarios.ts) and six more. `landed` names the steps whose write reached Azure and that
 * a roll back does not undo (it deletes only what the run created): the steps before the fault that changed something
 * in place, and the faulted one when its write landed before its operation failed.
 */
import assert from 'node:assert/strict';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  SELECTED_IPS_RULES,
  endpointIdOf,
  hubIdOf,
  ipRuleValuesOf,
  linkOf,
  zoneIdOf,
  type WizardHarness,
} from './support';
import {
  ADD_PRIVATE_ENDPOINT,
  CONFIGURE_PRIVATE_DNS,
  EDIT_IP_RULES,
  SET_PUBLIC_ACCESS,
  type WizardScenario,
} from './scenarios';
import {
  PROD_HUB,
  PROD_PROJECT,
  PROD_STORAGE,
  PROD_STORAGE_FILE_ENDPOINT,
  storageAccessTopology,
} from './storageAccessTopology';
import { escapeRegex } from './faultEvidence';

export interface MatrixScenario extends WizardScenario {
  /** The path pattern a fault on this step's resource matches (default: exactly its id). */
  faultPattern?(resourceId: string): string;
  /**
   * What Roll back (or, when the run created nothing, giving up) must leave. `landed`: the ids of the steps whose
   * write is in Azure and is not undone by a roll back.
   */
  assertRolledBack(harness: WizardHarness, landed: ReadonlySet<string>): Promise<void>;
}

const STORAGE_SEARCH_PRINCIPAL = '5a1d0e6c-0000-4000-8000-00000000a150';

/** The storage scenario's grants ([who, scope], sorted) among the prod role assignments; the three seeded ones must stay. */
async function storageGrants(harness: WizardHarness): Promise<string[][]> {
  const project = (await harness.admin.getResource(PROD_PROJECT))?.identity?.principalId;
  const path = `${PROD_GROUP}/providers/Microsoft.Authorization/roleAssignments`;
  const answer = await sendArm<{ value: { properties: { principalId: string; scope: string } }[] }>(
    harness.connection.arm,
    { method: 'GET', path, apiVersion: API_VERSIONS.authorization },
  );
  const grants = answer.body.value.map(({ properties }) => properties);
  const added = grants.flatMap(({ principalId, scope }) =>
    principalId === STORAGE_SEARCH_PRINCIPAL
      ? [['search', scope]]
      : principalId === project && scope === PROD_STORAGE_FILE_ENDPOINT
        ? [['project', scope]]
        : [],
  );
  assert.equal(grants.length - added.length, 3, 'the seeded assignments stay');
  return added.sort((a, b) => a.join().localeCompare(b.join()));
}

const AI_SERVICES_ACCOUNT = `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`;
const AI_SERVICES_VNET_RULE = {
  id: `${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-app`,
};

async function accountAclsOf(harness: WizardHarness): Promise<{ ipRules: string[]; virtualNetworkRules: unknown[] }> {
  const acls = (await harness.admin.getProperties(AI_SERVICES_ACCOUNT))?.networkAcls as {
    ipRules: { value: string }[];
    virtualNetworkRules: unknown[];
  };
  return { ipRules: acls.ipRules.map((rule) => rule.value), virtualNetworkRules: acls.virtualNetworkRules };
}

export const MATRIX_SCENARIOS: readonly MatrixScenario[] = [
  {
    ...ADD_PRIVATE_ENDPOINT,
    assertRolledBack: async (harness, landed) => {
      assert.equal(
        await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public')),
        undefined,
        'no orphaned endpoint',
      );
      assert.equal(await harness.admin.getResource(zoneIdOf(DEV_GROUP, NOTEBOOKS_ZONE)), undefined, 'no orphaned zone');
      assert.ok(
        await harness.admin.getResource(linkOf(DEV_GROUP, API_ZONE, 'link-vnet-hub')),
        'the existing link stays',
      );
      assert.equal(
        (await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-public')))?.publicNetworkAccess,
        landed.has('patch-public-access') ? 'Disabled' : 'Enabled',
        'public access changes only when its write landed',
      );
    },
  },
  {
    ...CONFIGURE_PRIVATE_DNS,
    assertRolledBack: async (harness) => {
      assert.equal(
        await harness.admin.getResource(linkOf(PROD_GROUP, NOTEBOOKS_ZONE, 'link-vnet-prod')),
        undefined,
        'no orphaned link',
      );
      assert.equal(
        await harness.admin.getResource(zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE)),
        undefined,
        'no orphaned zone',
      );
      assert.ok(await harness.admin.getResource(linkOf(PROD_GROUP, API_ZONE, 'link-vnet-prod')));
    },
  },
  {
    name: 'Remove Private Endpoint with its records (hub-private)',
    wizard: 'removePrivateEndpoint',
    args: [hubIdOf(DEV_GROUP, 'hub-private')],
    answers: [{ pick: 'Remove the endpoint and its DNS records' }, { pick: /Run these/ }, { confirm: true }],
    assertDone: async (harness) => {
      assert.equal(await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-private')), undefined);
      for (const zone of [API_ZONE, NOTEBOOKS_ZONE])
        assert.ok(await harness.admin.getResource(zoneIdOf(DEV_GROUP, zone)), `${zone} stays`);
    },
    assertRolledBack: async (harness) => {
      for (const zone of [API_ZONE, NOTEBOOKS_ZONE])
        assert.ok(await harness.admin.getResource(zoneIdOf(DEV_GROUP, zone)), `${zone} stays`);
    },
  },
  {
    name: 'Approve the pending connection (hub-pending)',
    wizard: 'approveOrRejectConnection',
    args: [hubIdOf(DEV_GROUP, 'hub-pending')],
    answers: [{ pick: 'Approve' }, { input: 'Approved by the matrix' }, { pick: /Run this/ }, { confirm: true }],
    assertDone: async (harness) => {
      const state = await harness.services([]).directory.readHub(hubIdOf(DEV_GROUP, 'hub-pending'));
      assert.equal(state.privateEndpointConnections[0]?.status, 'Approved');
    },
    // One synchronous write: a fault answered it, so nothing changed.
    assertRolledBack: async (harness, landed) => {
      assert.deepEqual([...landed], []);
      const state = await harness.services([]).directory.readHub(hubIdOf(DEV_GROUP, 'hub-pending'));
      assert.equal(state.privateEndpointConnections[0]?.status, 'Pending');
      assert.equal(state.privateEndpointConnections[0]?.description, 'Requested by the network team');
    },
  },
  {
    ...SET_PUBLIC_ACCESS,
    assertRolledBack: async (harness, landed) => {
      const properties = await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-selected-ips'));
      // Untouched, unless the write landed before its operation failed: then the change the user confirmed is there.
      if (landed.size > 0) {
        assert.equal(properties?.publicNetworkAccess, 'Disabled');
      } else {
        assert.equal(properties?.publicNetworkAccess, 'Enabled');
        assert.deepEqual(await ipRuleValuesOf(harness, 'hub-selected-ips'), SELECTED_IPS_RULES);
      }
    },
  },
  {
    ...EDIT_IP_RULES,
    assertRolledBack: async (harness, landed) =>
      assert.deepEqual(
        await ipRuleValuesOf(harness, 'hub-selected-ips'),
        landed.size > 0 ? [...SELECTED_IPS_RULES, '40.1.1.1'] : SELECTED_IPS_RULES,
        'no lost IP rule, and the new one only when its write landed',
      ),
  },
  {
    name: 'Disable public access of a dependency (stfoundrydev)',
    wizard: 'disableDependencyPublicAccess',
    args: [`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`],
    answers: [{ pick: /Run this/ }, { confirm: true }],
    assertDone: async (harness) =>
      assert.equal(
        (await harness.admin.getProperties(`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`))
          ?.publicNetworkAccess,
        'Disabled',
      ),
    assertRolledBack: async (harness, landed) =>
      assert.equal(
        (await harness.admin.getProperties(`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`))
          ?.publicNetworkAccess,
        landed.size > 0 ? 'Disabled' : 'Enabled',
      ),
  },
  {
    name: 'Edit IP Rules on an AI Services account: add one, its VNet rule kept (ais-foundry-prod)',
    wizard: 'editIpRules',
    args: [AI_SERVICES_ACCOUNT],
    answers: [{ pick: 'Add rules' }, { input: '40.1.1.1' }, { pick: /Run this/ }],
    prepare: async (harness) => {
      const body = {
        properties: {
          networkAcls: {
            defaultAction: 'Deny',
            ipRules: [{ value: '20.61.0.0/16' }],
            virtualNetworkRules: [AI_SERVICES_VNET_RULE],
          },
        },
      };
      await sendArm(harness.connection.arm, {
        method: 'PATCH',
        path: AI_SERVICES_ACCOUNT,
        apiVersion: API_VERSIONS.cognitiveServices,
        body,
      });
    },
    assertDone: async (harness) =>
      assert.deepEqual(await accountAclsOf(harness), {
        ipRules: ['20.61.0.0/16', '40.1.1.1'],
        virtualNetworkRules: [AI_SERVICES_VNET_RULE],
      }),
    assertRolledBack: async (harness, landed) =>
      assert.deepEqual(await accountAclsOf(harness), {
        ipRules: landed.size > 0 ? ['20.61.0.0/16', '40.1.1.1'] : ['20.61.0.0/16'],
        virtualNetworkRules: [AI_SERVICES_VNET_RULE],
      }),
  },
  {
    name: 'Add Private Endpoints to Dependencies (stfoundrydev blob and file, then closed)',
    wizard: 'addDependencyPrivateEndpoints',
    args: [
      `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`,
      'blob',
      hubIdOf(DEV_GROUP, 'hub-private'),
    ],
    answers: [
      { pickMany: ['blob endpoint of stfoundrydev', 'file endpoint of stfoundrydev'] },
      { pick: 'vnet-hub' },
      { confirm: true },
      { pick: 'snet-pe' },
      { pick: 'Use these names' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Disable public network access' },
      { pick: /Run these/ },
      { confirm: true },
    ],
    assertDone: async (harness) => {
      for (const groupId of ['blob', 'file']) {
        const endpoint = endpointIdOf(DEV_GROUP, `pe-stfoundrydev-${groupId}`);
        assert.equal((await harness.admin.getProperties(endpoint))?.provisioningState, 'Succeeded');
        assert.equal(
          (await harness.admin.getProperties(`${endpoint}/privateDnsZoneGroups/default`))?.privateDnsZoneConfigs
            ?.length,
          1,
        );
        assert.equal(
          (
            await harness.admin.getProperties(
              linkOf(DEV_GROUP, `privatelink.${groupId}.core.windows.net`, 'link-vnet-hub'),
            )
          )?.registrationEnabled,
          false,
        );
      }
      assert.equal(
        (await harness.admin.getProperties(`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`))
          ?.publicNetworkAccess,
        'Disabled',
      );
    },
    assertRolledBack: async (harness) => {
      for (const groupId of ['blob', 'file']) {
        assert.equal(
          await harness.admin.getResource(endpointIdOf(DEV_GROUP, `pe-stfoundrydev-${groupId}`)),
          undefined,
          `no orphaned ${groupId} endpoint`,
        );
        assert.equal(
          await harness.admin.getResource(zoneIdOf(DEV_GROUP, `privatelink.${groupId}.core.windows.net`)),
          undefined,
          `no orphaned ${groupId} zone`,
        );
      }
      assert.ok(await harness.admin.getResource(zoneIdOf(DEV_GROUP, API_ZONE)), 'the zones that existed stay');
      // Closing the storage is the last step: a run rolled back never left it closed without its endpoints.
      assert.notEqual(
        (await harness.admin.getProperties(`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`))
          ?.publicNetworkAccess,
        'Disabled',
        'the storage is still reachable',
      );
    },
  },
  {
    name: 'Configure Private Storage Access (Reader on the file endpoint, AI Search on the account)',
    wizard: 'configurePrivateStorageAccess',
    args: [{ hubId: PROD_HUB, resourceId: PROD_STORAGE }],
    answers: [{ pick: 'Skip' }, { input: STORAGE_SEARCH_PRINCIPAL }, { input: '' }, { pick: /Run these/ }],
    prepare: (harness) => harness.admin.reset(storageAccessTopology()),
    // Each run draws new assignment names: a fault matches any assignment at the step's scope (one step per scope here).
    faultPattern: (resourceId) => `${escapeRegex(resourceId.replace(/\/[^/]+$/, ''))}/[^/]+$`,
    assertDone: async (harness) =>
      assert.deepEqual(await storageGrants(harness), [
        ['project', PROD_STORAGE_FILE_ENDPOINT],
        ['search', PROD_STORAGE],
      ]),
    assertRolledBack: async (harness) => assert.deepEqual(await storageGrants(harness), []),
  },
];
