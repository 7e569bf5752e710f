/**
 * Faults during the recovery itself. A run stopped by a fault is rolled back while one of the roll back's DELETEs
 * fails ({429, 500, 503, connection reset, LRO Failed}); the user is told what was removed and what is still there,
 * the run stays saved, and a second Roll back (or a Resume) from the saved run finishes the job with no orphans and
 * nothing that existed before touched. Likewise a Resume that hits a fault can be resumed again. Then the cases a
 * careful roll back decides: a resource someone already deleted, and a zone that now holds someone else's data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { rollbackProgress } from '../../../src/model/planExecutor';
import type { ArmOperation, PlanStep } from '../../../src/model/plan';
import { startWizard } from '../../../src/wizards/catalog';
import { MemoryRunStore, type SavedRun } from '../../../src/wizards/execution/runStore';
import {
  ADD_PRIVATE_ENDPOINT,
  CONFIGURE_PRIVATE_DNS,
  EDIT_IP_RULES,
  SET_PUBLIC_ACCESS,
  type WizardScenario,
} from './scenarios';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  RECOVERY_FAULTS,
  RecordingRunStore,
  endpointIdOf,
  linkOf,
  startWizardHarness,
  zoneIdOf,
  type WizardHarness,
} from './support';
import {
  assertFaultsFired,
  diffResources,
  escapeRegex,
  exactly,
  resourcesNow,
  stepById,
  type Fault,
} from './faultEvidence';

interface Scenario extends WizardScenario {
  /** Steps to stop the run at before rolling back: each leaves resources the roll back must delete. */
  readonly rollBackAfterFailureOf: readonly string[];
}

const SCENARIOS: readonly Scenario[] = [
  { ...ADD_PRIVATE_ENDPOINT, rollBackAfterFailureOf: ['create-dns-zone-group', 'patch-public-access'] },
  { ...CONFIGURE_PRIVATE_DNS, rollBackAfterFailureOf: ['zone-group'] },
  { ...SET_PUBLIC_ACCESS, rollBackAfterFailureOf: [] },
  { ...EDIT_IP_RULES, rollBackAfterFailureOf: [] },
];

const STOP_THE_RUN: Fault = { kind: 'status', status: 500 };

/** A new window: only the saved JSON is left. */
async function reloaded(runs: MemoryRunStore): Promise<MemoryRunStore> {
  const fresh = new MemoryRunStore();
  for (const run of runs.list()) await fresh.save(JSON.parse(JSON.stringify(run)) as SavedRun);
  return fresh;
}

/** "private DNS zone x", as the messages name what a roll back removes. */
const labelOf = (step: PlanStep) => (step.undo?.title ?? step.title).replace(/^(Delete|Remove) /, '');

