/**
 * Runs a plan through an injected runner (the Azure layer in the extension, a fake in tests) and keeps a record per
 * step, so a run can be resumed after a failure or a reload, or rolled back. Rollback only deletes what this run
 * created, newest first, and never touches what existed before.
 */
import type { ArmOperation, Plan, PlanStep } from './plan';

export type StepOutcome = 'done' | 'failed' | 'skipped' | 'notRun';

/** What the runner is asked to do: a plan step or the undo of one. */
export interface RunnableStep {
  readonly id: string;
  readonly title: string;
  readonly operation: ArmOperation;
  readonly az: string;
  /** For an undo: the resources this run's steps wrote (or tried to), to tell the run's data from someone else's. */
  readonly writtenByRun?: readonly Pick<ArmOperation, 'resourceId' | 'apiVersion'>[];
  /** An earlier attempt of this run created the resource and no rollback removed it: it is the run's to write again. */
  readonly createdByRun?: boolean;
}

/**
 * `skipped`: nothing needed doing (say the resource was already there as wanted), so this run did not create it; for
 * an undo, the resource was already gone. `kept` (undo only): the resource was left in place on purpose, `note` says
 * why. Failures are thrown; the message is recorded as it is, so make it say what the user can do next.
 */
export interface StepResult {
  readonly outcome: 'done' | 'skipped' | 'kept';
  readonly note?: string;
}

/** A step failed after its write created the resource, and the resource is still there (its clean-up failed too). */
export class LeftBehindError extends Error {}

export interface StepRunner {
  runStep(step: RunnableStep, signal: AbortSignal): Promise<StepResult>;
}

/**
 * `done`: deleted by a rollback; `gone`: someone had already deleted it; `kept`: left in place on purpose (it now holds
 * what this run did not create); `failed`: the delete failed, a Roll back again retries it.
 */
export type RollbackOutcome = 'done' | 'gone' | 'kept' | 'failed';

export interface StepRecord {
  readonly stepId: string;
  readonly outcome: StepOutcome;
  /** This run created the resource: Rollback deletes it. */
  readonly created: boolean;
  readonly error?: string;
  readonly rollback?: RollbackOutcome;
  /** Why the delete failed, or why the resource was kept. */
  readonly rollbackError?: string;
}

/** Plain JSON, so the extension can keep it in workspace state and resume after a reload. */
export interface ExecutionState {
  readonly formatVersion: 1;
  readonly planId: string;
  readonly steps: readonly StepRecord[];
  readonly cancelled: boolean;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Called after every step, with the state so far: save it here to survive a reload. */
  readonly onProgress?: (state: ExecutionState) => void;
}

export function initialExecutionState(plan: Plan): ExecutionState {
  return {
    formatVersion: 1,
    planId: plan.id,
    steps: plan.steps.map((step) => ({ stepId: step.id, outcome: 'notRun', created: false })),
    cancelled: false,
  };
}

/**
 * Steps a Resume would run, in plan order: everything not done or skipped, and what a rollback deleted or tried to
 * delete (a delete that failed may leave the resource half-deleted; running the step again is idempotent).
 */
export function remainingSteps(plan: Plan, state: ExecutionState): PlanStep[] {
  assertSamePlan(plan, state);
  const finished = new Set(state.steps.filter(isInPlace).map((r) => r.stepId));
  return plan.steps.filter((step) => !finished.has(step.id));
}

function isInPlace(record: StepRecord): boolean {
  return (
    (record.outcome === 'done' || record.outcome === 'skipped') &&
    (record.rollback === undefined || record.rollback === 'kept')
  );
}

/** A resource this run created and no rollback removed: running its step again finds it there, and it stays ours. */
function stillCreatedByRun(record: StepRecord | undefined): boolean {
  return record?.created === true && record.rollback !== 'done' && record.rollback !== 'gone';
}

/**
 * Runs the remaining steps in order and stops at the first failure. Pass the saved state to resume. A step cut off
 * by cancellation is recorded as failed, so a Resume runs it again (ARM PUTs are idempotent).
 */
export async function runPlan(
  plan: Plan,
  runner: StepRunner,
  options: RunOptions = {},
  previous?: ExecutionState,
): Promise<ExecutionState> {
  const signal = options.signal ?? new AbortController().signal;
  let state: ExecutionState = { ...(previous ?? initialExecutionState(plan)), cancelled: false };
  for (const step of remainingSteps(plan, state)) {
    if (signal.aborted) {
      return { ...state, cancelled: true };
    }
    const previousRecord = state.steps.find((record) => record.stepId === step.id);
    let record: StepRecord;
    try {
      const result = await runner.runStep({ ...step, createdByRun: stillCreatedByRun(previousRecord) }, signal);
      if (result.outcome === 'kept') {
        // A planned delete the runner refused (the resource holds what the plan did not know about).
        record = {
          stepId: step.id,
          outcome: 'failed',
          created: stillCreatedByRun(previousRecord),
          error: result.note ?? 'Not deleted: it changed since the plan was made.',
        };
      } else {
        record = {
          stepId: step.id,
          outcome: result.outcome,
          created: (step.creates && result.outcome === 'done') || stillCreatedByRun(previousRecord),
        };
      }
    } catch (error) {
      const message = signal.aborted ? `Cancelled while running: ${errorMessage(error)}` : errorMessage(error);
      // A create that failed half-way and could not be cleaned up is still this run's: Roll back deletes it.
      const leftCreated = step.creates && error instanceof LeftBehindError;
      record = {
        stepId: step.id,
        outcome: 'failed',
        created: leftCreated || stillCreatedByRun(previousRecord),
        error: message,
      };
    }
    state = withRecord(state, record);
    options.onProgress?.(state);
    if (record.outcome === 'failed') {
      return { ...state, cancelled: signal.aborted };
    }
  }
  return state;
}

