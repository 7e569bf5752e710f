/**
 * The wizard runs both fault matrices drive (faultMatrix.test.ts: a fault at each step; rollbackFaults.test.ts: a
 * fault during the recovery): what to answer, and what a run that got to the end must leave. Each matrix adds what it
 * checks after a roll back.
 */
import assert from 'node:assert/strict';
import type { ScriptedAnswer } from '../../../src/wizards/framework/scriptedUi';
import type { WizardId } from '../../../src/wizards/ids';
import {
  ADD_ENDPOINT_TO_PUBLIC_HUB,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  SELECTED_IPS_RULES,
  assertEndpointAddedToPublicHub,
  endpointIdOf,
  hubIdOf,
  ipRuleValuesOf,
  linkOf,
  removeDevNotebooksZone,
  zoneIdOf,
  type WizardHarness,
} from './support';

export interface WizardScenario {
  readonly name: string;
  readonly wizard: WizardId;
  readonly args: readonly unknown[];
  readonly answers: readonly ScriptedAnswer[];
  prepare?(harness: WizardHarness): Promise<void>;
  /** What Resume (or a run the fault did not stop) must leave. */
  assertDone(harness: WizardHarness): Promise<void>;
}

export const ADD_PRIVATE_ENDPOINT: WizardScenario = {
  name: 'Add Private Endpoint (new notebooks zone, then private)',
  wizard: 'addPrivateEndpoint',
  args: [hubIdOf(DEV_GROUP, 'hub-public')],
  answers: ADD_ENDPOINT_TO_PUBLIC_HUB,
  // Without the dev notebooks zone the plan creates a zone and a link too.
  prepare: removeDevNotebooksZone,
  assertDone: assertEndpointAddedToPublicHub,
};

export const CONFIGURE_PRIVATE_DNS: WizardScenario = {
  name: 'Configure Private DNS (hub-dns-incomplete)',
  wizard: 'configurePrivateDns',
  args: [hubIdOf(PROD_GROUP, 'hub-dns-incomplete')],
  answers: [{ pick: /Run these/ }],
  assertDone: async (harness) => {
    assert.equal(
      (
        await harness.admin.getProperties(
          `${endpointIdOf(PROD_GROUP, 'pe-hub-dns-incomplete')}/privateDnsZoneGroups/default`,
        )
      )?.privateDnsZoneConfigs?.length,
      2,
    );
    assert.equal(
      (await harness.admin.getProperties(linkOf(PROD_GROUP, NOTEBOOKS_ZONE, 'link-vnet-prod')))?.provisioningState,
      'Succeeded',
    );
    assert.equal(
      (await harness.admin.getProperties(zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE)))?.provisioningState,
      'Succeeded',
    );
  },
};

export const SET_PUBLIC_ACCESS: WizardScenario = {
  name: 'Set Public Network Access to Disabled (hub-selected-ips)',
  wizard: 'setPublicNetworkAccess',
  args: [hubIdOf(DEV_GROUP, 'hub-selected-ips')],
  answers: [{ pick: 'Disabled' }, { pick: 'Continue without saving' }, { pick: /Run this/ }, { confirm: true }],
  assertDone: async (harness) => {
    const properties = await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-selected-ips'));
    assert.equal(properties?.publicNetworkAccess, 'Disabled');
    assert.equal(properties?.provisioningState, 'Succeeded');
  },
};

export const EDIT_IP_RULES: WizardScenario = {
  name: 'Edit IP Rules: add one (hub-selected-ips)',
  wizard: 'editIpRules',
  args: [hubIdOf(DEV_GROUP, 'hub-selected-ips')],
  answers: [{ pick: 'Add rules' }, { input: '40.1.1.1' }, { pick: /Run this/ }],
  assertDone: async (harness) => {
    assert.deepEqual(await ipRuleValuesOf(harness, 'hub-selected-ips'), [...SELECTED_IPS_RULES, '40.1.1.1']);
    assert.equal(
      (await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-selected-ips')))?.provisioningState,
      'Succeeded',
    );
  },
};
