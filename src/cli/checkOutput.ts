/** The three output formats of `foundry-net check`: stylish text, one JSON array, SARIF 2.1.0. */
import { resourceNameOf } from '../model/armIds';
import { FINDINGS, describeFinding, type Finding, type VerdictKind } from '../model/assessment';
import type { AccessFailure, CheckedResource } from './checkRun';
import { printable, withoutWorkflowCommands } from './printable';
import { toSarif, type SarifProblem, type SarifRule } from './sarif';
import type { YamlAnchors } from './yamlAnchors';

export interface JsonFinding {
  readonly id: string;
  readonly severity: Finding['severity'];
  readonly resourceId: string;
  readonly resourceName: string;
  readonly message: string;
  readonly policy?: { readonly azurePolicy?: { readonly id: string; readonly name: string }; readonly psRule?: string };
  readonly fix?: { readonly title: string; readonly command: string };
  /** The hub or Foundry resource whose assessment raised it, and that resource's verdict. */
  readonly assessedResourceId: string;
  readonly assessedResourceName: string;
  readonly verdict: VerdictKind;
}

export function jsonFindings(checked: readonly CheckedResource[]): JsonFinding[] {
  return checked.flatMap(({ assessment }) =>
    assessment.findings.map((finding) => {
      const policy = describeFinding(finding.id).policy;
      return {
        id: finding.id,
        severity: finding.severity,
        resourceId: finding.resourceId,
        resourceName: nameOf(finding.resourceId),
        message: finding.message,
        ...(policy ? { policy } : {}),
        ...(finding.fix ? { fix: { title: finding.fix.title, command: finding.fix.command } } : {}),
        assessedResourceId: assessment.resourceId,
        assessedResourceName: assessment.resourceName,
        verdict: assessment.verdict.kind,
      };
    }),
  );
}

export function formatCheckJson(checked: readonly CheckedResource[]): string {
  return `${JSON.stringify(jsonFindings(checked), null, 2)}\n`;
}

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'note' } as const;

/** Per resource: its verdict and why, then its findings, worst first; a summary line at the end. */
export function formatCheckStylish(checked: readonly CheckedResource[], failures: readonly AccessFailure[]): string {
  const blocks = checked.map(({ assessment, subscriptionName, resource }) => {
    const head = `${printable(assessment.resourceName)} (${resource.kind === 'hub' ? 'hub' : 'Foundry resource'}, ${printable(subscriptionName)}): ${assessment.verdict.label}`;
    const lines = [head, `  ${printable(assessment.verdict.reason)}`];
    for (const finding of assessment.findings) {
      lines.push(`  ${SEVERITY_WORD[finding.severity].padEnd(7)}  ${printable(finding.message)}  ${finding.id}`);
    }
    return lines.join('\n');
  });
  for (const failure of failures)
    blocks.push(`${printable(failure.what)}: could not be read\n  ${printable(failure.message)}`);
  const verdicts = countBy(checked.map(({ assessment }) => assessment.verdict.kind));
  const findings = checked.flatMap(({ assessment }) => assessment.findings);
  const severities = countBy(findings.map((finding) => finding.severity));
  const summary = [
    `${count(checked.length, 'resource')} checked: ${
      (['private', 'restricted', 'public', 'broken', 'unknown'] as const)
        .filter((kind) => verdicts.get(kind))
        .map((kind) => `${verdicts.get(kind)} ${kind}`)
        .join(', ') || 'none'
    }`,
    `${count(findings.length, 'finding')} (${count(severities.get('error') ?? 0, 'error')}, ${count(severities.get('warning') ?? 0, 'warning')}, ${count(severities.get('information') ?? 0, 'note')})`,
    ...(failures.length ? [`${count(failures.length, 'read failure')}`] : []),
  ].join('; ');
  return withoutWorkflowCommands(`${[...blocks, summary].join('\n\n')}\n`);
}

const RULES: readonly SarifRule[] = Object.entries(FINDINGS).map(([id, description]) => {
  const policy = 'policy' in description ? description.policy : undefined;
  const equivalents = [
    policy?.azurePolicy ? `Azure Policy: ${policy.azurePolicy.name} (${policy.azurePolicy.id}).` : '',
    policy && 'psRule' in policy && policy.psRule ? `PSRule for Azure: ${policy.psRule}.` : '',
  ].filter(Boolean);
  return {
    id,
    title: description.title,
    help: [description.help, ...equivalents, 'See docs/findings.md of Foundry Network for the fix.'].join(' '),
  };
});

export function formatCheckSarif(
  checked: readonly CheckedResource[],
  failures: readonly AccessFailure[],
  anchors: readonly YamlAnchors[],
): string {
  const problems: SarifProblem[] = checked.flatMap(({ assessment }) => {
    const anchor = anchors.find((candidate) => candidate.name?.toLowerCase() === assessment.resourceName.toLowerCase());
    return assessment.findings.map((finding) => ({
      ruleId: finding.id,
      severity: finding.severity,
      message: `${assessment.resourceName}: ${finding.message}. ${finding.detail}`,
      resource: { id: finding.resourceId, name: nameOf(finding.resourceId) },
      ...(anchor ? { file: { uri: anchor.uri, startLine: anchor.lineFor(finding.id) } } : {}),
      fingerprint: `${finding.id}|${finding.resourceId.toLowerCase()}|${finding.subject?.toLowerCase() ?? ''}`,
    }));
  });
  return toSarif(
    RULES,
    problems,
    failures.map((failure) => `${failure.what} could not be read: ${failure.message}`),
  );
}

function nameOf(resourceId: string): string {
  try {
    return resourceNameOf(resourceId.split('#')[0]!);
  } catch {
    return resourceId;
  }
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function count(value: number, singular: string): string {
  return `${value} ${singular}${value === 1 ? '' : 's'}`;
}
