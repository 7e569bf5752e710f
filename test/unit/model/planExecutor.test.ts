import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canRollBack,
  deserializeExecutionState,
  initialExecutionState,
  remainingSteps,
  rollbackPlan,
  runPlan,
  serializeExecutionState,
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
  ) {}

  async runStep(step: RunnableStep, signal: AbortSignal): Promise<StepResult> {
    this.calls.push(step.id);
    this.onRun?.(step);
    if (signal.aborted) {
      throw new Error('The operation was aborted');
    }
    if (this.failing.has(step.id)) {
      throw new Error(`You need the Network Contributor role to run ${step.id}.`);
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
      assert.deepEqual(summarizeExecution(first), { done: index, failed: 1, skipped: 0, notRun: ids.length - index - 1 });
      assert.match(first.steps[index]?.error ?? '', /Network Contributor/);
      assert.deepEqual(remainingSteps(plan, first).map((step) => step.id), ids.slice(index));

      // Rollback right after the failure deletes the created steps only, newest first.
      const rollbackRunner = new FakeRunner();
      const rolledBack = await rollbackPlan(plan, first, rollbackRunner);
      assert.deepEqual(rollbackRunner.calls, ids.slice(0, index).reverse().map((id) => `undo:${id}`));
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
    assert.equal(partial.steps.find((r) => r.stepId === 'link-zone:privatelink.notebooks.azure.net')?.rollback, 'failed');
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
  it('round-trips through JSON and resumes after a "reload"', async () => {
    const failed = await runPlan(plan, new FakeRunner(new Set(['link-zone:privatelink.api.azureml.ms'])));
    const text = serializeExecutionState(failed);
    const restored = deserializeExecutionState(text, buildPrivateEndpointPlan(endpointContext()));
    assert.deepEqual(restored, JSON.parse(JSON.stringify(failed)));
    const runner = new FakeRunner();
    await runPlan(plan, runner, {}, restored);
    assert.deepEqual(runner.calls, ids.slice(3));
  });

  it('refuses a state saved for another plan', () => {
    const other = buildPrivateEndpointPlan(endpointContext({ dns: { kind: 'customDns' } }));
    const text = serializeExecutionState(initialExecutionState(plan));
    assert.throws(() => deserializeExecutionState(text, other), /different plan/);
    const tampered: ExecutionState = { ...initialExecutionState(plan), steps: initialExecutionState(plan).steps.slice(1) };
    assert.throws(() => deserializeExecutionState(serializeExecutionState(tampered), plan), /different plan/);
  });

  it('refuses unreadable saved state', () => {
    assert.throws(() => deserializeExecutionState('{"formatVersion":2}', plan), /not readable/);
    assert.throws(() => deserializeExecutionState('{"formatVersion":1,"planId":"x","cancelled":false,"steps":[{"stepId":"a","outcome":"weird","created":false}]}', plan), /not readable/);
  });
});
