/**
 * Edit IP Rules…: add, remove or replace the IP rules of a hub or an AI Services account. Pasted lists are checked as
 * they are typed, with the hub YAML rules and the service's own limits. The result is written as default action Deny
 * plus the rules, which turns the mode to "selected IPs" (an account: "selected networks") when it was not already;
 * an account's VNet rules are kept.
 */
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import {
  accessReviewNotes,
  accessSubjectOf,
  accessSubjectSteps,
  accessWizardBase,
  ipRulesNote,
  keptVirtualNetworkRulesPhrase,
  type AccessContext,
} from '../steps/accessSubject';
import { ipRuleListProblem, ipRulesIn } from '../steps/ipRuleInput';

type IpRuleAction = 'add' | 'remove' | 'replace';

export interface IpRulesContext extends AccessContext {
  action?: IpRuleAction;
  ipRules?: readonly string[];
}

export const editIpRulesWizard: WizardDefinition<IpRulesContext> = {
  id: 'editIpRules',
  title: WIZARD_COMMANDS.editIpRules.title,
  ...accessWizardBase<IpRulesContext>(),
  steps: (services) => [
    ...accessSubjectSteps<IpRulesContext>(services),
    actionStep(),
    addStep(),
    removeStep(),
    replaceStep(),
  ],
  plan: (context, services) =>
    accessSubjectOf(context).plan({ kind: 'selectedIps', ipRules: context.ipRules ?? [] }, services),
  reviewNotes: (context) =>
    accessReviewNotes(context, ipRulesNote('IP rules before this change', currentRules(context))),
};

function currentRules(context: AccessContext): readonly string[] {
  const mode = accessSubjectOf(context).mode;
  return mode.kind === 'selectedIps' ? mode.ipRules : [];
}

function actionStep(): PromptStep<IpRulesContext> {
  return {
    id: 'action',
    prompt: async (context, ask) => {
      const subject = accessSubjectOf(context);
      const rules = currentRules(context);
      const mode = subject.mode;
      const modeNote =
        mode.kind === 'selectedIps'
          ? ''
          : ` Public access becomes "${subject.selectedName}" (now: ${mode.kind === 'disabled' ? 'Disabled' : 'all networks'}).`;
      const items = [
        { label: 'Add rules', description: 'paste one or many addresses', value: 'add' as const },
        ...(rules.length > 0
          ? [{ label: 'Remove rules', description: `pick among the ${rules.length} rules`, value: 'remove' as const }]
          : []),
        { label: 'Replace all rules', description: 'paste the complete new list', value: 'replace' as const },
      ];
      context.action = await ask.pick(
        `${subject.name}: ${rules.length} IP rule(s)${keptVirtualNetworkRulesPhrase(subject)}.${modeNote} ${subject.ipRulesNote}`.trim(),
        items,
        { always: true },
      );
    },
  };
}

function addStep(): PromptStep<IpRulesContext> {
  return {
    id: 'add',
    shouldPrompt: (context) => context.action === 'add',
    prompt: async (context, ask) => {
      const kept = currentRules(context);
      const service = accessSubjectOf(context).ipRuleService;
      const paste = await ask.input('Public IPv4 addresses or CIDRs to allow (comma, space or newline separated)', {
        validate: (value) => ipRuleListProblem(value, kept, service),
      });
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
      // VNet rules still let their subnets in when no IP rule is left.
      const othersRemain = accessSubjectOf(context).virtualNetworkSubnetIds.length > 0;
      for (;;) {
        const removed = await ask.pickMany(
          'The rules to remove',
          rules.map((rule) => ({ label: rule, value: rule })),
        );
        const kept = rules.filter((rule) => !removed.includes(rule));
        if (removed.length > 0 && (kept.length > 0 || othersRemain)) {
          context.ipRules = kept;
          return;
        }
        await ask.ui.message(
          'warning',
          removed.length === 0
            ? 'Pick at least one rule to remove.'
            : 'Removing every rule would block everyone. To close public access use "Set Public Network Access…" (Disabled); to open it, "Enabled from all networks".',
        );
      }
    },
  };
}

function replaceStep(): PromptStep<IpRulesContext> {
  return {
    id: 'replace',
    shouldPrompt: (context) => context.action === 'replace',
    prompt: async (context, ask) => {
      const service = accessSubjectOf(context).ipRuleService;
      const paste = await ask.input('The complete list of allowed public IPv4 addresses or CIDRs', {
        value: currentRules(context).join(', '),
        validate: (value) => ipRuleListProblem(value, [], service),
      });
      context.ipRules = ipRulesIn(paste);
    },
  };
}
