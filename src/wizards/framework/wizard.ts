/**
 * A wizard is data: prompt steps that fill a typed context, then (for the wizards that change Azure) a plan derived
 * from that same context, reviewed, confirmed where it removes or exposes something, and executed step by step.
 */
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { resourceNameOf } from '../../model/armIds';
import type { ExecutionState, StepRunner } from '../../model/planExecutor';
import {
  hasDestructiveOrExposingSteps,
  renderOperationList,
  renderPlanScript,
  type Plan,
  type PlanApiVersions,
} from '../../model/plan';
import type { RunStore, SavedRun } from '../execution/runStore';
import { WizardStepRunner, type Expectation } from '../execution/stepRunner';
import type { WizardId } from '../ids';
import { executeRun, type RunOutcome } from './execute';
import type { HubDirectory } from './hubDirectory';
import { runPromptSteps, type PromptStep } from './promptSteps';
import { WizardCancelled, type WizardUi } from './ui';

export interface WizardServices {
  readonly ui: WizardUi;
  readonly directory: HubDirectory;
  readonly runs: RunStore;
  readonly apiVersions: PlanApiVersions;
  /** Starts another wizard (a fix offered by Verify). */
  startWizard?(id: WizardId, args: readonly unknown[]): Promise<unknown>;
}

export interface WizardDefinition<C extends object> {
  readonly id: WizardId;
  readonly title: string;
  /** The context from the command's arguments (a tree node, or the ids a finding passes). */
  initialContext(args: readonly unknown[], services: WizardServices): Promise<C>;
  steps(services: WizardServices): readonly PromptStep<C>[];
  /** Wizards that change Azure: the plan, from the answers. */
  plan?(context: C, services: WizardServices): Plan;
  /** What the wizard saw of the resources it overwrites: re-read and compared before each write. */
  expectations?(context: C): readonly Expectation[];
  /** Shown with the operation list, e.g. the IP rules a change removes. */
  reviewNotes?(context: C): string | undefined;
  hubId(context: C): string;
  /** Read-only wizards do their work here; changing ones verify and offer follow-ups. */
  finish?(context: C, services: WizardServices, outcome?: RunOutcome): Promise<void>;
}

export type WizardResult = 'cancelled' | 'nothingToDo' | 'finished' | RunOutcome;

interface ReviewContext {
  reviewed?: Plan;
}

export async function runWizard<C extends object>(
  wizard: WizardDefinition<C>,
  args: readonly unknown[],
  services: WizardServices,
): Promise<WizardResult> {
  try {
    const context = (await wizard.initialContext(args, services)) as C & ReviewContext;
    const steps: PromptStep<C & ReviewContext>[] = [...wizard.steps(services)];
    const planOf = wizard.plan?.bind(wizard);
    if (planOf)
      steps.push(
        reviewStep(
          (answers) => planOf(answers, services),
          (answers) => wizard.reviewNotes?.(answers),
        ),
      );
    await runPromptSteps(wizard.title, steps, context, services.ui);
    if (!planOf) {
      await wizard.finish?.(context, services);
      return 'finished';
    }
    const plan = context.reviewed;
    if (!plan || plan.steps.length === 0) {
      await services.ui.message(
        'info',
        `${wizard.title.replace(/…$/, '')}: nothing to change, everything is already in place.`,
      );
      return 'nothingToDo';
    }
    const run = newRun(wizard.id, wizard.hubId(context), plan, wizard.expectations?.(context) ?? []);
    await services.runs.save(run);
    services.ui.log(`${plan.title}: ${plan.steps.length} step(s)`);
    const notes = wizard.reviewNotes?.(context);
    if (notes) services.ui.log(notes.trim());
    const { outcome } = await executeRun(run, executionServices(services));
    await wizard.finish?.(context, services, outcome);
    return outcome;
  } catch (error) {
    if (error instanceof WizardCancelled) return 'cancelled';
    throw error;
  }
}

export function newRun(wizardId: string, hubId: string, plan: Plan, expectations: readonly Expectation[]): SavedRun {
  const state: ExecutionState = {
    formatVersion: 1,
    planId: plan.id,
    steps: plan.steps.map((step) => ({ stepId: step.id, outcome: 'notRun', created: false })),
    cancelled: false,
  };
  return { runId: randomUUID(), wizardId, hubId, plan, state, expectations, savedAt: new Date().toISOString() };
}

export function executionServices(services: WizardServices) {
  return {
    ui: services.ui,
    runs: services.runs,
    runnerFor: async (run: SavedRun): Promise<StepRunner> =>
      new WizardStepRunner(await services.directory.connection(run.hubId), run.expectations),
    hubChanged: (hubId: string) => services.directory.hubChanged(hubId),
  };
}

type ReviewChoice = 'run' | 'script' | 'operations';

/** The last step: the plan, its az script, and a modal confirmation for steps that remove or expose something. */
function reviewStep<C extends ReviewContext>(
  planOf: (context: C) => Plan,
  notesOf: (context: C) => string | undefined,
): PromptStep<C> {
  return {
    id: 'review',
    prompt: async (context, ask) => {
      const plan = planOf(context);
      context.reviewed = plan;
      if (plan.steps.length === 0) return;
      for (;;) {
        const choice = await ask.pick<ReviewChoice>(l10n.t('Review: {0}', plan.title), reviewItems(plan), {
          always: true,
        });
        if (choice === 'script') await ask.ui.openDocument(renderPlanScript(plan), 'shellscript');
        else if (choice === 'operations')
          await ask.ui.openDocument(`${renderOperationList(plan)}${notesOf(context) ?? ''}`, 'plaintext');
        else if (!hasDestructiveOrExposingSteps(plan) || (await confirmConsequences(plan, ask.ui))) return;
      }
    },
  };
}

function reviewItems(plan: Plan) {
  const count = plan.steps.length;
  return [
    {
      label: count === 1 ? l10n.t('$(play) Run this operation') : l10n.t('$(play) Run these {0} operations', count),
      description: plan.steps.map((step) => step.title).join(' → '),
      value: 'run' as const,
    },
    {
      label: l10n.t('$(list-ordered) Show the ARM operations'),
      description: plan.steps
        .map((step) => `${step.operation.method} ${resourceNameOf(step.operation.resourceId)}`)
        .join(', '),
      value: 'operations' as const,
    },
    {
      label: l10n.t('$(terminal) Show as az script'),
      description: l10n.t('an untitled bash document; nothing runs'),
      value: 'script' as const,
    },
  ];
}

async function confirmConsequences(plan: Plan, ui: WizardUi): Promise<boolean> {
  const risky = plan.steps.filter((step) => step.destructive || step.exposing);
  const detail = risky
    .map((step) => `• ${step.title}: ${step.consequence ?? l10n.t('review this step before you continue.')}`)
    .join('\n');
  const exposing = risky.some((step) => step.exposing);
  return ui.confirm(`${plan.title}?`, detail, exposing ? l10n.t('Expose') : l10n.t('Continue'));
}
