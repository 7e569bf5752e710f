/**
 * "Findings (N)": what is misconfigured, worst first. A finding with a fix has a fix button (inline and on
 * right-click); a plain click reveals the resource it is about.
 */
import * as l10n from '@vscode/l10n';
import { findingKey, sortFindings, type Finding, type FindingSeverity } from '../../model/assessment';
import type { NodeView, Tone } from '../nodeView';

export const SEVERITY_ICON: Readonly<Record<FindingSeverity, { codicon: string; tone: Tone }>> = {
  error: { codicon: 'error', tone: 'exposed' },
  warning: { codicon: 'warning', tone: 'warning' },
  information: { codicon: 'info', tone: 'neutral' },
};

/** The command a finding's row runs: reveal its resource in the tree. */
export const REVEAL_COMMAND = 'foundryNetwork.revealResource';

export function findingsNode(resourceId: string, findings: readonly Finding[]): NodeView {
  const sorted = sortFindings(findings);
  const worst = sorted[0]?.severity;
  return {
    id: `${resourceId}/findings`,
    label: l10n.t('Findings ({0})', findings.length),
    description: findings.length === 0 ? l10n.t('nothing to fix') : undefined,
    context: 'findings',
    hubId: resourceId,
    icon: worst ? SEVERITY_ICON[worst] : { codicon: 'check-all', tone: 'secure' },
    expandable: findings.length > 0,
    expanded: sorted.some((finding) => finding.severity === 'error'),
    children: sorted.map((finding) => findingNode(resourceId, finding)),
  };
}

function findingNode(ownerId: string, finding: Finding): NodeView {
  return {
    id: `${ownerId}/findings/${findingKey(finding)}`,
    label: finding.message,
    description: finding.id,
    context: 'finding',
    contextFlags: finding.fix ? ['fixable'] : [],
    hubId: ownerId,
    resourceId: finding.resourceId,
    icon: SEVERITY_ICON[finding.severity],
    tooltip: `**${finding.message}**\n\n${finding.detail}${finding.fix ? `\n\n${l10n.t('Fix: {0} (the button on this row)', finding.fix.title)}` : ''}\n\n\`${finding.id}\``,
    command: { id: REVEAL_COMMAND, title: l10n.t('Show the resource'), args: [finding.resourceId, ownerId] },
    ...(finding.fix ? { fix: { command: finding.fix.command, title: finding.fix.title, args: finding.fix.args } } : {}),
  };
}
