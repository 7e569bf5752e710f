import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canRollBack,
  initialExecutionState,
  isStateOfPlan,
  remainingSteps,
  rollbackPlan,
  rollbackProgress,
  runPlan,
  summarizeExecution,
  type ExecutionState,
  type RunnableStep,
  type StepResult,
  type StepRunner,
} from '../../../src/model/planExecutor';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { endpointContext } from './planFixtures';

/** Records every call; fails the steps it is told to, and can skip or cancel. */
class FakeRunner implements StepRunner {
  readonly calls: string[] = [];
  constructor(
    private readonly failing = new Set<string>(),
    private readonly skipping = new Set<string>(),
    private readonly onRun?: (step: RunnableStep) => void,
    /** Undo ids whose resource the runner keeps, with why. */
    private readonly keeping = new Map<string, string>(),
  ) {}

  readonly steps: RunnableStep[] = [];

  async runStep(step: RunnableStep, signal: AbortSignal): Promise<StepResult> {
    this.calls.push(step.id);
    this.steps.push(step);
    this.onRun?.(step);
    if (signal.aborted) {
      throw new Error('The operation was aborted');
    }
    if (this.failing.has(step.id)) {
      throw new Error(`You need the Network Contributor role to run ${step.id}.`);
    }
    const note = this.keeping.get(step.id);
    if (note !== undefined) {
      return { outcome: 'kept', note };
    }
    return { outcome: this.skipping.has(step.id) ? 'skipped' : 'done' };
  }
}

const plan = buildPrivateEndpointPlan(endpointContext());
const ids = plan.steps.map((step) => step.id);

