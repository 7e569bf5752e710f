/** Resume or Roll Back an Interrupted Change…: the runs kept after a failure, a cancellation or a window reload. */
import { renderRollbackScript } from '../../model/plan';
import { canRollBack, remainingSteps, rollbackProgress } from '../../model/planExecutor';
import type { SavedRun } from '../execution/runStore';
import { executeRun, RESUME, ROLL_BACK } from '../framework/execute';
import type { PromptStep } from '../framework/promptSteps';
import { executionServices, type WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';

type RunAction = 'resume' | 'rollBack' | 'rollBackScript' | 'discard';

export interface ResumeContext {
  run?: SavedRun;
  action?: RunAction;
}

export const resumeOrRollBackWizard: WizardDefinition<ResumeContext> = {
  id: 'resumeOrRollBack',
  title: WIZARD_COMMANDS.resumeOrRollBack.title,
  initialContext: async () => ({}),
  steps: (services) => [runStep(services.runs.list()), actionStep()],
  hubId: (context) => context.run?.hubId ?? '',
  finish: async (context, services) => {
    const run = context.run!;
    if (context.action === 'discard') {
      await services.runs.remove(run.runId);
      services.ui.log(`Discarded the saved run of "${run.plan.title}".`);
    } else if (context.action === 'rollBackScript') {
      // Only what this run created and has not removed yet; the run stays saved.
      await services.ui.openDocument(
        renderRollbackScript(run.plan, new Set(rollbackProgress(run.state).remaining)),
        'shellscript',
      );
    } else {
      await executeRun(run, executionServices(services), context.action === 'rollBack' ? ROLL_BACK : RESUME);
    }
  },
};

function runStep(runs: readonly SavedRun[]): PromptStep<ResumeContext> {
  return {
    id: 'run',
    prompt: async (context, ask) => {
      if (runs.length === 0)
        throw new Error('No interrupted change is waiting: every wizard run finished or was rolled back.');
      context.run = await ask.pick(
        'The interrupted change',
        runs.map((run) => {
          return {
            label: run.plan.title,
            description: runDescription(run),
            detail: `saved ${run.savedAt}`,
            value: run,
          };
        }),
        { always: true },
      );
    },
  };
}

function actionStep(): PromptStep<ResumeContext> {
  return {
    id: 'action',
    prompt: async (context, ask) => {
      const run = context.run!;
      context.action = await ask.pick(
        `${run.plan.title}`,
        [
          { label: 'Resume', detail: 'Run the remaining steps only', value: 'resume' as const },
          ...(canRollBack(run.state)
            ? [
                {
                  label: 'Roll back',
                  detail: 'Delete only what this run created, newest first',
                  value: 'rollBack' as const,
                },
                {
                  label: 'Show the roll back as an az script',
                  detail: 'An untitled bash document of the same deletes, to run yourself; nothing runs',
                  value: 'rollBackScript' as const,
                },
              ]
            : []),
          { label: 'Discard', detail: 'Forget this run; Azure stays as it is now', value: 'discard' as const },
        ],
        { always: true },
      );
    },
  };
}

/** "2 of 4 steps done", or after a roll back that stopped: "roll back stopped: 2 removed, 1 still to delete". */
function runDescription(run: SavedRun): string {
  const rollback = rollbackProgress(run.state);
  if (rollback.failed || rollback.removed.length > 0)
    return `roll back stopped: ${rollback.removed.length} removed, ${rollback.remaining.length} still to delete`;
  const done = run.plan.steps.length - remainingSteps(run.plan, run.state).length;
  return `${done} of ${run.plan.steps.length} steps done`;
}
