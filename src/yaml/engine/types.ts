/** The shapes every hub YAML check, quick fix and adapter shares. Offsets are UTF-16 indexes into the file text. */

export type Severity = 'error' | 'warning' | 'information';

/** The stable diagnostic codes (users filter on them; docs/yaml-rules.md has one heading per code). */
export const DIAGNOSTIC_CODES = [
  'yaml-syntax',
  'duplicate-key',
  'invalid-public-network-access',
  'missing-default-action',
  'invalid-default-action',
  'ip-rules-not-a-list',
  'invalid-ip-rule-entry',
  'invalid-ip-address',
  'ipv6-not-supported',
  'reserved-ip-range',
  'too-many-ip-rules',
  'deny-without-ip-rules',
  'non-canonical-cidr',
  'duplicate-ip-rule',
  'redundant-ip-rule',
  'ip-rules-ignored',
  'unknown-key',
  'invalid-isolation-mode',
  'invalid-outbound-rule',
  'outbound-rule-ignored',
  'unresolved-alias',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A half-open offset range [start, end). */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type FixKind = 'quickfix' | 'quickfix.remove';

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe fixes are the ones `foundry-net lint --fix` and "fix all" apply without asking. */
  readonly safe: boolean;
  readonly kind?: FixKind;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fixes?: readonly Fix[];
}

export const SEVERITY_OF: Readonly<Record<DiagnosticCode, Severity>> = {
  'yaml-syntax': 'error',
  'duplicate-key': 'error',
  'invalid-public-network-access': 'error',
  'missing-default-action': 'error',
  'invalid-default-action': 'error',
  'ip-rules-not-a-list': 'error',
  'invalid-ip-rule-entry': 'error',
  'invalid-ip-address': 'error',
  'ipv6-not-supported': 'error',
  'reserved-ip-range': 'error',
  'too-many-ip-rules': 'error',
  'deny-without-ip-rules': 'error',
  'non-canonical-cidr': 'warning',
  'duplicate-ip-rule': 'warning',
  'redundant-ip-rule': 'warning',
  'ip-rules-ignored': 'warning',
  'unknown-key': 'warning',
  'invalid-isolation-mode': 'error',
  'invalid-outbound-rule': 'error',
  'outbound-rule-ignored': 'warning',
  'unresolved-alias': 'error',
};

/** Builds a diagnostic with the severity the spec gives its code. */
export function diagnostic(
  code: DiagnosticCode,
  range: OffsetRange,
  message: string,
  fixes?: readonly Fix[],
): Diagnostic {
  const base = { code, severity: SEVERITY_OF[code], message, range: { start: range.start, end: range.end } };
  return fixes && fixes.length > 0 ? { ...base, fixes } : base;
}

/** Where the docs explain a code (anchors of docs/yaml-rules.md). */
export function docsAnchor(code: DiagnosticCode): string {
  return `docs/yaml-rules.md#${code}`;
}