describe('runPlan', () => {
  it('runs every step in order and records them done and created', async () => {
    const runner = new FakeRunner();
    const state = await runPlan(plan, runner);
    assert.deepEqual(runner.calls, ids);
    assert.deepEqual(summarizeExecution(state), { done: 6, failed: 0, skipped: 0, notRun: 0 });
    assert.ok(state.steps.every((record) => record.created));
    assert.equal(state.cancelled, false);
  });

  for (const [index, failingId] of ids.entries()) {
    it(`stops at a failure in step ${index + 1} (${failingId}), resumes the rest, and rolls back only what it created`, async () => {
      const first = await runPlan(plan, new FakeRunner(new Set([failingId])));
      assert.deepEqual(summarizeExecution(first), {
        done: index,
        failed: 1,
        skipped: 0,
        notRun: ids.length - index - 1,
      });
      assert.match(first.steps[index]?.error ?? '', /Network Contributor/);
      assert.deepEqual(
        remainingSteps(plan, first).map((step) => step.id),
        ids.slice(index),
      );

      // Rollback right after the failure deletes the created steps only, newest first.
      const rollbackRunner = new FakeRunner();
      const rolledBack = await rollbackPlan(plan, first, rollbackRunner);
      assert.deepEqual(
        rollbackRunner.calls,
        ids
          .slice(0, index)
          .reverse()
          .map((id) => `undo:${id}`),
      );
      assert.equal(canRollBack(rolledBack), false);

      // Resume runs only the rest.
      const resumeRunner = new FakeRunner();
      const resumed = await runPlan(plan, resumeRunner, {}, first);
      assert.deepEqual(resumeRunner.calls, ids.slice(index));
      assert.deepEqual(summarizeExecution(resumed), { done: 6, failed: 0, skipped: 0, notRun: 0 });
    });
  }

  it('never rolls back a step that found its resource already there', async () => {
    const zone = 'create-zone:privatelink.api.azureml.ms';
    const state = await runPlan(plan, new FakeRunner(new Set(), new Set([zone])));
    assert.equal(state.steps.find((record) => record.stepId === zone)?.outcome, 'skipped');
    const runner = new FakeRunner();
    await rollbackPlan(plan, state, runner);
    assert.ok(!runner.calls.includes(`undo:${zone}`));
    assert.equal(runner.calls.length, 5);
    assert.equal(runner.calls[0], 'undo:create-dns-zone-group');
    assert.equal(runner.calls.at(-1), 'undo:create-private-endpoint');
  });

  it('stops a rollback at the first failed delete and retries the rest later', async () => {
    const state = await runPlan(plan, new FakeRunner());
    const failing = 'undo:link-zone:privatelink.notebooks.azure.net';
    const firstRunner = new FakeRunner(new Set([failing]));
    const partial = await rollbackPlan(plan, state, firstRunner);
    assert.deepEqual(firstRunner.calls, ['undo:create-dns-zone-group', failing]);
    assert.equal(
      partial.steps.find((r) => r.stepId === 'link-zone:privatelink.notebooks.azure.net')?.rollback,
      'failed',
    );
    assert.ok(canRollBack(partial));
    const secondRunner = new FakeRunner();
    const finished = await rollbackPlan(plan, partial, secondRunner);
    assert.deepEqual(secondRunner.calls, [
      failing,
      'undo:link-zone:privatelink.api.azureml.ms',
      'undo:create-zone:privatelink.notebooks.azure.net',
      'undo:create-zone:privatelink.api.azureml.ms',
      'undo:create-private-endpoint',
    ]);
    assert.equal(canRollBack(finished), false);
  });

  it('counts a resource already gone as removed, and does not retry one the runner kept', async () => {
    const state = await runPlan(plan, new FakeRunner());
    const zone = 'create-zone:privatelink.notebooks.azure.net';
    const link = 'link-zone:privatelink.api.azureml.ms';
    const runner = new FakeRunner(
      new Set(),
      new Set([`undo:${link}`]),
      undefined,
      new Map([[`undo:${zone}`, 'Kept the zone: it holds record set myapp.']]),
    );
    const rolledBack = await rollbackPlan(plan, state, runner);
    assert.equal(runner.calls.length, 6, 'the rollback went on past the kept zone');
    const recordOf = (id: string) => rolledBack.steps.find((record) => record.stepId === id);
    assert.equal(recordOf(link)?.rollback, 'gone');
    assert.deepEqual(
      [recordOf(zone)?.rollback, recordOf(zone)?.rollbackError],
      ['kept', 'Kept the zone: it holds record set myapp.'],
    );
    assert.equal(canRollBack(rolledBack), false);
    const progress = rollbackProgress(rolledBack);
    assert.deepEqual(progress.kept, [zone]);
    assert.equal(progress.removed.length, 5);
    assert.deepEqual(progress.remaining, []);
    const again = new FakeRunner();
    await rollbackPlan(plan, rolledBack, again);
    assert.deepEqual(again.calls, []);
  });

  it('says what a stopped rollback removed and what is still there, newest first', async () => {
    const state = await runPlan(plan, new FakeRunner(new Set(['create-dns-zone-group'])));
    const failing = 'undo:create-zone:privatelink.notebooks.azure.net';
    const partial = await rollbackPlan(plan, state, new FakeRunner(new Set([failing])));
    const progress = rollbackProgress(partial);
    assert.deepEqual(progress.removed, [
      'link-zone:privatelink.notebooks.azure.net',
      'link-zone:privatelink.api.azureml.ms',
    ]);
    assert.deepEqual(progress.remaining, [
      'create-zone:privatelink.notebooks.azure.net',
      'create-zone:privatelink.api.azureml.ms',
      'create-private-endpoint',
    ]);
    assert.equal(progress.failed?.stepId, 'create-zone:privatelink.notebooks.azure.net');
    assert.match(progress.failed?.rollbackError ?? '', /Network Contributor/);
  });

  it("resumes after a stopped rollback by running again what it removed or failed to remove, and keeps what is the run's", async () => {
    const state = await runPlan(plan, new FakeRunner(new Set(['create-dns-zone-group'])));
    const failing = 'undo:create-zone:privatelink.notebooks.azure.net';
    const partial = await rollbackPlan(plan, state, new FakeRunner(new Set([failing])));
    // The zone whose delete failed is still there: running its step again finds it in place.
    const resumeRunner = new FakeRunner(new Set(), new Set(['create-zone:privatelink.notebooks.azure.net']));
    const resumed = await runPlan(plan, resumeRunner, {}, partial);
    assert.deepEqual(resumeRunner.calls, ids.slice(2));
    assert.deepEqual(summarizeExecution(resumed), { done: 5, failed: 0, skipped: 1, notRun: 0 });
    assert.ok(
      resumed.steps.every((record) => record.created && record.rollback === undefined),
      "every resource is still the run's to roll back",
    );
    const rollbackRunner = new FakeRunner();
    await rollbackPlan(plan, resumed, rollbackRunner);
    assert.deepEqual(
      rollbackRunner.calls,
      [...ids].reverse().map((id) => `undo:${id}`),
    );
  });

  it("tells each undo what the run wrote or tried to write, so the runner can tell the run's data from someone else's", async () => {
    const state = await runPlan(
      plan,
      new FakeRunner(new Set(['create-dns-zone-group']), new Set(['create-zone:privatelink.api.azureml.ms'])),
    );
    const runner = new FakeRunner();
    await rollbackPlan(plan, state, runner);
    const written = plan.steps
      .filter((step) => step.id !== 'create-zone:privatelink.api.azureml.ms')
      .map((step) => step.operation.resourceId);
    for (const step of runner.steps)
      assert.deepEqual(
        step.writtenByRun?.map((write) => write.resourceId),
        written,
        step.id,
      );
  });

  it('keeps a step the run created its own when running it again fails', async () => {
    const state = await runPlan(plan, new FakeRunner(new Set(['create-dns-zone-group'])));
    const partial = await rollbackPlan(
      plan,
      state,
      new FakeRunner(new Set(['undo:link-zone:privatelink.notebooks.azure.net'])),
    );
    const resumed = await runPlan(
      plan,
      new FakeRunner(new Set(['link-zone:privatelink.notebooks.azure.net'])),
      {},
      partial,
    );
    const link = resumed.steps.find((record) => record.stepId === 'link-zone:privatelink.notebooks.azure.net');
    assert.deepEqual([link?.outcome, link?.created], ['failed', true]);
  });

  it('records a planned delete the runner keeps as failed, with its note', async () => {
    const state = await runPlan(
      plan,
      new FakeRunner(
        new Set(),
        new Set(),
        undefined,
        new Map([['create-private-endpoint', 'Kept pe-hub: it changed.']]),
      ),
    );
    assert.deepEqual(
      [state.steps[0]?.outcome, state.steps[0]?.error, state.steps[0]?.created],
      ['failed', 'Kept pe-hub: it changed.', false],
    );
  });

  it('stops before the next step when cancelled, and marks a step cut off as failed', async () => {
    const controller = new AbortController();
    const runner = new FakeRunner(new Set(), new Set(), (step) => {
      if (step.id === 'create-zone:privatelink.notebooks.azure.net') {
        controller.abort();
      }
    });
    const state = await runPlan(plan, runner, { signal: controller.signal });
    assert.equal(state.cancelled, true);
    assert.deepEqual(summarizeExecution(state), { done: 2, failed: 1, skipped: 0, notRun: 3 });
    assert.match(state.steps[2]?.error ?? '', /^Cancelled while running/);
    const resumeRunner = new FakeRunner();
    await runPlan(plan, resumeRunner, {}, state);
    assert.deepEqual(resumeRunner.calls, ids.slice(2));
  });

  it('does nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const runner = new FakeRunner();
    const state = await runPlan(plan, runner, { signal: controller.signal });
    assert.deepEqual(runner.calls, []);
    assert.equal(state.cancelled, true);
    assert.equal(summarizeExecution(state).notRun, 6);
  });

  it('reports progress after every step', async () => {
    const seen: number[] = [];
    await runPlan(plan, new FakeRunner(), { onProgress: (state) => seen.push(summarizeExecution(state).done) });
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
  });
});

