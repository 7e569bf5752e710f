import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { runPlan } from '../../../src/model/planExecutor';
import { startWizard } from '../../../src/wizards/catalog';
import { WizardStepRunner } from '../../../src/wizards/execution/stepRunner';
import { ScriptedWizardUi, type ScriptedAnswer } from '../../../src/wizards/framework/scriptedUi';
import type { ProgressReporter } from '../../../src/wizards/framework/ui';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  RecordingRunStore,
  endpointIdOf,
  hubIdOf,
  startWizardHarness,
  zoneIdOf,
  type WizardHarness,
} from './support';

const ADD_TO_PUBLIC_HUB: ScriptedAnswer[] = [
  { pick: 'vnet-hub' },
  { confirm: true },
  { pick: 'snet-pe' },
  { input: 'pe-hub-public' },
  { pick: 'Azure Private DNS zones' },
  { pick: 'Keep public access' },
  { pick: /Run these/ },
];

describe('the wizard step runner against the emulator', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 1 });
  });
  after(() => harness.close());
  beforeEach(async () => {
    await harness.admin.reset();
    await harness.admin.clearFaults();
  });

  const linksOf = async (zoneId: string) =>
    (
      (
        await sendArm<{ value: unknown[] }>(harness.connection.arm, {
          method: 'GET',
          path: `${zoneId}/virtualNetworkLinks`,
          apiVersion: API_VERSIONS.privateDns,
        })
      ).body.value ?? []
    ).length;

  it('is idempotent: running the same plans again reuses everything and duplicates nothing', async () => {
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(
        'addPrivateEndpoint',
        [hubIdOf(DEV_GROUP, 'hub-public')],
        harness.services(ADD_TO_PUBLIC_HUB, runs),
      ),
      'succeeded',
    );
    assert.equal(
      await startWizard(
        'configurePrivateDns',
        [hubIdOf(PROD_GROUP, 'hub-dns-incomplete')],
        harness.services([{ pick: /Run these/ }], runs),
      ),
      'succeeded',
    );
    const links = await Promise.all([API_ZONE, NOTEBOOKS_ZONE].map((zone) => linksOf(zoneIdOf(PROD_GROUP, zone))));
    for (const run of runs.seen) {
      const again = await runPlan(run.plan, new WizardStepRunner(harness.connection));
      assert.deepEqual(
        again.steps.map((record) => record.outcome),
        run.plan.steps.map(() => 'skipped'),
        run.plan.title,
      );
    }
    assert.deepEqual(
      await Promise.all([API_ZONE, NOTEBOOKS_ZONE].map((zone) => linksOf(zoneIdOf(PROD_GROUP, zone)))),
      links,
    );
    const groups = await sendArm<{ value: unknown[] }>(harness.connection.arm, {
      method: 'GET',
      path: `${endpointIdOf(DEV_GROUP, 'pe-hub-public')}/privateDnsZoneGroups`,
      apiVersion: API_VERSIONS.network,
    });
    assert.equal(groups.body.value.length, 1);
  });

  it('stops with ConcurrentChangeError when the workspace changed between the read and the write, and overwrites nothing', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-selected-ips');
    const ui = new (class extends ScriptedWizardUi {
      override async progress<T>(
        title: string,
        task: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>,
      ): Promise<T> {
        // Someone else adds a rule after the wizard read the hub.
        const body = {
          properties: {
            networkAcls: {
              defaultAction: 'Deny',
              ipRules: [
                { value: '52.174.12.0/24' },
                { value: '20.42.11.5' },
                { value: '20.50.64.0/20' },
                { value: '40.1.1.1' },
              ],
            },
          },
        };
        await sendArm(harness.connection.arm, {
          method: 'PATCH',
          path: hubId,
          apiVersion: API_VERSIONS.workspacesPreview,
          body,
        });
        return super.progress(title, task);
      }
    })([{ pick: 'Disabled' }, { pick: 'Continue without saving' }, { pick: /Run this/ }, { confirm: true }]);
    const services = { ...harness.services([]), ui };
    assert.equal(await startWizard('setPublicNetworkAccess', [hubId], services), 'failed');
    assert.match(
      ui.messages[0]?.text ?? '',
      /hub-selected-ips was changed by someone else since you started \(properties\.networkAcls\.ipRules\)\. Nothing was written/,
    );
    const workspace = (await services.directory.readHub(hubId)).workspace;
    assert.equal(workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(workspace.networkAcls?.ipRules, ['52.174.12.0/24', '20.42.11.5', '20.50.64.0/20', '40.1.1.1']);
  });

  it('rides over a single transient fault through the SDK retries', async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'privateEndpoints/pe-hub-public$',
      kind: 'status',
      status: 500,
      count: 1,
    });
    const services = harness.services(ADD_TO_PUBLIC_HUB);
    assert.equal(await startWizard('addPrivateEndpoint', [hubIdOf(DEV_GROUP, 'hub-public')], services), 'succeeded');
    assert.deepEqual(
      services.ui.messages.filter((message) => message.kind === 'error'),
      [],
    );
  });

  it('rolls back only what the run created, newest first, after a failure', async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'privateDnsZoneGroups/default$',
      kind: 'status',
      status: 503,
      count: 2,
    });
    const services = harness.services([...ADD_TO_PUBLIC_HUB, { button: 'Roll back' }]);
    assert.equal(await startWizard('addPrivateEndpoint', [hubIdOf(DEV_GROUP, 'hub-public')], services), 'rolledBack');
    const failure = services.ui.messages.find((message) => message.kind === 'error');
    assert.match(failure?.text ?? '', /failed: .*Done: Create private endpoint pe-hub-public.*Not done: Register/);
    assert.deepEqual(failure?.buttons, ['Resume', 'Roll back', 'Show Log']);
    assert.equal(await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public')), undefined);
    assert.ok(await harness.admin.getResource(zoneIdOf(DEV_GROUP, API_ZONE)), 'the zone that existed before stays');
  });

  it('shows the roll back of a kept run as an az script of only what it created, and keeps the run', async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'privateDnsZoneGroups/default$',
      kind: 'reset',
      count: 2,
    });
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(
        'addPrivateEndpoint',
        [hubIdOf(DEV_GROUP, 'hub-public')],
        harness.services(ADD_TO_PUBLIC_HUB, runs),
      ),
      'failed',
    );
    const services = harness.services([{ pick: /Add private endpoint/ }, { pick: /Show the roll back/ }], runs);
    await startWizard('resumeOrRollBack', [], services);
    const script = services.ui.documents[0];
    assert.equal(script?.language, 'shellscript');
    assert.match(
      script?.content ?? '',
      /^# 1\. Delete private endpoint pe-hub-public\naz network private-endpoint delete --name="\$PRIVATE_ENDPOINT"/m,
    );
    assert.match(script?.content ?? '', /^PRIVATE_ENDPOINT=pe-hub-public$/m);
    assert.doesNotMatch(
      script?.content ?? '',
      /private-dns zone delete/,
      'the zones existed before: not in the script',
    );
    assert.equal(runs.list().length, 1, 'the run stays saved');
  });

  it('keeps a failed run so it can be resumed later (after a reload) with the remaining steps only', async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'privateDnsZoneGroups/default$',
      kind: 'reset',
      count: 2,
    });
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(
        'addPrivateEndpoint',
        [hubIdOf(DEV_GROUP, 'hub-public')],
        harness.services(ADD_TO_PUBLIC_HUB, runs),
      ),
      'failed',
    );
    assert.equal(runs.list().length, 1);
    // A new window: only the saved JSON is left.
    const reloaded = new RecordingRunStore();
    await reloaded.save(JSON.parse(JSON.stringify(runs.list()[0])));
    await harness.admin.clearRequests();
    const services = harness.services([{ pick: /Add private endpoint/ }, { pick: 'Resume' }], reloaded);
    await startWizard('resumeOrRollBack', [], services);
    assert.deepEqual(reloaded.list(), []);
    const puts = (await harness.admin.requests())
      .filter((entry) => entry.method === 'PUT')
      .map((entry) => entry.path.split('?')[0]?.split('/').pop());
    assert.deepEqual(puts, ['default'], 'only the zone group was written again');
  });
});
