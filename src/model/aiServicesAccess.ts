/**
 * Public access of an AI Services (Foundry) account: the hub's three modes, written in one PATCH of the account with
 * the stable api-version. A PATCH replaces `networkAcls` as a whole, so every write that touches it sends back the
 * account's VNet rules (and its trusted-services bypass) exactly as read: no change of mode or IP rules drops them.
 */
import { parseResourceId } from './armIds';
import { AzVariables, azCommand, jsonBody } from './azScript';
import type { Cloud } from './clouds';
import type { NetworkAclsDefaultAction, PublicNetworkAccess } from './hubState';
import { IP_RULE_SERVICES } from './ipRules';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from './plan';
import {
  describePublicAccessMode,
  publicAccessConsequence,
  publicAccessModeOf,
  publicAccessPatch,
  type PublicAccessMode,
} from './publicAccess';

/** A VNet rule as the account holds it; `state` is the service's, never sent. */
export interface AccountVirtualNetworkRule {
  readonly id: string;
  readonly ignoreMissingVnetServiceEndpoint?: boolean;
  readonly state?: string;
}

export interface AccountNetworkAcls {
  readonly defaultAction: NetworkAclsDefaultAction | undefined;
  /** Trusted Azure services (AzureServices or None); kept as it is. */
  readonly bypass?: string;
  readonly ipRules: readonly string[];
  readonly virtualNetworkRules: readonly AccountVirtualNetworkRule[];
}

export interface AiServicesAccount {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly publicNetworkAccess: PublicNetworkAccess | undefined;
  /** Undefined when the account never had network rules. */
  readonly networkAcls: AccountNetworkAcls | undefined;
}

export function accountAccessModeOf(account: AiServicesAccount): PublicAccessMode {
  const acls = account.networkAcls;
  return publicAccessModeOf(
    account.publicNetworkAccess,
    acls?.defaultAction ? { defaultAction: acls.defaultAction, ipRules: acls.ipRules } : undefined,
  );
}

export function virtualNetworkRulesOf(account: AiServicesAccount): readonly AccountVirtualNetworkRule[] {
  return account.networkAcls?.virtualNetworkRules ?? [];
}

export interface AccountAccessBody {
  readonly properties: {
    readonly publicNetworkAccess: PublicNetworkAccess;
    readonly networkAcls?: {
      readonly defaultAction: NetworkAclsDefaultAction;
      readonly bypass?: string;
      readonly ipRules: readonly { readonly value: string }[];
      readonly virtualNetworkRules: readonly {
        readonly id: string;
        readonly ignoreMissingVnetServiceEndpoint?: boolean;
      }[];
    };
  };
}

export interface AccountAccessPatch {
  readonly body: AccountAccessBody;
  readonly removedIpRuleCount: number;
  readonly exposes: boolean;
}

/** What to PATCH to reach `target`: the hub's decisions (publicAccessPatch), with the account's limits and VNet rules. */
export function accountAccessPatch(account: AiServicesAccount, target: PublicAccessMode): AccountAccessPatch {
  const current = accountAccessModeOf(account);
  const virtualNetworkRules = virtualNetworkRulesOf(account);
  const stored = account.networkAcls?.defaultAction
    ? { storedNetworkAcls: { defaultAction: account.networkAcls.defaultAction, ipRules: account.networkAcls.ipRules } }
    : {};
  const patch = publicAccessPatch(target, current, {
    service: IP_RULE_SERVICES.aiServices,
    virtualNetworkRuleCount: virtualNetworkRules.length,
    ...stored,
  });
  const { publicNetworkAccess, networkAcls } = patch.body.properties;
  const bypass = account.networkAcls?.bypass;
  const keptAcls = networkAcls && {
    defaultAction: networkAcls.defaultAction,
    ...(bypass ? { bypass } : {}),
    ipRules: networkAcls.ipRules,
    virtualNetworkRules: virtualNetworkRules.map(({ id, ignoreMissingVnetServiceEndpoint }) => ({
      id,
      ...(ignoreMissingVnetServiceEndpoint === undefined ? {} : { ignoreMissingVnetServiceEndpoint }),
    })),
  };
  return {
    body: { properties: keptAcls ? { publicNetworkAccess, networkAcls: keptAcls } : { publicNetworkAccess } },
    removedIpRuleCount: patch.removedIpRuleCount,
    exposes: patch.exposes,
  };
}

export interface AccountAccessPlanContext {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly account: AiServicesAccount;
  readonly target: PublicAccessMode;
}

export function buildAccountAccessPlan(context: AccountAccessPlanContext): Plan {
  const { account, target } = context;
  const patch = accountAccessPatch(account, target);
  const variables = new AzVariables();
  const subscription = variables.ref('SUBSCRIPTION_ID', parseResourceId(account.id).subscriptionId);
  const accountId = variables.ref('ACCOUNT_ID', account.id);
  const apiVersion = context.apiVersions.cognitiveServices;
  // az rest sends this very PATCH. `az cognitiveservices account network-rule add|remove` would write once per rule
  // (each a whole networkAcls), and `account update` cannot set the rule list: neither reproduces one atomic change.
  const az = azCommand('rest', [
    ['--method', 'patch'],
    ['--url', { template: [context.cloud.resourceManagerEndpoint, accountId, `?api-version=${apiVersion}`] }],
    ['--body', jsonBody(patch.body)],
  ]);
  const kept = virtualNetworkRulesOf(account).length;
  const step: PlanStep = {
    id: 'patch-account-public-access',
    title: `Set public network access of ${account.name} to "${describeAccountAccessMode(target, kept)}"${kept > 0 ? `, keeping its ${kept} VNet ${kept === 1 ? 'rule' : 'rules'}` : ''}`,
    operation: { method: 'PATCH', resourceId: account.id, apiVersion, body: patch.body },
    az,
    creates: false,
    destructive: patch.removedIpRuleCount > 0,
    exposing: patch.exposes,
    consequence: publicAccessConsequence(target, patch.removedIpRuleCount, patch.exposes, account.name),
  };
  return createPlan(
    `Change public access of AI Services account ${account.name}`,
    [step],
    variables.list(),
    subscription.variable,
  );
}

/** The mode in the account's words: "selected networks" counts its VNet rules too. */
export function describeAccountAccessMode(mode: PublicAccessMode, virtualNetworkRuleCount: number): string {
  if (mode.kind !== 'selectedIps') return describePublicAccessMode(mode);
  const ipRules = `${mode.ipRules.length} IP ${mode.ipRules.length === 1 ? 'rule' : 'rules'}`;
  const vnetRules =
    virtualNetworkRuleCount > 0
      ? `, ${virtualNetworkRuleCount} VNet ${virtualNetworkRuleCount === 1 ? 'rule' : 'rules'}`
      : '';
  return `Enabled from selected networks (${ipRules}${vnetRules})`;
}
