/**
 * Set Public Network Access…: the three modes, the current one marked, on a hub or an AI Services account. Leaving
 * "selected IPs" resets the IP rules, so the wizard offers to save them first and lists them with the plan. A hub's IP
 * rules (networkAcls) exist only in preview api-versions: the mode picker says so. An account's VNet rules are kept.
 */
import type { PublicAccessMode } from '../../model/publicAccess';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import {
  accessReviewNotes,
  accessSubjectOf,
  accessSubjectSteps,
  accessWizardBase,
  chosenAccessSubjectOf,
  ipRulesNote,
  keptVirtualNetworkRulesPhrase,
  type AccessContext,
} from '../steps/accessSubject';
import { ipRuleListProblem, ipRulesIn } from '../steps/ipRuleInput';

export interface PublicAccessContext extends AccessContext {
  target?: PublicAccessMode;
}

export const setPublicNetworkAccessWizard: WizardDefinition<PublicAccessContext> = {
  id: 'setPublicNetworkAccess',
  title: WIZARD_COMMANDS.setPublicNetworkAccess.title,
  ...accessWizardBase<PublicAccessContext>(),
  steps: (services) => [
    ...accessSubjectSteps<PublicAccessContext>(services),
    modeStep(),
    ipRulesStep(),
    saveRulesStep(),
  ],
  plan: (context, services) => accessSubjectOf(context).plan(context.target!, services),
  reviewNotes: (context) => accessReviewNotes(context, removedRulesNote(context)),
};

function modeStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'mode',
    prompt: async (context, ask) => {
      const subject = accessSubjectOf(context);
      const current = subject.mode;
      const mark = (kind: PublicAccessMode['kind']) => (current.kind === kind ? '(current) ' : '');
      const selectedDescription =
        subject.virtualNetworkSubnetIds.length > 0
          ? 'the listed public IPv4 addresses and the VNet rules'
          : 'only the listed public IPv4 addresses';
      const kind = await ask.pick(
        `${subject.name} now: ${subject.describe(current)}${keptVirtualNetworkRulesPhrase(subject)}`,
        [
          {
            label: 'Disabled',
            description: `${mark('disabled')}private endpoints only`,
            value: 'disabled' as const,
            picked: current.kind === 'disabled',
          },
          {
            label: `Enabled from ${subject.selectedName}`,
            description: `${mark('selectedIps')}${selectedDescription}`,
            detail: subject.ipRulesNote || undefined,
            value: 'selectedIps' as const,
            picked: current.kind === 'selectedIps',
          },
          {
            label: 'Enabled from all networks',
            description: `${mark('allNetworks')}anyone on the internet (sign-in still applies)`,
            value: 'allNetworks' as const,
            picked: current.kind === 'allNetworks',
          },
        ],
        { always: true },
      );
      // From Disabled, the rules a Deny left behind are offered again rather than overwritten unseen.
      context.target =
        kind === 'selectedIps'
          ? { kind, ipRules: current.kind === 'selectedIps' ? current.ipRules : subject.storedIpRules }
          : { kind };
    },
  };
}

function ipRulesStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'ipRules',
    shouldPrompt: (context) => context.target?.kind === 'selectedIps',
    prompt: async (context, ask) => {
      const subject = accessSubjectOf(context);
      const rules = context.target?.kind === 'selectedIps' ? context.target.ipRules : [];
      const paste = await ask.input(
        `The allowed public IPv4 addresses or CIDRs (comma, space or newline separated). ${subject.ipRulesNote}`.trim(),
        {
          value: rules.join(', '),
          validate: (value) => ipRuleListProblem(value, [], subject.ipRuleService),
        },
      );
      context.target = { kind: 'selectedIps', ipRules: ipRulesIn(paste) };
    },
  };
}

function rulesRemoved(context: PublicAccessContext): readonly string[] {
  const current = chosenAccessSubjectOf(context)?.mode;
  if (current?.kind !== 'selectedIps') return [];
  const kept = new Set(context.target?.kind === 'selectedIps' ? context.target.ipRules : []);
  return current.ipRules.filter((rule) => !kept.has(rule));
}

function saveRulesStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'saveRules',
    shouldPrompt: (context) => context.target?.kind !== 'selectedIps' && rulesRemoved(context).length > 0,
    prompt: async (context, ask) => {
      const subject = accessSubjectOf(context);
      const removed = rulesRemoved(context);
      const save = await ask.pick(
        `Leaving "${subject.selectedName}" resets the ${removed.length} IP rule(s) of ${subject.name}${keptVirtualNetworkRulesPhrase(subject)}`,
        [
          { label: 'Save the current rules to a file first', detail: removed.join(', '), value: true },
          { label: 'Continue without saving', detail: 'They stay listed in the plan and in the log', value: false },
        ],
        { always: true },
      );
      if (save)
        await ask.ui.openDocument(
          `# IP rules of ${subject.name} before the change (${new Date().toISOString()})\n${removed.join('\n')}\n`,
          'plaintext',
        );
    },
  };
}

function removedRulesNote(context: PublicAccessContext): string | undefined {
  return ipRulesNote('IP rules this change removes (keep them to restore later)', rulesRemoved(context));
}