describe('faults during Roll back and Resume', () => {
  let harness: WizardHarness;
  const totals = { rollbackCases: 0, resumeCases: 0, passed: 0 };
  const plans = new Map<string, readonly PlanStep[]>();
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 0 });
  });
  after(async () => {
    console.log(
      `rollback faults: ${totals.rollbackCases + totals.resumeCases} cases (${totals.rollbackCases} faulty roll backs × {Roll back, Resume} again, ` +
        `${totals.resumeCases} faulty resumes resumed again; ${RECOVERY_FAULTS.length} faults), ${totals.passed} passed`,
    );
    await harness.close();
  });

  async function fresh(scenario: WizardScenario): Promise<void> {
    await harness.admin.reset();
    await harness.admin.clearFaults();
    await scenario.prepare?.(harness);
    await harness.admin.clearRequests();
  }

  const inject = (fault: Fault, operation: ArmOperation, count = 1) =>
    harness.admin.injectFault({
      ...fault,
      method: operation.method,
      pathPattern: exactly(operation.resourceId),
      count,
    });

  async function assertAsBefore(before: Map<string, string>, where: string): Promise<void> {
    const diff = diffResources(before, await resourcesNow(harness));
    assert.deepEqual(diff, { orphans: [], lost: [], changed: [] }, where);
  }

  /** The plan's steps, from a run without faults (which must itself succeed). */
  async function stepsOf(scenario: WizardScenario): Promise<readonly PlanStep[]> {
    const known = plans.get(scenario.name);
    if (known) return known;
    await fresh(scenario);
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(scenario.wizard, scenario.args, harness.services(scenario.answers, runs)),
      'succeeded',
    );
    await scenario.assertDone(harness);
    const steps = runs.seen[0]!.plan.steps;
    plans.set(scenario.name, steps);
    return steps;
  }

  /** Runs the wizard into a fault at `failAt`, rolls back into `fault` at the undo of `target`, and leaves it there. */
  async function stopRollback(scenario: WizardScenario, failAt: PlanStep, target: PlanStep, fault: Fault) {
    await inject(STOP_THE_RUN, failAt.operation);
    await inject(fault, target.undo!.operation);
    const runs = new MemoryRunStore();
    const services = harness.services([...scenario.answers, { button: 'Roll back' }, { button: undefined }], runs);
    const outcome = await startWizard(scenario.wizard, scenario.args, services);
    await harness.admin.clearFaults();
    // Both faults fired: the one that stopped the run, then the one that stopped its roll back.
    assertFaultsFired(
      await harness.admin.requests(),
      [
        { fault: STOP_THE_RUN, method: failAt.operation.method, pathPattern: exactly(failAt.operation.resourceId) },
        { fault, method: target.undo!.operation.method, pathPattern: exactly(target.undo!.operation.resourceId) },
      ],
      `${failAt.id} failed, undo of ${target.id} hit ${fault.kind}`,
    );
    return { outcome, messages: services.ui.messages, runs };
  }

  async function assertStoppedRollback(
    steps: readonly PlanStep[],
    failAt: PlanStep,
    target: PlanStep,
    stopped: Awaited<ReturnType<typeof stopRollback>>,
  ): Promise<void> {
    assert.equal(stopped.outcome, 'failed', 'a roll back that stopped is not a roll back');
    const message = stopped.messages.at(-1)!;
    assert.equal(message.kind, 'error');
    assert.ok(message.text.startsWith(`Roll back stopped at "${target.undo!.title}": `), message.text);
    assert.deepEqual(message.buttons, ['Resume', 'Roll back', 'Show Log']);
    const created = steps
      .slice(0, steps.indexOf(failAt))
      .filter((step) => step.creates)
      .reverse();
    const removed = created.slice(0, created.indexOf(target));
    const stillThere = created.slice(created.indexOf(target));
    assert.match(
      message.text,
      new RegExp(`Removed: ${escapeRegex(removed.map(labelOf).join('; ') || 'nothing yet')}\\. `),
    );
    assert.match(
      message.text,
      new RegExp(`Still there: ${escapeRegex(stillThere.map(labelOf).join('; '))}\\. Roll back again`),
    );
    // The saved run says the same as Azure.
    const saved = stopped.runs.list();
    assert.equal(saved.length, 1, 'the run is kept');
    const progress = rollbackProgress(saved[0]!.state);
    assert.deepEqual(
      progress.removed,
      removed.map((step) => step.id),
    );
    assert.deepEqual(
      progress.remaining,
      stillThere.map((step) => step.id),
    );
    for (const step of removed)
      assert.equal(await harness.admin.getResource(step.operation.resourceId), undefined, `${step.id} was removed`);
    for (const step of stillThere)
      assert.ok(await harness.admin.getResource(step.operation.resourceId), `${step.id} is still there`);
  }

  /** "Resume or Roll Back an Interrupted Change…" after a reload: `action` the saved run to the end. */
  async function recoverSaved(runs: MemoryRunStore, action: 'Roll back' | 'Resume') {
    const store = await reloaded(runs);
    const services = harness.services([{ pick: store.list()[0]!.plan.title }, { pick: action }], store);
    await startWizard('resumeOrRollBack', [], services);
    assert.deepEqual(
      services.ui.messages.filter((message) => message.kind === 'error').map((message) => message.text),
      [],
    );
    assert.equal(store.list().length, 0, 'nothing left to resume or roll back');
    return services.ui;
  }

  for (const scenario of SCENARIOS.filter((candidate) => candidate.rollBackAfterFailureOf.length > 0)) {
    for (const { name, fault } of RECOVERY_FAULTS) {
      it(`${scenario.name}: a roll back stopped by ${name}, then Roll back or Resume again`, async () => {
        const steps = await stepsOf(scenario);
        let cases = 0;
        // A renamed step fails here instead of leaving this test with nothing to do.
        for (const failAt of scenario.rollBackAfterFailureOf.map((id) => stepById(steps, id))) {
          const targets = steps.slice(0, steps.indexOf(failAt)).filter((step) => step.creates);
          assert.ok(targets.length > 0, `${failAt.id} comes after a step that creates something`);
          for (const target of targets) {
            for (const again of ['Roll back', 'Resume'] as const) {
              totals.rollbackCases++;
              cases++;
              await fresh(scenario);
              const before = await resourcesNow(harness);
              const where = `${failAt.id} failed, undo of ${target.id} hit ${name}, then ${again}`;
              const stopped = await stopRollback(scenario, failAt, target, fault);
              await assertStoppedRollback(steps, failAt, target, stopped).catch((error: Error) =>
                assert.fail(`${where}: ${error.message}`),
              );
              const ui = await recoverSaved(stopped.runs, again);
              if (again === 'Roll back') {
                await assertAsBefore(before, `${where}: no orphan, nothing that existed before touched`);
                assert.match(
                  ui.messages.at(-1)?.text ?? '',
                  /^Rolled back ".*"\. Removed: .*Nothing that existed before was touched\.$/,
                  where,
                );
              } else {
                await scenario.assertDone(harness).catch((error: Error) => assert.fail(`${where}: ${error.message}`));
              }
              totals.passed++;
            }
          }
        }
        assert.ok(cases > 0, 'cases ran');
      });
    }
  }

  for (const scenario of SCENARIOS) {
    for (const { name, fault } of RECOVERY_FAULTS) {
      it(`${scenario.name}: a Resume stopped by ${name} is resumed again`, async () => {
        const steps = await stepsOf(scenario);
        assert.ok(steps.length > 0, 'the plan has steps');
        for (const [index, first] of steps.entries()) {
          for (const second of steps.slice(index)) {
            totals.resumeCases++;
            await fresh(scenario);
            const where = `${first.id} hit ${name}, Resume hit it at ${second.id}`;
            if (first === second) await inject(fault, first.operation, 2);
            else for (const step of [first, second]) await inject(fault, step.operation);
            const runs = new MemoryRunStore();
            const services = harness.services([...scenario.answers, { button: 'Resume' }, { button: undefined }], runs);
            assert.equal(await startWizard(scenario.wizard, scenario.args, services), 'failed', where);
            await harness.admin.clearFaults();
            const failures = services.ui.messages.filter((message) => message.kind === 'error');
            assert.equal(failures.length, 2, where);
            assert.ok(failures[0]!.text.startsWith(`"${first.title}" failed: `), `${where}: ${failures[0]!.text}`);
            assert.ok(failures[1]!.text.startsWith(`"${second.title}" failed: `), `${where}: ${failures[1]!.text}`);
            assert.equal(failures[1]!.buttons[0], 'Resume', where);
            if (!steps.slice(0, steps.indexOf(second)).some((step) => step.creates))
              assert.match(failures[1]!.text, /nothing to roll back/, where);
            await recoverSaved(runs, 'Resume');
            await scenario.assertDone(harness).catch((error: Error) => assert.fail(`${where}: ${error.message}`));
            totals.passed++;
          }
        }
      });
    }
  }

  describe('what a careful roll back decides', () => {
    const NEW_ZONE = zoneIdOf(DEV_GROUP, NOTEBOOKS_ZONE);
    const NEW_LINK = linkOf(DEV_GROUP, NOTEBOOKS_ZONE, 'link-vnet-hub');

    /** Add Private Endpoint stopped at its zone group: the endpoint, the notebooks zone and its link are the run's. */
    async function stoppedAtZoneGroup(steps: readonly PlanStep[]): Promise<MemoryRunStore> {
      await inject(STOP_THE_RUN, stepById(steps, 'create-dns-zone-group').operation);
      const runs = new MemoryRunStore();
      assert.equal(
        await startWizard(
          ADD_PRIVATE_ENDPOINT.wizard,
          ADD_PRIVATE_ENDPOINT.args,
          harness.services([...ADD_PRIVATE_ENDPOINT.answers, { button: undefined }], runs),
        ),
        'failed',
      );
      await harness.admin.clearFaults();
      return runs;
    }

    it('counts a resource someone already deleted as removed', async () => {
      const steps = await stepsOf(ADD_PRIVATE_ENDPOINT);
      await fresh(ADD_PRIVATE_ENDPOINT);
      const before = await resourcesNow(harness);
      const runs = await stoppedAtZoneGroup(steps);
      await sendArm(harness.connection.arm, { method: 'DELETE', path: NEW_LINK, apiVersion: API_VERSIONS.privateDns });
      const ui = await recoverSaved(runs, 'Roll back');
      assert.match(
        ui.messages.at(-1)?.text ?? '',
        /Removed: the link of privatelink\.notebooks\.azure\.net to the virtual network \(someone had already deleted it\); private DNS zone/,
      );
      await assertAsBefore(before, 'after the roll back');
    });

    it('counts a DELETE answered 404 (someone deleted it between the read and the delete) as removed', async () => {
      const steps = await stepsOf(ADD_PRIVATE_ENDPOINT);
      await fresh(ADD_PRIVATE_ENDPOINT);
      const before = await resourcesNow(harness);
      const runs = await stoppedAtZoneGroup(steps);
      // Someone else deletes the link just before the roll back's DELETE reaches ARM, which then answers 404.
      let raced = false;
      const someoneDeletesFirst: PipelinePolicy = {
        name: 'someoneDeletesFirst',
        sendRequest: async (request, next) => {
          if (
            !raced &&
            request.method === 'DELETE' &&
            new URL(request.url).pathname.toLowerCase() === NEW_LINK.toLowerCase()
          ) {
            raced = true;
            await sendArm(harness.connection.arm, {
              method: 'DELETE',
              path: NEW_LINK,
              apiVersion: API_VERSIONS.privateDns,
            });
            await harness.admin.injectFault({
              method: 'DELETE',
              pathPattern: exactly(NEW_LINK),
              kind: 'status',
              status: 404,
              count: 1,
            });
          }
          return next(request);
        },
      };
      harness.connection.arm.pipeline.addPolicy(someoneDeletesFirst);
      try {
        const ui = await recoverSaved(runs, 'Roll back');
        assert.ok(raced, 'the DELETE of the link was sent');
        assert.match(ui.messages.at(-1)?.text ?? '', /the virtual network \(someone had already deleted it\)/);
      } finally {
        harness.connection.arm.pipeline.removePolicy({ name: someoneDeletesFirst.name });
      }
      await assertAsBefore(before, 'after the roll back');
    });

    it("keeps a zone the run created that now holds someone else's record set, and says so", async () => {
      const steps = await stepsOf(ADD_PRIVATE_ENDPOINT);
      await fresh(ADD_PRIVATE_ENDPOINT);
      const runs = await stoppedAtZoneGroup(steps);
      const record = `${NEW_ZONE}/A/myapp`;
      await sendArm(harness.connection.arm, {
        method: 'PUT',
        path: record,
        apiVersion: API_VERSIONS.privateDns,
        body: { properties: { ttl: 300, aRecords: [{ ipv4Address: '172.17.2.9' }] } },
      });
      const ui = await recoverSaved(runs, 'Roll back');
      const message = ui.messages.at(-1)!;
      assert.equal(message.kind, 'warning');
      assert.match(
        message.text,
        /Kept privatelink\.notebooks\.azure\.net: it holds record set myapp, which deleting the zone would delete too\./,
      );
      assert.ok(await harness.admin.getResource(record), 'their record stays');
      assert.ok(await harness.admin.getResource(NEW_ZONE), 'so does the zone');
      assert.equal(await harness.admin.getResource(NEW_LINK), undefined, "the run's own link is removed");
      assert.equal(
        await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public')),
        undefined,
        "the run's endpoint is removed",
      );
    });

    it("deletes a zone that holds only the records the run's own zone group wrote", async () => {
      const steps = await stepsOf(CONFIGURE_PRIVATE_DNS);
      await fresh(CONFIGURE_PRIVATE_DNS);
      const before = await resourcesNow(harness);
      // The zone group update lands (it registers the endpoint in the new zone), then its operation ends Failed.
      await inject({ kind: 'lroFailed' }, stepById(steps, 'zone-group').operation);
      const runs = new MemoryRunStore();
      assert.equal(
        await startWizard(
          CONFIGURE_PRIVATE_DNS.wizard,
          CONFIGURE_PRIVATE_DNS.args,
          harness.services([...CONFIGURE_PRIVATE_DNS.answers, { button: undefined }], runs),
        ),
        'failed',
      );
      await harness.admin.clearFaults();
      const zone = zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE);
      const records = (await harness.admin.snapshot()).resources.filter((resource) =>
        resource.id.toLowerCase().startsWith(`${zone.toLowerCase()}/a/`),
      );
      assert.equal(records.length, 1, 'the endpoint is registered in the new zone');
      const ui = await recoverSaved(runs, 'Roll back');
      assert.doesNotMatch(ui.messages.at(-1)?.text ?? '', /Kept/);
      assert.equal(await harness.admin.getResource(zone), undefined, 'no orphaned zone');
      const now = await resourcesNow(harness);
      assert.deepEqual(
        [...now.keys()].filter((id) => !before.has(id)),
        [],
        'no orphan',
      );
    });

    it('keeps a zone the run created that someone linked to another virtual network, and says so', async () => {
      const steps = await stepsOf(CONFIGURE_PRIVATE_DNS);
      await fresh(CONFIGURE_PRIVATE_DNS);
      await inject(STOP_THE_RUN, stepById(steps, 'zone-group').operation);
      const runs = new MemoryRunStore();
      assert.equal(
        await startWizard(
          CONFIGURE_PRIVATE_DNS.wizard,
          CONFIGURE_PRIVATE_DNS.args,
          harness.services([...CONFIGURE_PRIVATE_DNS.answers, { button: undefined }], runs),
        ),
        'failed',
      );
      await harness.admin.clearFaults();
      const theirLink = linkOf(PROD_GROUP, NOTEBOOKS_ZONE, 'link-vnet-hub');
      const body = {
        location: 'global',
        properties: {
          virtualNetwork: { id: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub` },
          registrationEnabled: false,
        },
      };
      await sendArm(harness.connection.arm, {
        method: 'PUT',
        path: theirLink,
        apiVersion: API_VERSIONS.privateDns,
        body,
      });
      const ui = await recoverSaved(runs, 'Roll back');
      assert.match(
        ui.messages.at(-1)?.text ?? '',
        /Kept privatelink\.notebooks\.azure\.net: it holds virtual network link link-vnet-hub/,
      );
      assert.ok(await harness.admin.getResource(theirLink), 'their link stays');
      assert.equal(
        await harness.admin.getResource(linkOf(PROD_GROUP, NOTEBOOKS_ZONE, 'link-vnet-prod')),
        undefined,
        "the run's own link is removed",
      );
      assert.ok(
        await harness.admin.getResource(linkOf(PROD_GROUP, API_ZONE, 'link-vnet-prod')),
        'the link that existed before stays',
      );
    });
  });
});
