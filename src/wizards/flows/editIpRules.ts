/**
 * Edit IP Rules…: add, remove or replace the hub's IP rules. Pasted lists are checked as they are typed, with the
 * hub YAML rules. The result is written as default action Deny plus the rules, which turns the mode to "selected IPs"
 * when it was not already.
 */
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { hubContextFrom, hubStep, subscriptionStep, type HubContext } from './hubSteps';
import { ipRuleListProblem, ipRulesIn } from './ipRuleInput';
import { PREVIEW_NOTE, currentMode, ipRulesNote, publicAccessPlan, workspaceExpectations } from './setPublicAccess';

type IpRuleAction = 'add' | 'remove' | 'replace';

export interface IpRulesContext extends HubContext {
  action?: IpRuleAction;
  ipRules?: readonly string[];
}

export const editIpRulesWizard: WizardDefinition<IpRulesContext> = {
  id: 'editIpRules',
  title: WIZARD_COMMANDS.editIpRules.title,
  initialContext: (args, services) => hubContextFrom(args, services),
  steps: (services) => [subscriptionStep(services), hubStep(services), actionStep(), addStep(), removeStep(), replaceStep()],
  plan: (context, services) => publicAccessPlan(context, { kind: 'selectedIps', ipRules: context.ipRules ?? [] }, services),
  expectations: (context) => workspaceExpectations(context),
  reviewNotes: (context) => ipRulesNote('IP rules before this change', currentRules(context)),
  hubId: (context) => context.hubId ?? '',
};

function currentRules(context: HubContext): readonly string[] {
  const mode = currentMode(context);
  return mode.kind === 'selectedIps' ? mode.ipRules : [];
}

function actionStep(): PromptStep<IpRulesContext> {
  return {
    id: 'action',
    prompt: async (context, ask) => {
      const rules = currentRules(context);
      const mode = currentMode(context);
      const modeNote = mode.kind === 'selectedIps' ? '' : ` Public access becomes "selected IPs" (now: ${mode.kind === 'disabled' ? 'Disabled' : 'all networks'}).`;
      const items = [
        { label: 'Add rules', description: 'paste one or many addresses', value: 'add' as const },
        ...(rules.length > 0 ? [{ label: 'Remove rules', description: `pick among the ${rules.length} rules`, value: 'remove' as const }] : []),
        { label: 'Replace all rules', description: 'paste the complete new list', value: 'replace' as const },
      ];
      context.action = await ask.pick(`${context.hub!.workspace.name}: ${rules.length} IP rule(s).${modeNote} ${PREVIEW_NOTE}`, items, { always: true });
    },
  };
}

function addStep(): PromptStep<IpRulesContext> {
  return {
    id: 'add',
    shouldPrompt: (context) => context.action === 'add',
    prompt: async (context, ask) => {
      const kept = currentRules(context);
      const paste = await ask.input('Public IPv4 addresses or CIDRs to allow (comma, space or newline separated)', { validate: (value) => ipRuleListProblem(value, kept) });
      context.ipRules = [...kept, ...ipRulesIn(paste)];
    },
  };
}

function removeStep(): PromptStep<IpRulesContext> {
  return {
    id: 'remove',
    shouldPrompt: (context) => context.action === 'remove',
    prompt: async (context, ask) => {
      const rules = currentRules(context);
      for (;;) {
        const removed = await ask.pickMany('The rules to remove', rules.map((rule) => ({ label: rule, value: rule })));
        const kept = rules.filter((rule) => !removed.includes(rule));
        if (removed.length > 0 && kept.length > 0) {
          context.ipRules = kept;
          return;
        }
        await ask.ui.message('warning', removed.length === 0
          ? 'Pick at least one rule to remove.'
          : 'Removing every rule would block everyone. To close public access use "Set Public Network Access…" (Disabled); to open it, "Enabled from all networks".');
      }
    },
  };
}

function replaceStep(): PromptStep<IpRulesContext> {
  return {
    id: 'replace',
    shouldPrompt: (context) => context.action === 'replace',
    prompt: async (context, ask) => {
      const paste = await ask.input('The complete list of allowed public IPv4 addresses or CIDRs', { value: currentRules(context).join(', '), validate: (value) => ipRuleListProblem(value) });
      context.ipRules = ipRulesIn(paste);
    },
  };
}
