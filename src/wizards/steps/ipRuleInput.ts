/**
 * Checks a pasted list of IP rules while it is typed, with the rules the hub YAML validator applies (ipRules.ts):
 * IPv4 only, public addresses, canonical CIDRs, no duplicates, no rule inside another; plus what the service differs
 * in (its rule limit, /31 and /32 prefixes).
 */
import {
  IP_RULE_SERVICES,
  contains,
  networkKey,
  parseIpList,
  parseIpRule,
  sameNetwork,
  serviceRuleProblem,
  type IpRuleService,
  type Ipv4Rule,
} from '../../model/ipRules';

const SHOWN_PROBLEMS = 3;

/** The rule values in a paste (commas, spaces, newlines). */
export function ipRulesIn(paste: string): string[] {
  return parseIpList(paste).map((entry) => entry.text);
}

/** Every problem of `paste` added to `kept` (the rules that stay), or undefined when Azure accepts the result. */
export function ipRuleListProblem(
  paste: string,
  kept: readonly string[] = [],
  service: IpRuleService = IP_RULE_SERVICES.workspace,
): string | undefined {
  const entries = parseIpList(paste);
  if (entries.length === 0)
    return 'Type or paste IPv4 addresses or CIDRs, separated by commas, spaces or new lines, e.g. 52.168.10.0/24, 20.42.11.5';
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
    const refused = serviceRuleProblem(rule, service);
    if (refused) problems.push(refused);
    else if (entry.duplicateOf !== undefined) problems.push(`"${entry.text}" is listed twice.`);
    else if (keptRules.some((existing) => sameNetwork(existing, rule)))
      problems.push(`"${entry.text}" is already one of the rules.`);
    else accepted.push(rule);
  }
  problems.push(...overlapProblems([...keptRules, ...accepted], new Set(accepted.map(networkKey))));
  const total = kept.length + accepted.length;
  if (total > service.maxRules)
    problems.push(
      `That makes ${total} rules; ${service.label} allows at most ${service.maxRules}. Merge neighbouring addresses into CIDR ranges.`,
    );
  if (problems.length === 0) return undefined;
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more problems)` : '';
  return `${problems.slice(0, SHOWN_PROBLEMS).join(' ')}${more}`;
}

/** A rule inside another adds nothing; reported for the new rules only (the kept ones are already in Azure). */
function overlapProblems(rules: readonly Ipv4Rule[], newKeys: ReadonlySet<number>): string[] {
  const problems: string[] = [];
  for (const inner of rules) {
    const outer = rules.find(
      (candidate) => candidate !== inner && !sameNetwork(candidate, inner) && contains(candidate, inner),
    );
    if (outer && (newKeys.has(networkKey(inner)) || newKeys.has(networkKey(outer))))
      problems.push(`"${inner.text}" lies inside "${outer.text}", so it adds nothing.`);
  }
  return problems;
}

function ipv4(value: string): Ipv4Rule[] {
  const parsed = parseIpRule(value);
  return parsed.kind === 'ipv4' ? [parsed.rule] : [];
}
