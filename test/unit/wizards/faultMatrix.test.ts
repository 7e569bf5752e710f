/**
 * The fault matrix: every executing wizard × {429, 500, 503, connection reset, LRO Failed} injected at each of its
 * steps, then Resume or Roll back. Afterwards the emulator holds what was asked (Resume), or nothing this run created
 * (Roll back), and never fewer IP rules than the user kept. No SDK retries, so each fault fails the step it hits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { startWizard } from '../../../src/wizards/catalog';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  RECOVERY_FAULTS,
  RecordingRunStore,
  SELECTED_IPS_RULES,
  endpointIdOf,
  hubIdOf,
  ipRuleValuesOf,
  linkOf,
  startWizardHarness,
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

interface Scenario extends WizardScenario {
  /** The path pattern a fault on this step's resource matches (default: exactly its id). */
  faultPattern?(resourceId: string): string;
  /** What Roll back, or giving up, must leave. */
  assertRolledBack(harness: WizardHarness): Promise<void>;
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

const SCENARIOS: readonly Scenario[] = [
  {
    ...ADD_PRIVATE_ENDPOINT,
    assertRolledBack: async (harness) => {
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
    assertRolledBack: async () => undefined,
  },
  {
    ...SET_PUBLIC_ACCESS,
    assertRolledBack: async (harness) => {
      const properties = await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-selected-ips'));
      // Either untouched, or the change the user confirmed (its removed rules are in the plan output and the log).
      if (properties?.publicNetworkAccess === 'Enabled')
        assert.deepEqual(await ipRuleValuesOf(harness, 'hub-selected-ips'), SELECTED_IPS_RULES);
    },
  },
  {
    ...EDIT_IP_RULES,
    assertRolledBack: async (harness) => {
      const rules = await ipRuleValuesOf(harness, 'hub-selected-ips');
      for (const rule of SELECTED_IPS_RULES) assert.ok(rules.includes(rule), `no lost IP rule: ${rule}`);
    },
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
    assertRolledBack: async (harness) =>
      assert.ok(
        await harness.admin.getResource(`${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`),
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
    assertRolledBack: async (harness) => {
      const acls = await accountAclsOf(harness);
      assert.ok(acls.ipRules.includes('20.61.0.0/16'), 'no lost IP rule');
      assert.deepEqual(acls.virtualNetworkRules, [AI_SERVICES_VNET_RULE], 'no lost VNet rule');
    },
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

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('fault matrix: wizards × faults × steps × {Resume, Roll back}', () => {
  let harness: WizardHarness;
  const totals = { cases: 0, passed: 0, faultsThatFailedAStep: 0 };
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 0 });
  });
  after(async () => {
    console.log(
      `fault matrix: ${totals.cases} cases (${SCENARIOS.length} wizards × ${RECOVERY_FAULTS.length} faults × each step × Resume/Roll back), ${totals.passed} passed, ${totals.faultsThatFailedAStep} faults stopped a run`,
    );
    await harness.close();
  });

  async function fresh(scenario: Scenario): Promise<void> {
    await harness.admin.reset();
    await harness.admin.clearFaults();
    await scenario.prepare?.(harness);
  }

  /** The plan's steps, from a run without faults (which must itself succeed). */
  async function stepsOf(scenario: Scenario) {
    await fresh(scenario);
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(scenario.wizard, scenario.args, harness.services(scenario.answers, runs)),
      'succeeded',
    );
    await scenario.assertDone(harness);
    return runs.seen[0]!.plan.steps;
  }

  for (const scenario of SCENARIOS) {
    for (const { name, fault } of RECOVERY_FAULTS) {
      it(`${scenario.name} × ${name}`, async () => {
        const steps = await stepsOf(scenario);
        for (const step of steps) {
          for (const recovery of ['Resume', 'Roll back'] as const) {
            totals.cases++;
            await fresh(scenario);
            await harness.admin.injectFault({
              ...fault,
              method: step.operation.method,
              pathPattern:
                scenario.faultPattern?.(step.operation.resourceId) ?? `${escapeRegex(step.operation.resourceId)}$`,
              count: 1,
            });
            const services = harness.services([...scenario.answers, { button: recovery }]);
            const outcome = await startWizard(scenario.wizard, scenario.args, services);
            await harness.admin.clearFaults();
            const stopped = services.ui.messages.some((message) => message.kind === 'error');
            if (stopped) totals.faultsThatFailedAStep++;
            const where = `${step.id} + ${recovery} → ${outcome}: ${services.ui.messages.map((message) => message.text).join(' / ')}`;
            if (outcome === 'succeeded')
              await scenario.assertDone(harness).catch((error: Error) => assert.fail(`${where}: ${error.message}`));
            else
              await scenario
                .assertRolledBack(harness)
                .catch((error: Error) => assert.fail(`${where}: ${error.message}`));
            // One fault, then Resume: the run must get to the end. Roll back never pretends the run succeeded.
            if (recovery === 'Resume') assert.equal(outcome, 'succeeded', where);
            else assert.ok(!stopped || outcome !== 'succeeded', where);
            totals.passed++;
          }
        }
      });
    }
  }
});
