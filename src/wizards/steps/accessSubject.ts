/**
 * What Set Public Network Access… and Edit IP Rules… change: a hub or an AI Services (Foundry) account. Both wizards
 * ask, plan and guard against lost updates through `AccessSubject`, so the two kinds share one code path; only how
 * each is read, written and limited differs here.
 */
import {
  accountAccessModeOf,
  buildAccountAccessPlan,
  describeAccountAccessMode,
  virtualNetworkRulesOf,
  type AiServicesAccount,
} from '../../model/aiServicesAccess';
import { isResourceType, parseResourceId, tryParseResourceId } from '../../model/armIds';
import { PRIVATE_LINK_TARGETS } from '../../model/dnsZones';
import { IP_RULE_SERVICES, type IpRuleService } from '../../model/ipRules';
import type { Plan } from '../../model/plan';
import { describePublicAccessMode, publicAccessModeOf, type PublicAccessMode } from '../../model/publicAccess';
import { buildPublicAccessPlan } from '../../model/workspacePlans';
import type { Expectation } from '../execution/stepRunner';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { hubContextFrom, startingIds, subscriptionStep, type HubContext } from './hubSteps';

export const AI_SERVICES_TYPE = PRIVATE_LINK_TARGETS.aiServices.resourceType;

export const PREVIEW_NOTE = 'IP rules use a preview api-version: Azure has them in no stable version yet.';

export interface AccessContext extends HubContext {
  accountId?: string;
  account?: AiServicesAccount;
}

export interface AccessSubject {
  readonly id: string;
  readonly name: string;
  /** "hub", "AI Services account". */
  readonly noun: string;
  readonly mode: PublicAccessMode;
  /** "selected IPs" (hub), "selected networks" (account: IP and VNet rules). */
  readonly selectedName: string;
  readonly ipRuleService: IpRuleService;
  /** The IP rules stored now, also those a Disabled mode hides (they offer themselves again for selected IPs). */
  readonly storedIpRules: readonly string[];
  /** Subnet ids of the account's VNet rules: every change keeps them. */
  readonly virtualNetworkSubnetIds: readonly string[];
  /** Said wherever IP rules are asked for; empty when there is nothing to say. */
  readonly ipRulesNote: string;
  describe(mode: PublicAccessMode): string;
  plan(target: PublicAccessMode, services: WizardServices): Plan;
  expectations(): Expectation[];
}

export function accessSubjectOf(context: AccessContext): AccessSubject {
  const subject = chosenAccessSubjectOf(context);
  if (!subject) throw new Error('No hub or AI Services account was chosen.');
  return subject;
}

/** Undefined before the question: the step counter asks later steps' shouldPrompt early. */
export function chosenAccessSubjectOf(context: AccessContext): AccessSubject | undefined {
  if (context.account) return accountSubject(context.account);
  return context.hub ? hubSubject(context) : undefined;
}

/** The id a run is filed under: the tree redraws it afterwards. */
export function accessSubjectIdOf(context: AccessContext): string {
  return context.hubId ?? context.accountId ?? '';
}

function hubSubject(context: HubContext): AccessSubject {
  const workspace = context.hub!.workspace;
  return {
    id: workspace.id,
    name: workspace.name,
    noun: 'hub',
    mode: currentMode(context),
    selectedName: 'selected IPs',
    ipRuleService: IP_RULE_SERVICES.workspace,
    storedIpRules: workspace.networkAcls?.ipRules ?? [],
    virtualNetworkSubnetIds: [],
    ipRulesNote: PREVIEW_NOTE,
    describe: describePublicAccessMode,
    plan: (target, services) => publicAccessPlan(context, target, services),
    expectations: () => workspaceExpectations(context),
  };
}

function accountSubject(account: AiServicesAccount): AccessSubject {
  const virtualNetworkRules = virtualNetworkRulesOf(account);
  const acls = account.networkAcls;
  return {
    id: account.id,
    name: account.name,
    noun: 'AI Services account',
    mode: accountAccessModeOf(account),
    selectedName: 'selected networks',
    ipRuleService: IP_RULE_SERVICES.aiServices,
    storedIpRules: acls?.ipRules ?? [],
    virtualNetworkSubnetIds: virtualNetworkRules.map((rule) => rule.id),
    ipRulesNote: '',
    describe: (mode) => describeAccountAccessMode(mode, virtualNetworkRules.length),
    plan: (target, services) =>
      buildAccountAccessPlan({ cloud: services.directory.cloud, apiVersions: services.apiVersions, account, target }),
    // The runner re-reads these before the PATCH: a change made meanwhile (VNet rules included) stops the run.
    expectations: () => [
      {
        resourceId: account.id,
        values: {
          'properties.publicNetworkAccess': account.publicNetworkAccess,
          'properties.networkAcls.defaultAction': acls?.defaultAction,
          'properties.networkAcls.ipRules': acls?.ipRules.map((value) => ({ value })),
          'properties.networkAcls.virtualNetworkRules': acls?.virtualNetworkRules,
        },
      },
    ],
  };
}

export function currentMode(context: HubContext): PublicAccessMode {
  const workspace = context.hub!.workspace;
  return publicAccessModeOf(workspace.publicNetworkAccess, workspace.networkAcls);
}

