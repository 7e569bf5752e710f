/**
 * The three public-access modes the UI shows, and how they map to `publicNetworkAccess` + `networkAcls`
 * (the same mapping as the hub YAML, see hub-yaml-rules.md).
 */
import { accessModeOf } from './assessment/access';
import { IP_RULE_SERVICES, type IpRuleService } from './ipRules';
import type { NetworkAclsDefaultAction, PublicNetworkAccess, WorkspaceNetworkAcls } from './hubState';

export type PublicAccessMode =
  | { readonly kind: 'disabled' }
  | { readonly kind: 'allNetworks' }
  | { readonly kind: 'selectedIps'; readonly ipRules: readonly string[] };

/** The settable mode a reading amounts to; the assessment's accessModeOf decides (one place for that rule). */
export function publicAccessModeOf(
  publicNetworkAccess: PublicNetworkAccess | undefined,
  networkAcls: WorkspaceNetworkAcls | undefined,
): PublicAccessMode {
  const mode = accessModeOf({
    resourceId: '',
    resourceName: '',
    publicNetworkAccess,
    defaultAction: networkAcls?.defaultAction,
    ipRules: networkAcls?.ipRules ?? [],
    virtualNetworkRules: [],
  });
  if (mode.kind === 'disabled') return { kind: 'disabled' };
  if (mode.kind === 'selectedNetworks') return { kind: 'selectedIps', ipRules: mode.ipRules };
  return { kind: 'allNetworks' };
}

export function describePublicAccessMode(mode: PublicAccessMode): string {
  switch (mode.kind) {
    case 'disabled':
      return 'Disabled';
    case 'allNetworks':
      return 'Enabled from all networks';
    case 'selectedIps': {
      const count = mode.ipRules.length;
      return `Enabled from selected IPs (${count} ${count === 1 ? 'rule' : 'rules'})`;
    }
  }
}

/** `networkAcls` as the workspace PATCH wants it: rules are `{value}` objects. */
export interface NetworkAclsBody {
  readonly defaultAction: NetworkAclsDefaultAction;
  readonly ipRules: readonly { readonly value: string }[];
}

export interface WorkspacePublicAccessPatch {
  /** The PATCH body for the workspace. */
  readonly body: {
    readonly properties: { readonly publicNetworkAccess: PublicNetworkAccess; readonly networkAcls?: NetworkAclsBody };
  };
  /** networkAcls is only accepted by preview api-versions. */
  readonly needsPreviewApiVersion: boolean;
  /** How many existing IP rules this PATCH removes. */
  readonly removedIpRuleCount: number;
  /** Whether the hub becomes reachable from more of the internet than before. */
  readonly exposes: boolean;
}

export class InvalidPublicAccessModeError extends Error {}

export interface PublicAccessPatchOptions {
  /** Whose rule limits apply (a workspace's by default). */
  readonly service?: IpRuleService;
  /** VNet rules that stay (AI Services): with them, "selected networks" needs no IP rule to let someone in. */
  readonly virtualNetworkRuleCount?: number;
  /**
   * The network rules stored now. Disabled can hide a Deny default action (with its rules) left behind: "all networks"
   * must turn it to Allow, and keeps those rules (inert) rather than deleting them unseen.
   */
  readonly storedNetworkAcls?: {
    readonly defaultAction: NetworkAclsDefaultAction;
    readonly ipRules: readonly string[];
  };
}

/**
 * What to PATCH to reach `target` from `current`. Leaving "selected IPs" resets the rules (default action Allow,
 * no rules), as the portal does, so a later "Enabled" does not silently bring old rules back. When the current rules
 * could not be read (`current` undefined), "all networks" still sends the reset: Deny left behind would mean
 * "selected IPs".
 */
export function publicAccessPatch(
  target: PublicAccessMode,
  current: PublicAccessMode | undefined,
  options: PublicAccessPatchOptions = {},
): WorkspacePublicAccessPatch {
  const removedIpRuleCount = current?.kind === 'selectedIps' ? current.ipRules.length : 0;
  const exposes = exposureRank(target) > exposureRank(current ?? { kind: 'disabled' });
  if (target.kind === 'selectedIps') {
    validateSelectedIps(
      target.ipRules,
      options.service ?? IP_RULE_SERVICES.workspace,
      options.virtualNetworkRuleCount ?? 0,
    );
    const acls = { defaultAction: 'Deny' as const, ipRules: target.ipRules.map((value) => ({ value })) };
    const kept = new Set(target.ipRules);
    const removed = current?.kind === 'selectedIps' ? current.ipRules.filter((rule) => !kept.has(rule)).length : 0;
    return {
      body: { properties: { publicNetworkAccess: 'Enabled', networkAcls: acls } },
      needsPreviewApiVersion: true,
      removedIpRuleCount: removed,
      exposes,
    };
  }
  const resetsRules = current?.kind === 'selectedIps' || (current === undefined && target.kind === 'allNetworks');
  const stored = options.storedNetworkAcls;
  const hiddenDeny = !resetsRules && target.kind === 'allNetworks' && stored?.defaultAction === 'Deny';
  const publicNetworkAccess: PublicNetworkAccess = target.kind === 'disabled' ? 'Disabled' : 'Enabled';
  const networkAcls = resetsRules
    ? { defaultAction: 'Allow' as const, ipRules: [] }
    : hiddenDeny
      ? { defaultAction: 'Allow' as const, ipRules: stored.ipRules.map((value) => ({ value })) }
      : undefined;
  return {
    body: { properties: networkAcls ? { publicNetworkAccess, networkAcls } : { publicNetworkAccess } },
    needsPreviewApiVersion: networkAcls !== undefined,
    removedIpRuleCount,
    exposes,
  };
}

function validateSelectedIps(
  ipRules: readonly string[],
  service: IpRuleService,
  virtualNetworkRuleCount: number,
): void {
  if (ipRules.length === 0 && virtualNetworkRuleCount === 0) {
    throw new InvalidPublicAccessModeError(
      'Add at least one IP rule: "selected IPs" with no rules would block everyone.',
    );
  }
  if (ipRules.length > service.maxRules) {
    throw new InvalidPublicAccessModeError(
      `${capitalized(service.label)} allows at most ${service.maxRules} IP rules; this mode has ${ipRules.length}.`,
    );
  }
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * What a public-access step does to people, for the modal confirmation. `reached` names what becomes reachable
 * ("the hub endpoints", "ais-foundry-prod").
 */
export function publicAccessConsequence(
  target: PublicAccessMode,
  removedIpRuleCount: number,
  exposes: boolean,
  reached: string,
): string | undefined {
  const sentences: string[] = [];
  if (exposes) {
    sentences.push(
      target.kind === 'allNetworks'
        ? `Anyone on the internet can reach ${reached} again; sign-in still applies.`
        : `The listed public IPs can reach ${reached} without a private endpoint.`,
    );
  }
  if (target.kind === 'disabled') {
    sentences.push(`Afterwards only clients behind an approved private endpoint can reach ${reached}.`);
  }
  if (removedIpRuleCount > 0) {
    sentences.push(`${removedIpRuleCount} existing IP ${removedIpRuleCount === 1 ? 'rule is' : 'rules are'} removed.`);
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** Disabled < selected IPs < all networks. Changing the rule list itself is not ranked. */
function exposureRank(mode: PublicAccessMode): number {
  return mode.kind === 'disabled' ? 0 : mode.kind === 'selectedIps' ? 1 : 2;
}
