/**
 * Checks a pasted list of IP rules while it is typed, with the rules the hub YAML validator applies (ipRules.ts):
 * IPv4 only, public addresses, canonical CIDRs, at most 200 rules, no duplicates, no rule inside another.
 */
import { MAX_WORKSPACE_IP_RULES, contains, networkKey, parseIpList, parseIpRule, sameNetwork, type Ipv4Rule } from '../../model/ipRules';

const SHOWN_PROBLEMS = 3;

/** The rule values in a paste (commas, spaces, newlines). */
export function ipRulesIn(paste: string): string[] {
  return parseIpList(paste).map((entry) => entry.text);
}

/** Every problem of `paste` added to `kept` (the rules that stay), or undefined when Azure accepts the result. */
export function ipRuleListProblem(paste: string, kept: readonly string[] = []): string | undefined {
  const entries = parseIpList(paste);
  if (entries.length === 0) return 'Type or paste IPv4 addresses or CIDRs, separated by commas, spaces or new lines, e.g. 52.168.10.0/24, 20.42.11.5';
  const problems: string[] = [];
  const keptRules = kept.flatMap((value) => ipv4(value));
  const accepted: Ipv4Rule[] = [];
  for (const entry of entries) {
    if (entry.problem) {
      problems.push(entry.problem.message);
      continue;
    }
    if (entry.parsed.kind !== 'ipv4') continue;
    const rule = entry.parsed.rule;
    if (entry.duplicateOf !== undefined) problems.push(`"${entry.text}" is listed twice.`);
    else if (keptRules.some((existing) => sameNetwork(existing, rule))) problems.push(`"${entry.text}" is already a rule of the hub.`);
    else accepted.push(rule);
  }
  problems.push(...overlapProblems([...keptRules, ...accepted], new Set(accepted.map(networkKey))));
  const total = kept.length + accepted.length;
  if (total > MAX_WORKSPACE_IP_RULES) problems.push(`That makes ${total} rules; a workspace allows at most ${MAX_WORKSPACE_IP_RULES}. Merge neighbouring addresses into CIDR ranges.`);
  if (problems.length === 0) return undefined;
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more problems)` : '';
  return `${problems.slice(0, SHOWN_PROBLEMS).join(' ')}${more}`;
}

/** A rule inside another adds nothing; reported for the new rules only (the kept ones are the hub's business). */
function overlapProblems(rules: readonly Ipv4Rule[], newKeys: ReadonlySet<number>): string[] {
  const problems: string[] = [];
  for (const inner of rules) {
    const outer = rules.find((candidate) => candidate !== inner && !sameNetwork(candidate, inner) && contains(candidate, inner));
    if (outer && (newKeys.has(networkKey(inner)) || newKeys.has(networkKey(outer)))) problems.push(`"${inner.text}" lies inside "${outer.text}", so it adds nothing.`);
  }
  return problems;
}

function ipv4(value: string): Ipv4Rule[] {
  const parsed = parseIpRule(value);
  return parsed.kind === 'ipv4' ? [parsed.rule] : [];
}
