/**
 * Runs a saved run under a cancellable progress notification, step by step, logging each result and saving the state
 * after each step. On failure it says what was done and what was not, and offers Resume (the remaining steps only)
 * and Roll back (deletes only what this run created, newest first).
 */
import { canRollBack, rollbackPlan, runPlan, type ExecutionState, type RunnableStep, type StepRecord, type StepRunner } from '../../model/planExecutor';
import type { PlanStep } from '../../model/plan';
import type { RunStore, SavedRun } from '../execution/runStore';
import type { ProgressReporter, WizardUi } from './ui';

export interface ExecutionServices {
  readonly ui: WizardUi;
  readonly runs: RunStore;
  runnerFor(run: SavedRun): Promise<StepRunner>;
  hubChanged(hubId: string): void;
}

export type RunOutcome = 'succeeded' | 'failed' | 'rolledBack';

export const RESUME = 'Resume';
export const ROLL_BACK = 'Roll back';
export const SHOW_LOG = 'Show Log';

/** Runs what is left of `run`, then handles a failure until the user resumes to the end, rolls back or leaves. */
export async function executeRun(run: SavedRun, services: ExecutionServices): Promise<{ outcome: RunOutcome; run: SavedRun }> {
  let current = await runRemaining(run, services);
  while (isUnfinished(current.state)) {
    const choice = await services.ui.message('error', failureMessage(current), ...failureButtons(current.state));
    if (choice === RESUME) current = await runRemaining(current, services);
    else if (choice === ROLL_BACK) return { outcome: 'rolledBack', run: await rollBackRun(current, services) };
    else return { outcome: 'failed', run: current };
  }
  await services.runs.remove(current.runId);
  return { outcome: 'succeeded', run: current };
}

export async function runRemaining(run: SavedRun, services: ExecutionServices): Promise<SavedRun> {
  const runner = await services.runnerFor(run);
  let saved = run;
  const state = await services.ui.progress(run.plan.title, (progress, signal) =>
    runPlan(run.plan, reporting(runner, progress), {
      signal,
      onProgress: (next) => {
        logChanges(services.ui, run.plan.steps, saved.state, next);
        saved = { ...saved, state: next, savedAt: new Date().toISOString() };
        void services.runs.save(saved);
      },
    }, run.state),
  );
  saved = { ...saved, state, savedAt: new Date().toISOString() };
  await services.runs.save(saved);
  services.hubChanged(run.hubId);
  return saved;
}

export async function rollBackRun(run: SavedRun, services: ExecutionServices): Promise<SavedRun> {
  const runner = await services.runnerFor(run);
  const state = await services.ui.progress(`Roll back: ${run.plan.title}`, (progress, signal) => rollbackPlan(run.plan, run.state, reporting(runner, progress), { signal }));
  const saved = { ...run, state, savedAt: new Date().toISOString() };
  services.hubChanged(run.hubId);
  const failed = state.steps.find((record) => record.rollback === 'failed');
  if (failed) {
    await services.runs.save(saved);
    services.ui.log(`Roll back stopped: ${failed.rollbackError ?? ''}`);
    await services.ui.message('error', `Roll back stopped: ${failed.rollbackError ?? 'unknown error'} Run "Resume or Roll Back an Interrupted Change…" to try again.`);
    return saved;
  }
  const undone = state.steps.filter((record) => record.rollback === 'done').length;
  services.ui.log(`Rolled back ${undone} created resource(s) of "${run.plan.title}".`);
  await services.runs.remove(run.runId);
  void services.ui.message('info', `Rolled back: deleted the ${undone} resource(s) this run created. Nothing that existed before was touched.`);
  return saved;
}

export function isUnfinished(state: ExecutionState): boolean {
  return state.cancelled || state.steps.some((record) => record.outcome === 'failed' || record.outcome === 'notRun');
}

export function failureButtons(state: ExecutionState): string[] {
  return [RESUME, ...(canRollBack(state) ? [ROLL_BACK] : []), SHOW_LOG];
}

/** "Step 2 of 4 failed: … Done: … Not done: …" */
export function failureMessage(run: SavedRun): string {
  const titleOf = (record: StepRecord) => run.plan.steps.find((step) => step.id === record.stepId)?.title ?? record.stepId;
  const failed = run.state.steps.find((record) => record.outcome === 'failed');
  const done = run.state.steps.filter((record) => record.outcome === 'done' || record.outcome === 'skipped').map(titleOf);
  const notDone = run.state.steps.filter((record) => record.outcome === 'failed' || record.outcome === 'notRun').map(titleOf);
  const head = failed ? `"${titleOf(failed)}" failed: ${failed.error ?? ''}` : `"${run.plan.title}" was cancelled.`;
  return `${head} Done: ${done.join('; ') || 'nothing'}. Not done: ${notDone.join('; ')}. The run is kept: "Resume or Roll Back an Interrupted Change…" finds it later.`;
}

function reporting(runner: StepRunner, progress: ProgressReporter): StepRunner {
  return {
    runStep: (step: RunnableStep, signal: AbortSignal) => {
      progress.report(step.title);
      return runner.runStep(step, signal);
    },
  };
}

function logChanges(ui: WizardUi, steps: readonly PlanStep[], before: ExecutionState, after: ExecutionState): void {
  for (const record of after.steps) {
    const previous = before.steps.find((candidate) => candidate.stepId === record.stepId);
    if (previous?.outcome === record.outcome) continue;
    const title = steps.find((step) => step.id === record.stepId)?.title ?? record.stepId;
    if (record.outcome === 'done') ui.log(`✓ ${title}`);
    else if (record.outcome === 'skipped') ui.log(`= ${title}: already in place, reused`);
    else if (record.outcome === 'failed') ui.log(`✗ ${title}: ${record.error ?? ''}`);
  }
}