/**
 * Deletes what this run created, newest first. Stops at the first failed delete: later deletes depend on earlier
 * ones (a DNS zone cannot be deleted while a VNet link remains). Running it again retries what is left. A resource
 * already gone counts as removed; one the runner keeps (it holds someone else's data) is not retried.
 */
export async function rollbackPlan(
  plan: Plan,
  state: ExecutionState,
  runner: StepRunner,
  options: RunOptions = {},
): Promise<ExecutionState> {
  assertSamePlan(plan, state);
  const signal = options.signal ?? new AbortController().signal;
  const byId = new Map(plan.steps.map((step) => [step.id, step]));
  const toUndo = [...state.steps].reverse().filter(awaitsRollback);
  const attempted = new Set(
    state.steps
      .filter((record) => record.outcome === 'done' || record.outcome === 'failed')
      .map((record) => record.stepId),
  );
  const writtenByRun = plan.steps
    .filter((step) => attempted.has(step.id))
    .map(({ operation }) => ({ resourceId: operation.resourceId, apiVersion: operation.apiVersion }));
  let current: ExecutionState = { ...state, cancelled: false };
  for (const record of toUndo) {
    const undo = byId.get(record.stepId)?.undo;
    if (!undo) {
      continue;
    }
    if (signal.aborted) {
      return { ...current, cancelled: true };
    }
    try {
      const result = await runner.runStep({ id: `undo:${record.stepId}`, ...undo, writtenByRun }, signal);
      current = withRecord(current, { ...record, ...rollbackOf(result) });
    } catch (error) {
      current = withRecord(current, { ...record, rollback: 'failed', rollbackError: errorMessage(error) });
      options.onProgress?.(current);
      return { ...current, cancelled: signal.aborted };
    }
    options.onProgress?.(current);
  }
  return current;
}

function rollbackOf(result: StepResult): Pick<StepRecord, 'rollback' | 'rollbackError'> {
  if (result.outcome === 'kept') return { rollback: 'kept', rollbackError: result.note };
  return { rollback: result.outcome === 'done' ? 'done' : 'gone', rollbackError: undefined };
}

function awaitsRollback(record: StepRecord): boolean {
  return record.created && (record.rollback === undefined || record.rollback === 'failed');
}

/** Whether Rollback has anything left to delete. */
export function canRollBack(state: ExecutionState): boolean {
  return state.steps.some(awaitsRollback);
}

/** What a rollback has done so far, by step id, for the message that says what was and was not undone. */
export interface RollbackProgress {
  /** Deleted, or found already deleted. */
  readonly removed: readonly string[];
  /** Kept on purpose; the record's rollbackError says why. */
  readonly kept: readonly string[];
  /** Created by this run and still there: a Roll back again deletes them. */
  readonly remaining: readonly string[];
  /** The delete that stopped the rollback, if one failed. */
  readonly failed?: StepRecord;
}

export function rollbackProgress(state: ExecutionState): RollbackProgress {
  const newestFirst = [...state.steps].reverse();
  const ids = (predicate: (record: StepRecord) => boolean) =>
    newestFirst.filter((record) => record.created && predicate(record)).map((record) => record.stepId);
  return {
    removed: ids((record) => record.rollback === 'done' || record.rollback === 'gone'),
    kept: ids((record) => record.rollback === 'kept'),
    remaining: ids(awaitsRollback),
    failed: newestFirst.find((record) => record.rollback === 'failed'),
  };
}

/**
 * Whether a state read back from storage is well formed and belongs to this plan: a run saved by another version of
 * the extension, or a damaged entry, must not be resumed.
 */
export function isStateOfPlan(value: unknown, plan: Plan): value is ExecutionState {
  return isExecutionState(value) && value.planId === plan.id && sameSteps(plan, value);
}

export interface ExecutionSummary {
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notRun: number;
}

export function summarizeExecution(state: ExecutionState): ExecutionSummary {
  const count = (outcome: StepOutcome) => state.steps.filter((record) => record.outcome === outcome).length;
  return { done: count('done'), failed: count('failed'), skipped: count('skipped'), notRun: count('notRun') };
}

function sameSteps(plan: Plan, state: ExecutionState): boolean {
  return (
    state.steps.length === plan.steps.length &&
    state.steps.every((record, index) => record.stepId === plan.steps[index]?.id)
  );
}

function assertSamePlan(plan: Plan, state: ExecutionState): void {
  if (state.planId !== plan.id || !sameSteps(plan, state)) {
    throw new Error(
      'The saved run belongs to a different plan (the hub or the wizard answers changed); start the wizard again.',
    );
  }
}

function withRecord(state: ExecutionState, record: StepRecord): ExecutionState {
  return { ...state, steps: state.steps.map((existing) => (existing.stepId === record.stepId ? record : existing)) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OUTCOMES: readonly string[] = ['done', 'failed', 'skipped', 'notRun'];
const ROLLBACK_OUTCOMES: readonly string[] = ['done', 'gone', 'kept', 'failed'];

function isExecutionState(value: unknown): value is ExecutionState {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    candidate.formatVersion === 1 &&
    typeof candidate.planId === 'string' &&
    typeof candidate.cancelled === 'boolean' &&
    Array.isArray(candidate.steps) &&
    candidate.steps.every(isStepRecord)
  );
}

function isStepRecord(value: unknown): value is StepRecord {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.stepId === 'string' &&
    typeof record.created === 'boolean' &&
    OUTCOMES.includes(record.outcome as string) &&
    (record.rollback === undefined || ROLLBACK_OUTCOMES.includes(record.rollback as string))
  );
}
