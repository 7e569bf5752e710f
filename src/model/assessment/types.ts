/**
 * The assessment of one resource's network isolation: ONE verdict and its findings, computed once here and shown
 * everywhere (the tree, Verify, `foundry-net check`). Plain data, so views only map it.
 */
import type { FindingId } from './catalog';

/**
 * - private: reachable only through approved private endpoints, and their DNS is complete;
 * - restricted: public access limited to selected IPs or networks;
 * - public: public access from all networks;
 * - broken: isolated, but unreachable or half configured (no approved endpoint, DNS missing or wrong);
 * - unknown: something that decides the verdict could not be read; `reason` says what.
 */
export type VerdictKind = 'private' | 'restricted' | 'public' | 'broken' | 'unknown';

export interface Verdict {
  readonly kind: VerdictKind;
  /** "Private", "Restricted (selected IPs)", …: the words every view shows. */
  readonly label: string;
  /** One sentence: why this verdict. */
  readonly reason: string;
}

export type FindingSeverity = 'error' | 'warning' | 'information';

export interface FindingFix {
  /** A command id from the command table. */
  readonly command: string;
  readonly args: readonly unknown[];
  /** The button text. */
  readonly title: string;
}

export interface Finding {
  /** Stable: users filter on it, SARIF names its rule after it. */
  readonly id: FindingId;
  readonly severity: FindingSeverity;
  /** The resource the finding is about (a hub, an endpoint, a zone, a dependency). */
  readonly resourceId: string;
  /** One line. */
  readonly message: string;
  /** Why it matters and what to do next. */
  readonly detail: string;
  /** What distinguishes two findings of one id on one resource (an FQDN, a rule): part of the stable key. */
  readonly subject?: string;
  readonly fix?: FindingFix;
}

/** The key that identifies a finding across runs (tree node ids, SARIF fingerprints). */
export function findingKey(finding: Pick<Finding, 'id' | 'resourceId' | 'subject'>): string {
  return [finding.id, finding.resourceId.toLowerCase(), finding.subject?.toLowerCase() ?? ''].join('|');
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, information: 2 };

/** Errors first, then warnings, then information; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function worstSeverity(findings: readonly Finding[]): FindingSeverity | undefined {
  return sortFindings(findings)[0]?.severity;
}

/** Whether `severity` is at or above `threshold` (error > warning > information). */
export function atLeast(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return SEVERITY_ORDER[severity] <= SEVERITY_ORDER[threshold];
}