describe('execution state', () => {
  it('resumes from a state that went through JSON, as after a window reload', async () => {
    const failed = await runPlan(plan, new FakeRunner(new Set(['link-zone:privatelink.api.azureml.ms'])));
    const restored: unknown = JSON.parse(JSON.stringify(failed));
    assert.ok(isStateOfPlan(restored, buildPrivateEndpointPlan(endpointContext())));
    const runner = new FakeRunner();
    await runPlan(plan, runner, {}, restored);
    assert.deepEqual(runner.calls, ids.slice(3));
  });

  it('refuses a state saved for another plan', () => {
    const other = buildPrivateEndpointPlan(endpointContext({ dns: { kind: 'customDns' } }));
    assert.equal(isStateOfPlan(initialExecutionState(plan), other), false);
    const tampered: ExecutionState = {
      ...initialExecutionState(plan),
      steps: initialExecutionState(plan).steps.slice(1),
    };
    assert.equal(isStateOfPlan(tampered, plan), false);
    assert.throws(() => remainingSteps(plan, tampered), /different plan/);
  });

  it('refuses unreadable saved state', () => {
    const base = { planId: plan.id, cancelled: false };
    const records = (extra: object) =>
      plan.steps.map((step) => ({ stepId: step.id, outcome: 'done', created: true, ...extra }));
    assert.equal(
      isStateOfPlan({ ...base, formatVersion: 1, steps: records({}) }, plan),
      true,
      'the well-formed one passes',
    );
    assert.equal(isStateOfPlan({ ...base, formatVersion: 2, steps: records({}) }, plan), false);
    assert.equal(isStateOfPlan({ ...base, formatVersion: 1, steps: records({ outcome: 'weird' }) }, plan), false);
    assert.equal(isStateOfPlan({ ...base, formatVersion: 1, steps: records({ rollback: 'maybe' }) }, plan), false);
    assert.equal(isStateOfPlan('{"formatVersion":1}', plan), false);
  });
});
