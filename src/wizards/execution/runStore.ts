/**
 * A wizard run as plain JSON: the plan (the very steps shown), the executor's state and what the wizard saw. Kept
 * after every step, so Resume and Roll back work after a failure, a cancellation or a window reload.
 */
import type { Plan } from '../../model/plan';
import { isStateOfPlan, type ExecutionState } from '../../model/planExecutor';
import type { Expectation } from './stepRunner';

export interface SavedRun {
  readonly runId: string;
  readonly wizardId: string;
  readonly hubId: string;
  readonly plan: Plan;
  readonly state: ExecutionState;
  readonly expectations: readonly Expectation[];
  readonly savedAt: string;
}

/** The stored runs this version can resume; an entry saved by another version, or damaged, is left out. */
export function readableRuns(stored: unknown): SavedRun[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((value): value is SavedRun => {
    if (typeof value !== 'object' || value === null) return false;
    const run = value as Partial<SavedRun>;
    const plan = run.plan as Partial<Plan> | undefined;
    return (
      typeof run.runId === 'string' &&
      typeof run.wizardId === 'string' &&
      typeof run.hubId === 'string' &&
      typeof run.savedAt === 'string' &&
      Array.isArray(run.expectations) &&
      typeof plan?.id === 'string' &&
      typeof plan.title === 'string' &&
      Array.isArray(plan.steps) &&
      isStateOfPlan(run.state, plan as Plan)
    );
  });
}

export interface RunStore {
  list(): readonly SavedRun[];
  save(run: SavedRun): Promise<void>;
  remove(runId: string): Promise<void>;
}

export class MemoryRunStore implements RunStore {
  private readonly runs = new Map<string, SavedRun>();

  list(): readonly SavedRun[] {
    return [...this.runs.values()];
  }

  async save(run: SavedRun): Promise<void> {
    this.runs.set(run.runId, JSON.parse(JSON.stringify(run)) as SavedRun);
  }

  async remove(runId: string): Promise<void> {
    this.runs.delete(runId);
  }
}
