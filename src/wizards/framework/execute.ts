/**
 * Runs a saved run under a cancellable progress notification, step by step, logging each result and saving the state
 * after each step. On failure it says what was done and what was not, and offers Resume (the remaining steps only)
 * and Roll back (deletes only what this run created, newest first). A roll back that stops says what it removed and
 * what is still there, and offers both again.
 */
import * as l10n from '@vscode/l10n';
import {
  canRollBack,
  remainingSteps,
  rollbackPlan,
  rollbackProgress,
  runPlan,
  type ExecutionState,
  type RollbackProgress,
  type RunnableStep,
  type StepRecord,
  type StepRunner,
} from '../../model/planExecutor';
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

export type RecoveryAction = typeof RESUME | typeof ROLL_BACK;

/**
 * Runs what is left of `run` (or rolls it back), then, while it stops half-way, offers Resume and Roll back again
 * until the change is complete, rolled back, or left for later (the run stays saved).
 */
export async function executeRun(
  run: SavedRun,
  services: ExecutionServices,
  first: RecoveryAction = RESUME,
): Promise<{ outcome: RunOutcome; run: SavedRun }> {
  let current = run;
  let action = first;
  for (;;) {
    let problem: string;
    if (action === RESUME) {
      current = await runRemaining(current, services);
      if (!isUnfinished(current.state)) {
        await services.runs.remove(current.runId);
        return { outcome: 'succeeded', run: current };
      }
      problem = failureMessage(current);
    } else {
      current = await rollBackRun(current, services);
      if (!canRollBack(current.state)) return { outcome: 'rolledBack', run: current };
      problem = rollbackStoppedMessage(current);
    }
    const choice = await services.ui.message('error', problem, ...failureButtons(current.state));
    if (choice !== RESUME && choice !== ROLL_BACK) return { outcome: 'failed', run: current };
    action = choice;
  }
}

export async function runRemaining(run: SavedRun, services: ExecutionServices): Promise<SavedRun> {
  const runner = await services.runnerFor(run);
  let saved = run;
  const state = await services.ui.progress(run.plan.title, (progress, signal) =>
    runPlan(
      run.plan,
      reporting(runner, progress),
      {
        signal,
        onProgress: (next) => {
          logChanges(services.ui, run.plan.steps, saved.state, next);
          saved = { ...saved, state: next, savedAt: new Date().toISOString() };
          void services.runs.save(saved);
        },
      },
      run.state,
    ),
  );
  saved = { ...saved, state, savedAt: new Date().toISOString() };
  await services.runs.save(saved);
  services.hubChanged(run.hubId);
  return saved;
}

/**
 * Deletes what the run created, saving after each delete. When something is left (a delete failed, or it was
 * cancelled) the run stays saved for a Roll back again; when all is removed the run is forgotten.
 */
export async function rollBackRun(run: SavedRun, services: ExecutionServices): Promise<SavedRun> {
  const runner = await services.runnerFor(run);
  let saved = run;
  const state = await services.ui.progress(l10n.t('Roll back: {0}', run.plan.title), (progress, signal) =>
    rollbackPlan(run.plan, run.state, reporting(runner, progress), {
      signal,
      onProgress: (next) => {
        logRollbackChanges(services.ui, run.plan.steps, saved.state, next);
        saved = { ...saved, state: next, savedAt: new Date().toISOString() };
        void services.runs.save(saved);
      },
    }),
  );
  saved = { ...saved, state, savedAt: new Date().toISOString() };
  services.hubChanged(run.hubId);
  if (canRollBack(state)) {
    await services.runs.save(saved);
    services.ui.log(rollbackStoppedMessage(saved));
    return saved;
  }
  await services.runs.remove(run.runId);
  const summary = rollbackSummary(saved);
  services.ui.log(summary);
  void services.ui.message(rollbackProgress(state).kept.length > 0 ? 'warning' : 'info', summary);
  return saved;
}

export function isUnfinished(state: ExecutionState): boolean {
  return state.cancelled || state.steps.some((record) => record.outcome === 'failed' || record.outcome === 'notRun');
}

export function failureButtons(state: ExecutionState): string[] {
  return [RESUME, ...(canRollBack(state) ? [ROLL_BACK] : []), SHOW_LOG];
}

/** "Roll back stopped at …: <error> Removed: … Still there: … Roll back again, or Resume …" */
export function rollbackStoppedMessage(run: SavedRun): string {
  const progress = rollbackProgress(run.state);
  const head = progress.failed
    ? l10n.t(
        'Roll back stopped at "{0}": {1}',
        undoTitleOf(run, progress.failed.stepId),
        progress.failed.rollbackError ?? l10n.t('unknown error'),
      )
    : l10n.t('Roll back of "{0}" was cancelled.', run.plan.title);
  const still = progress.remaining.map((id) => resourceLabelOf(run, id)).join('; ');
  return `${head} ${rollbackDoneSentences(run, progress)}${l10n.t('Still there: {0}. Roll back again to delete the rest, or Resume to finish the change. The run is kept: "Resume or Roll Back an Interrupted Change…" finds it later.', still)}`;
}