export function publicAccessPlan(context: HubContext, target: PublicAccessMode, services: WizardServices): Plan {
  const workspace = context.hub!.workspace;
  return buildPublicAccessPlan({
    cloud: services.directory.cloud,
    apiVersions: services.apiVersions,
    workspace: { id: workspace.id, name: workspace.name, etag: workspace.etag },
    current: workspace.networkAclsRead.succeeded ? currentMode(context) : undefined,
    ...(workspace.networkAcls ? { storedNetworkAcls: workspace.networkAcls } : {}),
    target,
  });
}

export function workspaceExpectations(context: HubContext): Expectation[] {
  const workspace = context.hub!.workspace;
  const values: Record<string, unknown> = { 'properties.publicNetworkAccess': workspace.publicNetworkAccess };
  if (workspace.networkAcls)
    values['properties.networkAcls.ipRules'] = workspace.networkAcls.ipRules.map((value) => ({ value }));
  return [{ resourceId: workspace.id, values }];
}

/** The hub or account a command was started on (a tree node, or an id), read now so its question is skipped. */
export async function accessContextFrom(args: readonly unknown[], services: WizardServices): Promise<AccessContext> {
  const { hubId, resourceIds } = startingIds(args);
  const accountId = hubId ? undefined : resourceIds.find((id) => isResourceType(id, AI_SERVICES_TYPE));
  if (!accountId) return hubContextFrom(args, services);
  return {
    accountId,
    subscriptionId: parseResourceId(accountId).subscriptionId,
    account: await services.directory.readAiServicesAccount(accountId),
  };
}

type Choice = { readonly kind: 'hub' | 'aiServices'; readonly id: string };

/** From the palette: the subscription's hubs and AI Services accounts in one list. */
export function accessSubjectStep<C extends AccessContext>(services: WizardServices): PromptStep<C> {
  return {
    id: 'accessSubject',
    shouldPrompt: (context) => !context.hub && !context.account,
    prompt: async (context, ask) => {
      const subscriptionId = context.subscriptionId ?? '';
      const [hubs, accounts] = await Promise.all([
        services.directory.hubs(subscriptionId),
        services.directory.aiServicesAccounts(subscriptionId),
      ]);
      if (hubs.length + accounts.length === 0)
        throw new Error('This subscription has no Foundry hub and no AI Services account. Pick another subscription.');
      const where = (id: string, location: string) => `${tryParseResourceId(id)?.resourceGroup ?? ''} · ${location}`;
      const items = [
        ...hubs.map((hub) => ({
          label: hub.name,
          description: `hub · ${where(hub.id, hub.location)}`,
          value: { kind: 'hub', id: hub.id } as Choice,
        })),
        ...accounts.map((account) => ({
          label: account.name,
          description: `AI Services account · ${where(account.id, account.location)}`,
          value: { kind: 'aiServices', id: account.id } as Choice,
        })),
      ];
      const choice = await ask.pick('Pick the hub or AI Services account', items);
      if (choice.kind === 'hub') {
        context.hubId = choice.id;
        context.hub = await services.directory.readHub(choice.id);
      } else {
        context.accountId = choice.id;
        context.account = await services.directory.readAiServicesAccount(choice.id);
      }
    },
  };
}

/** The rules under a heading, for the review's operation list and the log; undefined when there are none. */
export function ipRulesNote(heading: string, rules: readonly string[]): string | undefined {
  return rules.length > 0 ? `\n${heading}:\n${rules.map((rule) => `  ${rule}`).join('\n')}\n` : undefined;
}

/** The account's VNet rules, which the change keeps; undefined for a hub or an account without any. */
export function keptVirtualNetworkRulesNote(subject: AccessSubject): string | undefined {
  const subnets = subject.virtualNetworkSubnetIds.map(
    (id) =>
      tryParseResourceId(id)
        ?.resources.map((resource) => resource.name)
        .join('/') ?? id,
  );
  return ipRulesNote(`VNet rules of ${subject.name} (kept as they are)`, subnets);
}

/** " · its 2 VNet rules stay as they are" for an account that has some; empty otherwise. */
export function keptVirtualNetworkRulesPhrase(subject: AccessSubject): string {
  const count = subject.virtualNetworkSubnetIds.length;
  return count > 0
    ? ` · its ${count} VNet ${count === 1 ? 'rule stays' : 'rules stay'} as ${count === 1 ? 'it is' : 'they are'}`
    : '';
}

/** What both access wizards share: where they start, the lost-update guard and the id their runs are filed under. */
export function accessWizardBase<C extends AccessContext>(): Pick<
  WizardDefinition<C>,
  'initialContext' | 'expectations' | 'hubId'
> {
  return {
    initialContext: (args, services) => accessContextFrom(args, services) as Promise<C>,
    expectations: (context) => accessSubjectOf(context).expectations(),
    hubId: (context) => accessSubjectIdOf(context),
  };
}

/** The first two questions from the palette: the subscription, then its hubs and accounts. */
export function accessSubjectSteps<C extends AccessContext>(services: WizardServices): PromptStep<C>[] {
  return [subscriptionStep<C>(services, 'hub or AI Services account'), accessSubjectStep<C>(services)];
}

/** A wizard's own review note, then the account's VNet rules that the change keeps. */
export function accessReviewNotes(context: AccessContext, note: string | undefined): string | undefined {
  return joinNotes(note, keptVirtualNetworkRulesNote(accessSubjectOf(context)));
}

export function joinNotes(...notes: readonly (string | undefined)[]): string | undefined {
  const present = notes.filter((note): note is string => note !== undefined);
  return present.length > 0 ? present.join('') : undefined;
}
