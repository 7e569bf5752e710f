/** One line per workspace document for CodeLens and the tree: the public access mode the UI would show. */
import type { DocumentAnalysis } from './analyzeDocument';
import type { IsolationMode } from './keys';
import type { OffsetRange } from './types';

/** The portal's names for the public access modes (see the spec's UI-mode mapping). */
export type PublicAccessMode = 'Disabled' | 'Enabled from all networks' | 'Enabled from selected IPs';

export interface DocumentSummary {
  readonly range: OffsetRange;
  /** The offset of the key the summary belongs on (see DocumentAnalysis.summaryAnchor). */
  readonly anchor: number;
  /** Undefined when the YAML does not say clearly (an invalid value, or network_acls without a valid default_action). */
  readonly mode?: PublicAccessMode;
  readonly ipRuleCount: number;
  readonly isolationMode?: IsolationMode;
  readonly outboundRuleCount: number;
  /** For example "Selected IPs: 12 rules". */
  readonly text: string;
}

export function summarizeDocument(analysis: DocumentAnalysis, offset = 0): DocumentSummary | undefined {
  if (!analysis.checked) return undefined;
  const network = analysis.network;
  const ipRuleCount = network?.ipRules?.isList ? network.ipRules.entries.length : 0;
  const mode = publicAccessMode(analysis);
  const managed = analysis.managedNetwork;
  // The docs' repeated `value:` form (or a scalar): the count would be meaningless until it is a list.
  const rulesUnreadable = network?.ipRules !== undefined && !network.ipRules.isList;
  const parts = [
    rulesUnreadable && mode === 'Enabled from selected IPs'
      ? 'Selected IPs: ip_rules must be a list (see the problem)'
      : modeText(mode, ipRuleCount),
  ];
  if (network && network.publicNetworkAccess === undefined && mode !== undefined)
    parts[0] += ' (public_network_access not set: Enabled by default)';
  if (managed?.isolationMode) {
    const rules = managed.outboundRuleCount === 1 ? '1 outbound rule' : `${managed.outboundRuleCount} outbound rules`;
    parts.push(`Managed network: ${managed.isolationMode}, ${rules}`);
  }
  return {
    range: { start: analysis.range.start + offset, end: analysis.range.end + offset },
    anchor: analysis.summaryAnchor + offset,
    ...(mode ? { mode } : {}),
    ipRuleCount,
    ...(managed?.isolationMode ? { isolationMode: managed.isolationMode } : {}),
    outboundRuleCount: managed?.outboundRuleCount ?? 0,
    text: parts.join(' · '),
  };
}

function publicAccessMode(analysis: DocumentAnalysis): PublicAccessMode | undefined {
  const network = analysis.network;
  if (!network) return 'Enabled from all networks';
  if (network.publicNetworkAccess === 'disabled') return 'Disabled';
  if (!network.hasNetworkAcls || network.defaultAction === 'Allow') return 'Enabled from all networks';
  if (network.defaultAction === 'Deny') return 'Enabled from selected IPs';
  return undefined;
}

function modeText(mode: PublicAccessMode | undefined, ipRuleCount: number): string {
  if (mode === undefined) return 'Public access: unclear until network_acls is fixed';
  if (mode !== 'Enabled from selected IPs') return `Public access: ${mode}`;
  if (ipRuleCount === 0) return 'Selected IPs: no rules, so no network can connect';
  return `Selected IPs: ${ipRuleCount} ${ipRuleCount === 1 ? 'rule' : 'rules'}`;
}
