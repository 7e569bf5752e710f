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
}

/**
 * `skipped`: nothing needed doing (say the resource was already there as wanted), so this run did not create it.
 * Failures are thrown; the message is recorded as it is, so make it say what the user can do next.
 */
export interface StepResult {
  readonly outcome: 'done' | 'skipped';
}

export interface StepRunner {
  runStep(step: RunnableStep, signal: AbortSignal): Promise<StepResult>;
}

export type RollbackOutcome = 'done' | 'failed';

export interface StepRecord {
  readonly stepId: string;
  readonly outcome: StepOutcome;
  /** This run created the resource: Rollback deletes it. */
  readonly created: boolean;
  readonly error?: string;
  readonly rollback?: RollbackOutcome;
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

/** Steps a Resume would run: everything not done or skipped, in plan order. */
export function remainingSteps(plan: Plan, state: ExecutionState): PlanStep[] {
  assertSamePlan(plan, state);
  const finished = new Set(state.steps.filter((r) => r.outcome === 'done' || r.outcome === 'skipped').map((r) => r.stepId));
  return plan.steps.filter((step) => !finished.has(step.id));
}

/**
 * Runs the remaining steps in order and stops at the first failure. Pass the saved state to resume. A step cut off
 * by cancellation is recorded as failed, so a Resume runs it again (ARM PUTs are idempotent).
 */
export async function runPlan(plan: Plan, runner: StepRunner, options: RunOptions = {}, previous?: ExecutionState): Promise<ExecutionState> {
  const signal = options.signal ?? new AbortController().signal;
  let state: ExecutionState = { ...(previous ?? initialExecutionState(plan)), cancelled: false };
  for (const step of remainingSteps(plan, state)) {
    if (signal.aborted) {
      return { ...state, cancelled: true };
    }
    let record: StepRecord;
    try {
      const result = await runner.runStep(step, signal);
      record = { stepId: step.id, outcome: result.outcome, created: step.creates && result.outcome === 'done' };
    } catch (error) {
      const message = signal.aborted ? `Cancelled while running: ${errorMessage(error)}` : errorMessage(error);
      record = { stepId: step.id, outcome: 'failed', created: false, error: message };
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
 * ones (a DNS zone cannot be deleted while a VNet link remains). Running it again retries what is left.
 */
export async function rollbackPlan(plan: Plan, state: ExecutionState, runner: StepRunner, options: RunOptions = {}): Promise<ExecutionState> {
  assertSamePlan(plan, state);
  const signal = options.signal ?? new AbortController().signal;
  const byId = new Map(plan.steps.map((step) => [step.id, step]));
  const toUndo = [...state.steps].reverse().filter((record) => record.created && record.rollback !== 'done');
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
      await runner.runStep({ id: `undo:${record.stepId}`, ...undo }, signal);
      current = withRecord(current, { ...record, rollback: 'done', rollbackError: undefined });
    } catch (error) {
      current = withRecord(current, { ...record, rollback: 'failed', rollbackError: errorMessage(error) });
      options.onProgress?.(current);
      return { ...current, cancelled: signal.aborted };
    }
    options.onProgress?.(current);
  }
  return current;
}

/** Whether Rollback has anything left to delete. */
export function canRollBack(state: ExecutionState): boolean {
  return state.steps.some((record) => record.created && record.rollback !== 'done');
}

export function serializeExecutionState(state: ExecutionState): string {
  return JSON.stringify(state);
}

/** Reads a saved state back, and refuses one saved for another plan. */
export function deserializeExecutionState(text: string, plan: Plan): ExecutionState {
  const value: unknown = JSON.parse(text);
  if (!isExecutionState(value)) {
    throw new Error('The saved wizard run is not readable; start the wizard again.');
  }
  assertSamePlan(plan, value);
  return value;
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

function assertSamePlan(plan: Plan, state: ExecutionState): void {
  const sameSteps = state.steps.length === plan.steps.length && state.steps.every((r, i) => r.stepId === plan.steps[i]?.id);
  if (state.planId !== plan.id || !sameSteps) {
    throw new Error('The saved run belongs to a different plan (the hub or the wizard answers changed); start the wizard again.');
  }
}

function withRecord(state: ExecutionState, record: StepRecord): ExecutionState {
  return { ...state, steps: state.steps.map((existing) => (existing.stepId === record.stepId ? record : existing)) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OUTCOMES: readonly string[] = ['done', 'failed', 'skipped', 'notRun'];

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
  return typeof record.stepId === 'string' && typeof record.created === 'boolean' && OUTCOMES.includes(record.outcome as string);
}
