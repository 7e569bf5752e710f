/**
 * Public access and IP rules, for any resource with `publicNetworkAccess` + `networkAcls` (hubs, Foundry resources):
 * the mode, and the findings about stored rules.
 */
import { parseIpRule, reservedOverlaps } from '../ipRules';
import type { NetworkAclsDefaultAction, PublicNetworkAccess } from '../hubState';
import { WIZARD_COMMANDS } from '../../wizards/ids';
import type { Finding, FindingFix } from './types';

/** What the stored settings mean for who reaches the resource from outside its private endpoints. */
export type AccessMode =
  /** public network access Disabled */
  | { readonly kind: 'disabled'; readonly ignoredIpRules: readonly string[] }
  /** Enabled, default action Deny: only the rules (and VNet rules, and trusted services with bypass) get in */
  | {
      readonly kind: 'selectedNetworks';
      readonly ipRules: readonly string[];
      readonly virtualNetworkRules: readonly string[];
    }
  /** Enabled, default action Allow (or no rules object) */
  | { readonly kind: 'allNetworks'; readonly ignoredIpRules: readonly string[] }
  /** Enabled, and the rules could not be read (workspace rules exist only in preview APIs) */
  | { readonly kind: 'unknown'; readonly reason: string };

export interface AccessSettings {
  readonly resourceId: string;
  readonly resourceName: string;
  /** Azure's default when the property is absent is Enabled. */
  readonly publicNetworkAccess: PublicNetworkAccess | undefined;
  readonly defaultAction: NetworkAclsDefaultAction | undefined;
  readonly ipRules: readonly string[];
  readonly virtualNetworkRules: readonly string[];
  /** Set when the rules could not be read. */
  readonly rulesUnreadable?: string;
}

export function accessModeOf(settings: AccessSettings): AccessMode {
  if (settings.publicNetworkAccess === 'Disabled') return { kind: 'disabled', ignoredIpRules: settings.ipRules };
  if (settings.rulesUnreadable !== undefined) return { kind: 'unknown', reason: settings.rulesUnreadable };
  if (settings.defaultAction === 'Deny') {
    return {
      kind: 'selectedNetworks',
      ipRules: settings.ipRules,
      virtualNetworkRules: settings.virtualNetworkRules,
    };
  }
  return { kind: 'allNetworks', ignoredIpRules: settings.ipRules };
}

/** "selected IPs (3 rules)", "all networks": how the mode reads in a sentence. */
export function describeAccessMode(mode: AccessMode): string {
  switch (mode.kind) {
    case 'disabled':
      return 'public access disabled';
    case 'allNetworks':
      return 'public access from all networks';
    case 'unknown':
      return 'public access enabled, rules unknown';
    case 'selectedNetworks': {
      const parts = [count(mode.ipRules.length, 'IP rule')];
      if (mode.virtualNetworkRules.length > 0) parts.push(count(mode.virtualNetworkRules.length, 'VNet rule'));
      return `selected ${mode.virtualNetworkRules.length > 0 ? 'networks' : 'IPs'} (${parts.join(', ')})`;
    }
  }
}

export function accessFindings(settings: AccessSettings, mode: AccessMode): Finding[] {
  const fix: FindingFix = {
    command: WIZARD_COMMANDS.setPublicNetworkAccess.command,
    args: [settings.resourceId],
    title: 'Set public network access',
  };
  const findings: Finding[] = [];
  if (mode.kind === 'unknown') {
    findings.push({
      id: 'ip-rules-unreadable',
      severity: 'information',
      resourceId: settings.resourceId,
      message: `The IP rules of ${settings.resourceName} could not be read`,
      detail: `${mode.reason} Whether access is limited to selected IPs is unknown; check the Networking page in the portal.`,
    });
  }
  if (mode.kind === 'allNetworks') {
    findings.push({
      id: 'public-network-access-enabled',
      severity: 'warning',
      resourceId: settings.resourceId,
      message: `${settings.resourceName} is reachable from all networks`,
      detail: `Any internet address can reach ${settings.resourceName} (sign-in still applies). Disable public access and use a private endpoint, or allow only selected IPs.`,
      fix,
    });
  }
  if ((mode.kind === 'allNetworks' || mode.kind === 'disabled') && mode.ignoredIpRules.length > 0) {
    const rules = mode.ignoredIpRules;
    findings.push({
      id: 'ip-rules-ignored',
      // With all networks allowed, the rules suggest a limit that is not there; with public access off, they are inert.
      severity: mode.kind === 'allNetworks' ? 'warning' : 'information',
      resourceId: settings.resourceId,
      message: `${count(rules.length, 'IP rule')} ${rules.length === 1 ? 'is' : 'are'} stored but ${rules.length === 1 ? 'has' : 'have'} no effect`,
      detail:
        mode.kind === 'allNetworks'
          ? `${rules.join(', ')} ${rules.length === 1 ? 'is' : 'are'} stored, but the default action is Allow: every network reaches ${settings.resourceName}, not only these. Switch to "selected IPs" to apply them, or remove them.`
          : `${rules.join(', ')} ${rules.length === 1 ? 'is' : 'are'} stored, but public access is Disabled, so no IP rule applies. They come back into force if someone enables "selected IPs".`,
      fix: { ...fix, command: WIZARD_COMMANDS.editIpRules.command, title: 'Edit IP rules' },
    });
  }
  for (const rule of storedRules(settings)) {
    const parsed = parseIpRule(rule);
    if (parsed.kind !== 'ipv4') continue;
    const reserved = reservedOverlaps(parsed.rule);
    if (reserved.length === 0) continue;
    findings.push({
      id: 'ip-rule-reserved-range',
      severity: 'error',
      resourceId: settings.resourceId,
      subject: rule,
      message: `IP rule ${rule} covers a reserved range (${reserved.map((range) => range.cidr).join(', ')})`,
      detail: `${rule} overlaps ${reserved.map((range) => `${range.cidr} (${range.purpose})`).join(', ')}. Such addresses never arrive from the internet, and Azure refuses the next update of ${settings.resourceName} while the rule is stored: remove or correct it.`,
      fix: { ...fix, command: WIZARD_COMMANDS.editIpRules.command, title: 'Edit IP rules' },
    });
  }
  return findings;
}

function storedRules(settings: AccessSettings): readonly string[] {
  return settings.rulesUnreadable === undefined ? settings.ipRules : [];
}

export function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

/**
 * What discovery (Resource Graph) says of public access before the details are read: a fact to show with
 * "checking…", never a verdict (a hub with public access disabled may still be broken).
 */
export function discoveredAccess(
  publicNetworkAccess: string | undefined,
  networkDefaultAction: string | undefined,
): string {
  if (publicNetworkAccess?.toLowerCase() === 'disabled') return 'public access disabled';
  if (networkDefaultAction?.toLowerCase() === 'deny') return 'selected networks only';
  if (networkDefaultAction?.toLowerCase() === 'allow') return 'public access from all networks';
  return 'public access enabled';
}
