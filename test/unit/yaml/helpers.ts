/** Shared test helpers: what a diagnostic covers, written as the source text it spans. */
import assert from 'node:assert/strict';
import { applyFix, validateHubYaml, type Diagnostic, type DiagnosticCode, type Fix } from '../../../src/yaml/engine';

export interface Finding {
  readonly code: DiagnosticCode;
  /** The source text the diagnostic's range covers. */
  readonly at: string;
}

export function diagnose(text: string): Diagnostic[] {
  return validateHubYaml(text, { rethrow: true });
}

export function findings(text: string): Finding[] {
  return diagnose(text).map((item) => ({ code: item.code, at: text.slice(item.range.start, item.range.end) }));
}

export function codes(text: string): DiagnosticCode[] {
  return diagnose(text).map((item) => item.code);
}

/** A hub document with the given network_acls body lines (indented by two). */
export function hubWithAcls(aclsLines: string, extra = 'public_network_access: Enabled\n'): string {
  return `$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\nname: hub-eastus\nkind: hub\n${extra}network_acls:\n${aclsLines}`;
}

/** A Deny hub whose ip_rules are these values. */
export function hubWithRules(...values: string[]): string {
  return hubWithAcls(
    `  default_action: Deny\n  ip_rules:\n${values.map((value) => `    - value: ${value}\n`).join('')}`,
  );
}

/** The one fix of the one diagnostic with this code, applied. */
export function applyOnlyFix(text: string, code: DiagnosticCode): { text: string; fix: Fix } {
  const matching = diagnose(text).filter((item) => item.code === code);
  assert.equal(matching.length, 1, `one ${code} in:\n${text}`);
  const fix = matching[0].fixes?.[0];
  assert.ok(fix, `${code} has a fix`);
  return { text: applyFix(text, fix), fix };
}
