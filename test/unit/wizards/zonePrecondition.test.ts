/**
 * A zone the plan creates, made by someone else between the runner's read and its PUT. Azure (as recorded) accepts the
 * PUT with `If-None-Match: *` (202) and fails the operation with PreconditionFailed; other RPs answer an immediate 412.
 * In either form the step is in place but not this run's: Resume goes on, and Roll back leaves the zone alone.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { sendArmLongRunning } from '../../../src/azure/armRequest';
import { createPlan, type Plan } from '../../../src/model/plan';
import { rollbackPlan, runPlan } from '../../../src/model/planExecutor';
import { WizardStepRunner } from '../../../src/wizards/execution/stepRunner';
import { DEV_GROUP, startWizardHarness, zoneIdOf, type WizardHarness } from './support';

const ZONE_NAME = 'privatelink.vaultcore.azure.net';
const ZONE = zoneIdOf(DEV_GROUP, ZONE_NAME);
const zonePath = `providers/Microsoft.Network/privateDnsZones/${ZONE_NAME.replace(/\./g, '\\.')}$`;

function zonePlan(): Plan {
  const operation = {
    method: 'PUT' as const,
    resourceId: ZONE,
    apiVersion: API_VERSIONS.privateDns,
    body: { location: 'global' },
    ifNoneMatch: '*' as const,
  };
  return createPlan(
    'Create a zone',
    [
      {
        id: 'create-zone',
        title: `Create private DNS zone ${ZONE_NAME}`,
        operation,
        az: `az network private-dns zone create -n ${ZONE_NAME}`,
        creates: true,
        undo: {
          title: `Delete ${ZONE_NAME}`,
          operation: { method: 'DELETE', resourceId: ZONE, apiVersion: API_VERSIONS.privateDns },
          az: `az network private-dns zone delete -n ${ZONE_NAME}`,
        },
        destructive: false,
        exposing: false,
      },
    ],
    [],
  );
}

describe('Resume when the zone to create exists already (in either form of the answer)', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 0 });
  });
  after(() => harness.close());
  beforeEach(async () => {
    await harness.admin.reset();
    await harness.admin.clearFaults();
  });

  /** A first run whose zone PUT is lost, then someone else creates the zone, then Resume reads a stale "absent". */
  async function resumeAfterSomeoneCreatedTheZone(preconditionAnswer: 'failed operation' | 'immediate 412') {
    const plan = zonePlan();
    const runner = new WizardStepRunner(harness.connection);
    await harness.admin.injectFault({ method: 'PUT', pathPattern: zonePath, kind: 'reset', count: 1 });
    const first = await runPlan(plan, runner);
    assert.equal(first.steps[0].outcome, 'failed');
    await sendArmLongRunning(harness.connection.arm, {
      method: 'PUT',
      path: ZONE,
      apiVersion: API_VERSIONS.privateDns,
      body: { location: 'global', tags: { owner: 'someone else' } },
    });
    await harness.admin.injectFault({ method: 'GET', pathPattern: zonePath, kind: 'status', status: 404, count: 1 });
    if (preconditionAnswer === 'immediate 412')
      await harness.admin.injectFault({ method: 'PUT', pathPattern: zonePath, kind: 'status', status: 412, count: 1 });
    const resumed = await runPlan(plan, runner, {}, first);
    return { plan, runner, resumed };
  }

  for (const form of ['failed operation', 'immediate 412'] as const) {
    it(`takes the zone as in place and not created by the run (${form})`, async () => {
      const { plan, runner, resumed } = await resumeAfterSomeoneCreatedTheZone(form);
      assert.deepEqual(resumed.steps[0], { stepId: 'create-zone', outcome: 'skipped', created: false });
      if (form === 'failed operation') {
        const puts = (await harness.admin.requests()).filter((entry) => entry.method === 'PUT' && entry.status === 202);
        assert.ok(puts.length >= 2, 'the emulator accepted the PUT, as Azure does, and failed its operation');
      }
      const rolledBack = await rollbackPlan(plan, resumed, runner);
      assert.notEqual(rolledBack.steps[0].rollback, 'done', 'nothing of the run to delete');
      assert.equal((await harness.admin.getResource(ZONE))?.tags?.owner, 'someone else', 'the zone is left alone');
    });
  }
});
