/**
 * The fault matrix: every executing wizard × {429, 500, 503, connection reset, LRO Failed} injected at each of its
 * steps it can apply to (an LRO failure only on a long-running write), then Resume or Roll back. Each case proves its
 * fault fired: the emulator's log shows the injected answer, and the run stopped at that step. Then Resume must finish
 * the change, and Roll back must leave nothing the run created and change only what the steps that ran changed in
 * place. No SDK retries, so each fault fails the step it hits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanStep } from '../../../src/model/plan';
import { startWizard } from '../../../src/wizards/catalog';
import { RECOVERY_FAULTS, RecordingRunStore, startWizardHarness, type WizardHarness } from './support';
import { MATRIX_SCENARIOS, type MatrixScenario } from './faultMatrixScenarios';
import {
  assertFaultFired,
  diffResources,
  escapeRegex,
  exactly,
  resourcesNow,
  stepWrites,
  type Fault,
  type StepWrites,
} from './faultEvidence';

/** What a fault-free run of a scenario tells the matrix: its steps, and which writes it sent and polled. */
interface CleanRun extends StepWrites {
  readonly steps: readonly PlanStep[];
}

const patternOf = (scenario: MatrixScenario, step: PlanStep): string =>
  scenario.faultPattern?.(step.operation.resourceId) ?? exactly(step.operation.resourceId);

/** Steps whose write is in Azure after the fault and that a roll back leaves: in-place changes. */
function landedSteps(clean: CleanRun, faulted: PlanStep, fault: Fault): Set<string> {
  const index = clean.steps.indexOf(faulted);
  const inPlace = (step: PlanStep) => !step.creates;
  const landed = clean.steps.slice(0, index).filter(inPlace);
  // An LRO failure comes after the write was applied; a failed create is deleted again by the step runner.
  if (fault.kind === 'lroFailed' && inPlace(faulted)) landed.push(faulted);
  return new Set(landed.map((step) => step.id));
}

type ZoneGroupBody = { properties?: { privateDnsZoneConfigs?: { properties: { privateDnsZoneId: string } }[] } };

/**
 * The zones a zone group step names (for a DELETE, the group as it was before the run): writing or deleting a zone
 * group writes or deletes its endpoint's A records in each of them.
 */
function zonesOf(step: PlanStep, before: ReadonlyMap<string, string>): string[] {
  if (!/\/privateDnsZoneGroups\/[^/]+$/i.test(step.operation.resourceId)) return [];
  const stored = before.get(step.operation.resourceId.toLowerCase());
  const body = (step.operation.method === 'DELETE' ? stored && JSON.parse(stored) : step.operation.body) as
    ZoneGroupBody | undefined;
  return (body?.properties?.privateDnsZoneConfigs ?? []).map((config) =>
    config.properties.privateDnsZoneId.toLowerCase(),
  );
}

/**
 * Ids a resource diff may name after the steps in `landed` ran: the resources they wrote, with their children and
 * parents, and the A records a zone group writes in its zones.
 */
function explainedBy(
  steps: readonly PlanStep[],
  landed: ReadonlySet<string>,
  before: ReadonlyMap<string, string>,
): (id: string) => boolean {
  const ran = steps.filter((step) => landed.has(step.id));
  const written = ran.map((step) => step.operation.resourceId.toLowerCase());
  const recordZones = ran.flatMap((step) => zonesOf(step, before));
  return (id) =>
    written.some((resource) => id === resource || id.startsWith(`${resource}/`) || resource.startsWith(`${id}/`)) ||
    recordZones.some((zone) => new RegExp(`^${escapeRegex(zone)}/a/[^/]+$`).test(id));
}

