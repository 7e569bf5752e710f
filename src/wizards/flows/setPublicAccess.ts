/**
 * Set Public Network Access…: the three modes, the current one marked. Leaving "selected IPs" resets the IP rules, so
 * the wizard offers to save them first and lists them with the plan. IP rules (networkAcls) exist only in preview
 * api-versions: the mode picker says so.
 */
import { describePublicAccessMode, publicAccessModeOf, type PublicAccessMode } from '../../model/publicAccess';
import type { Plan } from '../../model/plan';
import { buildPublicAccessPlan } from '../../model/workspacePlans';
import type { Expectation } from '../execution/stepRunner';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { hubContextFrom, hubStep, subscriptionStep, type HubContext } from './hubSteps';
import { ipRuleListProblem, ipRulesIn } from './ipRuleInput';

export interface PublicAccessContext extends HubContext {
  target?: PublicAccessMode;
}

export const PREVIEW_NOTE = 'IP rules use a preview api-version: Azure has them in no stable version yet.';

export const setPublicAccessWizard: WizardDefinition<PublicAccessContext> = {
  id: 'setPublicAccess',
  title: WIZARD_COMMANDS.setPublicAccess.title,
  initialContext: (args, services) => hubContextFrom(args, services),
  steps: (services) => [subscriptionStep(services), hubStep(services), modeStep(), ipRulesStep(), saveRulesStep()],
  plan: (context, services) => publicAccessPlan(context, context.target!, services),
  expectations: (context) => workspaceExpectations(context),
  reviewNotes: (context) => removedRulesNote(context),
  hubId: (context) => context.hubId ?? '',
};

export function currentMode(context: HubContext): PublicAccessMode {
  const workspace = context.hub!.workspace;
  return publicAccessModeOf(workspace.publicNetworkAccess, workspace.networkAcls);
}

function modeStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'mode',
    prompt: async (context, ask) => {
      const current = currentMode(context);
      const mark = (kind: PublicAccessMode['kind']) => (current.kind === kind ? '(current) ' : '');
      const kind = await ask.pick(`${context.hub!.workspace.name} now: ${describePublicAccessMode(current)}`, [
        { label: 'Disabled', description: `${mark('disabled')}private endpoints only`, value: 'disabled' as const, picked: current.kind === 'disabled' },
        { label: 'Enabled from selected IPs', description: `${mark('selectedIps')}only the listed public IPv4 addresses`, detail: PREVIEW_NOTE, value: 'selectedIps' as const, picked: current.kind === 'selectedIps' },
        { label: 'Enabled from all networks', description: `${mark('allNetworks')}anyone on the internet (sign-in still applies)`, value: 'allNetworks' as const, picked: current.kind === 'allNetworks' },
      ], { always: true });
      context.target = kind === 'selectedIps' ? { kind, ipRules: current.kind === 'selectedIps' ? current.ipRules : [] } : { kind };
    },
  };
}

function ipRulesStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'ipRules',
    shouldPrompt: (context) => context.target?.kind === 'selectedIps',
    prompt: async (context, ask) => {
      const rules = context.target?.kind === 'selectedIps' ? context.target.ipRules : [];
      const paste = await ask.input(`The allowed public IPv4 addresses or CIDRs (comma, space or newline separated). ${PREVIEW_NOTE}`, {
        value: rules.join(', '),
        validate: (value) => ipRuleListProblem(value),
      });
      context.target = { kind: 'selectedIps', ipRules: ipRulesIn(paste) };
    },
  };
}

function rulesRemoved(context: PublicAccessContext): readonly string[] {
  const current = currentMode(context);
  if (current.kind !== 'selectedIps') return [];
  const kept = new Set(context.target?.kind === 'selectedIps' ? context.target.ipRules : []);
  return current.ipRules.filter((rule) => !kept.has(rule));
}

function saveRulesStep(): PromptStep<PublicAccessContext> {
  return {
    id: 'saveRules',
    shouldPrompt: (context) => context.target?.kind !== 'selectedIps' && rulesRemoved(context).length > 0,
    prompt: async (context, ask) => {
      const removed = rulesRemoved(context);
      const save = await ask.pick(`Leaving "selected IPs" resets the ${removed.length} IP rule(s) of ${context.hub!.workspace.name}`, [
        { label: 'Save the current rules to a file first', detail: removed.join(', '), value: true },
        { label: 'Continue without saving', detail: 'They stay listed in the plan and in the log', value: false },
      ], { always: true });
      if (save) await ask.ui.openDocument(`# IP rules of ${context.hub!.workspace.name} before the change (${new Date().toISOString()})\n${removed.join('\n')}\n`, 'plaintext');
    },
  };
}

export function publicAccessPlan(context: HubContext, target: PublicAccessMode, services: WizardServices): Plan {
  const workspace = context.hub!.workspace;
  return buildPublicAccessPlan({
    cloud: services.directory.cloud,
    apiVersions: services.apiVersions,
    workspace: { id: workspace.id, name: workspace.name, etag: workspace.etag },
    current: workspace.networkAclsRead.succeeded ? currentMode(context) : undefined,
    target,
  });
}

export function workspaceExpectations(context: HubContext): Expectation[] {
  const workspace = context.hub!.workspace;
  const values: Record<string, unknown> = { 'properties.publicNetworkAccess': workspace.publicNetworkAccess };
  if (workspace.networkAcls) values['properties.networkAcls.ipRules'] = workspace.networkAcls.ipRules.map((value) => ({ value }));
  return [{ resourceId: workspace.id, values }];
}

function removedRulesNote(context: PublicAccessContext): string | undefined {
  return ipRulesNote('IP rules this change removes (keep them to restore later)', rulesRemoved(context));
}

/** The rules under a heading, for the review's operation list and the log; undefined when there are none. */
export function ipRulesNote(heading: string, rules: readonly string[]): string | undefined {
  return rules.length > 0 ? `\n${heading}:\n${rules.map((rule) => `  ${rule}`).join('\n')}\n` : undefined;
}
