/** "Findings (N)": what is misconfigured, worst first, each with the command that fixes it. */
import type { Finding, FindingSeverity } from '../../model/findings';
import { sortFindings } from '../../model/findings';
import type { NodeView, Tone } from '../nodeView';

const SEVERITY: Readonly<Record<FindingSeverity, { codicon: string; tone: Tone }>> = {
  error: { codicon: 'error', tone: 'exposed' },
  warning: { codicon: 'warning', tone: 'warning' },
  information: { codicon: 'info', tone: 'neutral' },
};

export function findingsNode(hubId: string, findings: readonly Finding[]): NodeView {
  const sorted = sortFindings(findings);
  const worst = sorted[0]?.severity;
  return {
    id: `${hubId}/findings`,
    label: `Findings (${findings.length})`,
    description: findings.length === 0 ? 'nothing to fix' : undefined,
    context: 'findings',
    hubId,
    icon: worst ? SEVERITY[worst] : { codicon: 'check-all', tone: 'secure' },
    expandable: findings.length > 0,
    expanded: sorted.some((finding) => finding.severity === 'error'),
    children: sorted.map((finding, index) => ({
      id: `${hubId}/findings/${finding.code}/${index}`,
      label: finding.title,
      description: finding.code,
      context: 'finding' as const,
      contextFlags: finding.fix ? ['fixable'] : [],
      hubId,
      resourceId: finding.resourceId,
      icon: SEVERITY[finding.severity],
      tooltip: `**${finding.title}**\n\n${finding.detail}${finding.fix ? `\n\nFix: ${finding.fix.title}` : ''}`,
      command: finding.fix ? { id: finding.fix.command, title: finding.fix.title, args: finding.fix.args } : undefined,
    })),
  };
}