describe('fault matrix: wizards × faults × steps × {Resume, Roll back}', () => {
  let harness: WizardHarness;
  const totals = { cases: 0, passed: 0, fired: 0 };
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 0 });
  });
  after(async () => {
    console.log(`fault matrix: ${totals.cases} cases, ${totals.passed} passed, ${totals.fired} faults fired`);
    await harness.close();
  });

  async function fresh(scenario: MatrixScenario): Promise<void> {
    await harness.admin.reset();
    await harness.admin.clearFaults();
    await scenario.prepare?.(harness);
    await harness.admin.clearRequests();
  }

  /** A run without faults, which must itself succeed: the plan, and which of its writes are long-running. */
  async function cleanRun(scenario: MatrixScenario): Promise<CleanRun> {
    await fresh(scenario);
    const runs = new RecordingRunStore();
    assert.equal(
      await startWizard(scenario.wizard, scenario.args, harness.services(scenario.answers, runs)),
      'succeeded',
    );
    await scenario.assertDone(harness);
    const { plan } = runs.seen[0]!;
    const log = await harness.admin.requests();
    return { steps: plan.steps, ...stepWrites(log, plan.steps, (step) => patternOf(scenario, step)) };
  }

  async function runCase(
    scenario: MatrixScenario,
    clean: CleanRun,
    step: PlanStep,
    fault: Fault,
    recovery: 'Resume' | 'Roll back',
    where: string,
  ): Promise<void> {
    await fresh(scenario);
    const before = await resourcesNow(harness);
    const pathPattern = patternOf(scenario, step);
    await harness.admin.injectFault({ ...fault, method: step.operation.method, pathPattern, count: 1 });
    const services = harness.services([...scenario.answers, { button: recovery }]);
    const outcome = await startWizard(scenario.wizard, scenario.args, services);
    await harness.admin.clearFaults();

    // The fault fired: the log shows its answer, and the run stopped at this very step.
    assertFaultFired(await harness.admin.requests(), fault, step.operation.method, pathPattern, where);
    const [stop, ...laterErrors] = services.ui.messages.filter((message) => message.kind === 'error');
    assert.ok(stop, `${where}: the run did not stop`);
    assert.ok(stop.text.startsWith(`"${step.title}" failed: `), `${where}: stopped with ${stop.text}`);
    const createdBefore = clean.steps.slice(0, clean.steps.indexOf(step)).some((earlier) => earlier.creates);
    assert.deepEqual(stop.buttons, ['Resume', ...(createdBefore ? ['Roll back'] : []), 'Show Log'], where);
    assert.deepEqual(laterErrors, [], `${where}: the recovery stopped too`);
    totals.fired++;

    const show = (error: Error) => assert.fail(`${where} → ${outcome}: ${error.message}`);
    if (recovery === 'Resume') {
      assert.equal(outcome, 'succeeded', where);
      await scenario.assertDone(harness).catch(show);
      return;
    }
    // Roll back is offered only when the run created something; otherwise the run is left saved for later.
    assert.equal(outcome, createdBefore ? 'rolledBack' : 'failed', where);
    const landed = landedSteps(clean, step, fault);
    await scenario.assertRolledBack(harness, landed).catch(show);
    const diff = diffResources(before, await resourcesNow(harness));
    const explained = explainedBy(clean.steps, landed, before);
    assert.deepEqual(diff.orphans, [], `${where}: no orphan`);
    const unexplained = [...diff.lost, ...diff.changed].filter((id) => !explained(id));
    assert.deepEqual(unexplained, [], `${where}: only what the steps that ran changed in place differs`);
  }

  for (const scenario of MATRIX_SCENARIOS) {
    it(scenario.name, async (t) => {
      const clean = await cleanRun(scenario);
      for (const { name, fault } of RECOVERY_FAULTS) {
        // A fault can only hit a write that is sent, and an LRO failure only a long-running one: no other case exists.
        const applicable = clean.steps.filter(
          (step) => clean.sent.has(step.id) && (fault.kind !== 'lroFailed' || clean.longRunning.has(step.id)),
        );
        for (const step of applicable) {
          for (const recovery of ['Resume', 'Roll back'] as const) {
            const where = `${step.id} × ${name} + ${recovery}`;
            await t.test(where, async () => {
              totals.cases++;
              await runCase(scenario, clean, step, fault, recovery, where);
              totals.passed++;
            });
          }
        }
      }
    });
  }

  it('counted every case, and every case saw its fault fire', () => {
    assert.ok(totals.cases > 0, 'the matrix ran cases');
    assert.deepEqual(totals, { cases: totals.cases, passed: totals.cases, fired: totals.cases });
  });
});