/** "Rolled back "…": removed … Nothing that existed before was touched." (or which in-place changes stay) */
export function rollbackSummary(run: SavedRun): string {
  const progress = rollbackProgress(run.state);
  const changed = changedInPlace(run);
  const untouched =
    changed.length === 0
      ? l10n.t('Nothing that existed before was touched.')
      : changed.length === 1
        ? l10n.t(
            'Not undone, because Roll back deletes only what the run created: {0}. Change it back if needed (Set Public Network Access… or Disable Public Access of a Dependency…). Nothing else that existed before was touched.',
            changed[0]!,
          )
        : l10n.t(
            'Not undone, because Roll back deletes only what the run created: {0}. Change them back if needed (Set Public Network Access… or Disable Public Access of a Dependency…). Nothing else that existed before was touched.',
            changed.join('; '),
          );
  return `${l10n.t('Rolled back "{0}".', run.plan.title)} ${rollbackDoneSentences(run, progress)}${untouched}`;
}

/** Titles of the done steps that changed an existing resource (a PATCH, not a creation): a roll back leaves them. */
function changedInPlace(run: SavedRun): string[] {
  const done = new Set(
    run.state.steps.filter((record) => record.outcome === 'done' && !record.created).map((record) => record.stepId),
  );
  return run.plan.steps.filter((step) => !step.creates && done.has(step.id)).map((step) => step.title);
}

function rollbackDoneSentences(run: SavedRun, progress: RollbackProgress): string {
  const removed = progress.removed.map((id) => {
    const gone = run.state.steps.find((record) => record.stepId === id)?.rollback === 'gone';
    return gone ? l10n.t('{0} (someone had already deleted it)', resourceLabelOf(run, id)) : resourceLabelOf(run, id);
  });
  const kept = progress.kept.map(
    (id) =>
      run.state.steps.find((record) => record.stepId === id)?.rollbackError ??
      l10n.t('Kept {0}.', resourceLabelOf(run, id)),
  );
  return `${l10n.t('Removed: {0}.', removed.join('; ') || l10n.t('nothing yet'))} ${kept.map((note) => `${note} `).join('')}`;
}

/** "private DNS zone x", from the undo title "Delete private DNS zone x". */
function resourceLabelOf(run: SavedRun, stepId: string): string {
  return undoTitleOf(run, stepId).replace(/^(Delete|Remove) /, '');
}

function undoTitleOf(run: SavedRun, stepId: string): string {
  const step = run.plan.steps.find((candidate) => candidate.id === stepId);
  return step?.undo?.title ?? step?.title ?? stepId;
}

/** "Step 2 of 4 failed: … Done: … Not done: …" */
export function failureMessage(run: SavedRun): string {
  const titleOf = (record: StepRecord) =>
    run.plan.steps.find((step) => step.id === record.stepId)?.title ?? record.stepId;
  const failed = run.state.steps.find((record) => record.outcome === 'failed');
  // What a roll back removed is not done any more, even though its step once was.
  const notDoneIds = new Set(remainingSteps(run.plan, run.state).map((step) => step.id));
  const done = run.state.steps.filter((record) => !notDoneIds.has(record.stepId)).map(titleOf);
  const notDone = run.state.steps.filter((record) => notDoneIds.has(record.stepId)).map(titleOf);
  const head = failed ? `"${titleOf(failed)}" failed: ${failed.error ?? ''}` : `"${run.plan.title}" was cancelled.`;
  const nothingCreated = canRollBack(run.state) ? '' : ' This run created nothing, so there is nothing to roll back.';
  return `${head} Done: ${done.join('; ') || 'nothing'}. Not done: ${notDone.join('; ')}.${nothingCreated} The run is kept: "Resume or Roll Back an Interrupted Change…" finds it later.`;
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

function logRollbackChanges(
  ui: WizardUi,
  steps: readonly PlanStep[],
  before: ExecutionState,
  after: ExecutionState,
): void {
  for (const record of after.steps) {
    const previous = before.steps.find((candidate) => candidate.stepId === record.stepId);
    if (previous?.rollback === record.rollback && previous?.rollbackError === record.rollbackError) continue;
    const title = steps.find((step) => step.id === record.stepId)?.undo?.title ?? record.stepId;
    if (record.rollback === 'done') ui.log(`✓ ${title}`);
    else if (record.rollback === 'gone') ui.log(`= ${title}: already deleted`);
    else if (record.rollback === 'kept') ui.log(`= ${title}: ${record.rollbackError ?? 'kept'}`);
    else if (record.rollback === 'failed') ui.log(`✗ ${title}: ${record.rollbackError ?? ''}`);
  }
}
