/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer), built with node-sarif-builder: one run, rules with
 * their help, and results with a location each and a stable partial fingerprint. `check` and `lint` both use it.
 */
import { createHash } from 'node:crypto';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Location, ReportingDescriptor, Result } from 'sarif';
import { version } from '../../package.json';

export type ProblemSeverity = 'error' | 'warning' | 'information';

export interface SarifRule {
  readonly id: string;
  readonly title: string;
  /** Plain text; also rendered as Markdown by GitHub. */
  readonly help: string;
}

export interface SarifProblem {
  readonly ruleId: string;
  readonly severity: ProblemSeverity;
  readonly message: string;
  /** An Azure resource the result is about (a logical location). */
  readonly resource?: { readonly id: string; readonly name: string };
  /** A file and 1-based region (a physical location). */
  readonly file?: {
    readonly uri: string;
    readonly startLine: number;
    readonly startColumn?: number;
    readonly endLine?: number;
    readonly endColumn?: number;
  };
  /** What stays the same for the same problem across runs. */
  readonly fingerprint: string;
}

const LEVEL: Readonly<Record<ProblemSeverity, Result.level>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
};

/** GitHub ranks security alerts by this property (0–10). */
const SECURITY_SEVERITY: Readonly<Record<ProblemSeverity, string>> = {
  error: '7.5',
  warning: '5.0',
  information: '2.0',
};

/** `failures`: what could not be checked; the run then says it did not execute successfully. */
export function toSarif(
  rules: readonly SarifRule[],
  problems: readonly SarifProblem[],
  failures: readonly string[] = [],
): string {
  const run = new SarifRunBuilder({
    invocations: [
      {
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: failures.map((text) => ({ level: 'error' as const, message: { text } })),
      },
    ],
  }).initSimple({
    toolDriverName: 'foundry-net',
    toolDriverVersion: version,
  });
  const used = new Set(problems.map((problem) => problem.ruleId));
  const worst = new Map<string, ProblemSeverity>();
  for (const problem of problems) {
    const known = worst.get(problem.ruleId);
    if (!known || rank(problem.severity) < rank(known)) worst.set(problem.ruleId, problem.severity);
  }
  for (const rule of rules.filter((candidate) => used.has(candidate.id)))
    run.addRule(ruleBuilder(rule, worst.get(rule.id)!));
  for (const problem of problems) run.addResult(resultBuilder(problem));
  const builder = new SarifBuilder();
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}

function ruleBuilder(rule: SarifRule, severity: ProblemSeverity): SarifRuleBuilder {
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: `**${rule.title}**\n\n${rule.help}` },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['security', 'network'], 'security-severity': SECURITY_SEVERITY[severity] },
  };
  return new SarifRuleBuilder(descriptor);
}

function resultBuilder(problem: SarifProblem): SarifResultBuilder {
  const location: Location = {};
  if (problem.file) {
    location.physicalLocation = {
      artifactLocation: { uri: problem.file.uri },
      region: {
        startLine: problem.file.startLine,
        ...(problem.file.startColumn ? { startColumn: problem.file.startColumn } : {}),
        ...(problem.file.endLine ? { endLine: problem.file.endLine } : {}),
        ...(problem.file.endColumn ? { endColumn: problem.file.endColumn } : {}),
      },
    };
  }
  if (problem.resource) {
    location.logicalLocations = [
      { name: problem.resource.name, fullyQualifiedName: problem.resource.id, kind: 'resource' },
    ];
  }
  return new SarifResultBuilder({
    ruleId: problem.ruleId,
    level: LEVEL[problem.severity],
    message: { text: problem.message },
    locations: [location],
    partialFingerprints: {
      'foundryNetworkProblem/v1': createHash('sha256').update(problem.fingerprint).digest('hex').slice(0, 32),
    },
  });
}

function rank(severity: ProblemSeverity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}
