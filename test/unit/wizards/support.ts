/**
 * The wizard tests' setup: one emulator (demo topology, instant LROs), a connection with short retries, the wizards'
 * services with a scripted UI, and the emulator's admin client for faults and final-state checks.
 */
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import { emulatorCredential, emulatorTlsOptions } from '../../../src/emulator/credential';
import { DEV_SUBSCRIPTION_ID, PROD_SUBSCRIPTION_ID, resourceGroupIdOf } from '../../../src/emulator/builders/base';
import { ArmConnection } from '../../../src/azure/clients';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { ConnectionDirectory } from '../../../src/wizards/azure/connectionDirectory';
import { MemoryRunStore, type SavedRun } from '../../../src/wizards/execution/runStore';
import { ScriptedWizardUi, type ScriptedAnswer } from '../../../src/wizards/framework/scriptedUi';
import type { WizardServices } from '../../../src/wizards/framework/wizard';
import { sendArm } from '../../../src/azure/armRequest';
import type { FaultSpec } from '../../../src/emulator/adminClient';

export const DEV_GROUP = resourceGroupIdOf(DEV_SUBSCRIPTION_ID, 'rg-foundry-dev');
export const PROD_GROUP = resourceGroupIdOf(PROD_SUBSCRIPTION_ID, 'rg-foundry-prod');
export const hubIdOf = (group: string, name: string): string =>
  `${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
export const endpointIdOf = (group: string, name: string): string =>
  `${group}/providers/Microsoft.Network/privateEndpoints/${name}`;
export const zoneIdOf = (group: string, zone: string): string =>
  `${group}/providers/Microsoft.Network/privateDnsZones/${zone}`;
export const API_ZONE = 'privatelink.api.azureml.ms';
export const NOTEBOOKS_ZONE = 'privatelink.notebooks.azure.net';
export const linkOf = (group: string, zone: string, name: string): string =>
  `${zoneIdOf(group, zone)}/virtualNetworkLinks/${name}`;

/** The faults of the fault matrices: each fails the step (or the undo) it hits when the SDK does not retry. */
export const RECOVERY_FAULTS: readonly { name: string; fault: Omit<FaultSpec, 'pathPattern' | 'method' | 'count'> }[] =
  [
    { name: '429', fault: { kind: 'status', status: 429 } },
    { name: '500', fault: { kind: 'status', status: 500 } },
    { name: '503', fault: { kind: 'status', status: 503 } },
    { name: 'connection reset', fault: { kind: 'reset' } },
    { name: 'LRO Failed', fault: { kind: 'lroFailed' } },
  ];

/** The IP rules hub-selected-ips has in the demo topology. */
export const SELECTED_IPS_RULES = ['52.174.12.0/24', '20.42.11.5', '20.50.64.0/20'];

export async function ipRuleValuesOf(harness: WizardHarness, hub: string): Promise<string[]> {
  return ((await harness.admin.getProperties(hubIdOf(DEV_GROUP, hub)))?.networkAcls?.ipRules ?? []).map(
    (rule: { value: string }) => rule.value,
  );
}

/** Add Private Endpoint on hub-public, Azure Private DNS zones, then Disable public access: the answers, in order. */
export const ADD_ENDPOINT_TO_PUBLIC_HUB: readonly ScriptedAnswer[] = [
  { pick: 'vnet-hub' },
  { confirm: true },
  { pick: 'snet-pe' },
  { input: 'pe-hub-public' },
  { pick: 'Azure Private DNS zones' },
  { pick: 'Disable public network access' },
  { pick: /Run these/ },
];

/** What ADD_ENDPOINT_TO_PUBLIC_HUB leaves when it runs to the end. */
export async function assertEndpointAddedToPublicHub(harness: WizardHarness): Promise<void> {
  const endpointId = endpointIdOf(DEV_GROUP, 'pe-hub-public');
  assert.equal((await harness.admin.getProperties(endpointId))?.provisioningState, 'Succeeded');
  assert.equal(
    (await harness.admin.getProperties(`${endpointId}/privateDnsZoneGroups/default`))?.privateDnsZoneConfigs?.length,
    2,
  );
  const link = await harness.admin.getProperties(linkOf(DEV_GROUP, NOTEBOOKS_ZONE, 'link-vnet-hub'));
  assert.equal(link?.provisioningState, 'Succeeded');
  assert.equal(link?.registrationEnabled, false);
  assert.equal(
    (await harness.admin.getProperties(zoneIdOf(DEV_GROUP, NOTEBOOKS_ZONE)))?.provisioningState,
    'Succeeded',
  );
  assert.equal((await harness.admin.getProperties(hubIdOf(DEV_GROUP, 'hub-public')))?.publicNetworkAccess, 'Disabled');
}

/** Without the dev notebooks zone (and its link), adding an endpoint creates a zone and a link too. */
export async function removeDevNotebooksZone(harness: WizardHarness): Promise<void> {
  for (const id of [linkOf(DEV_GROUP, NOTEBOOKS_ZONE, 'link-vnet-hub'), zoneIdOf(DEV_GROUP, NOTEBOOKS_ZONE)]) {
    await sendArm(harness.connection.arm, { method: 'DELETE', path: id, apiVersion: API_VERSIONS.privateDns });
  }
}

export interface WizardHarness {
  readonly emulator: RunningEmulator;
  readonly admin: EmulatorAdmin;
  readonly connection: ArmConnection;
  /** Fresh services (scripted UI, empty run store) for one wizard run. */
  services(
    answers: readonly ScriptedAnswer[],
    runs?: MemoryRunStore,
  ): WizardServices & { ui: ScriptedWizardUi; runs: MemoryRunStore; directory: ConnectionDirectory };
  close(): Promise<void>;
}

/** SDK retries kept short (the fault matrix uses none, so one injected fault fails the step it hits). */
export async function startWizardHarness(options: { maxRetries?: number } = {}): Promise<WizardHarness> {
  const emulator = await startEmulator({ seed: 'demo', lro: 'instant' });
  const connection = new ArmConnection({
    credential: emulatorCredential(emulator),
    resourceManagerEndpoint: emulator.url,
    ...emulatorTlsOptions(emulator),
    retry: { maxRetries: options.maxRetries ?? 1, retryDelayInMs: 1, maxRetryDelayInMs: 5 },
    pollIntervalInMs: 1,
  });
  return {
    emulator,
    admin: new EmulatorAdmin(emulator),
    connection,
    services: (answers, runs = new MemoryRunStore()) => ({
      ui: new ScriptedWizardUi(answers),
      directory: new ConnectionDirectory(connection),
      runs,
      apiVersions: API_VERSIONS,
    }),
    close: () => emulator.close(),
  };
}

/** A run store that remembers every run it saw, so tests can read the plan a wizard executed. */
export class RecordingRunStore extends MemoryRunStore {
  readonly seen: SavedRun[] = [];
  override async save(run: SavedRun): Promise<void> {
    if (!this.seen.some((known) => known.runId === run.runId)) this.seen.push(run);
    await super.save(run);
  }
}

/** The zone names a stored zone group points at, sorted. */
export function zoneNamesOf(
  group: { privateDnsZoneConfigs?: readonly { properties: { privateDnsZoneId: string } }[] } | undefined,
): string[] {
  return (group?.privateDnsZoneConfigs ?? [])
    .map((config) => config.properties.privateDnsZoneId.split('/').pop() ?? '')
    .sort();
}
