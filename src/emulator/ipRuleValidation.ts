import ipaddr from 'ipaddr.js';
import { ArmError } from './arm';
import { MAX_WORKSPACE_IP_RULES, RESERVED_IPV4_RANGES } from '../model/reservedRanges';

/**
 * Server-side IP rule checks, done the way Azure's RP does them and independently of src/model/ipRules.ts:
 * the emulator plays the server, so a bug in the client's parser must not be mirrored here.
 */
const reserved = RESERVED_IPV4_RANGES.map((range) => ({
  range: ipaddr.parseCIDR(range.cidr) as [ipaddr.IPv4, number],
  ...range,
}));

export interface RuleProblem {
  value: string;
  problem: string;
}

export function ipRuleProblem(
  value: string,
  options: { allowSingleHostPrefix: boolean } = { allowSingleHostPrefix: true },
): string | undefined {
  const [address, prefixText, ...extra] = value.trim().split('/');
  if (extra.length > 0 || value.trim() !== value || value.length === 0) return 'is not an IPv4 address or CIDR range';
  if (ipaddr.IPv6.isValid(address) && !ipaddr.IPv4.isValid(address))
    return 'is an IPv6 address; only IPv4 rules are supported';
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return 'is not an IPv4 address or CIDR range';
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  if (prefixText !== undefined && (!/^\d{1,2}$/.test(prefixText) || prefix > 32))
    return `has an invalid prefix length '/${prefixText}' (0 to 32)`;
  if (!options.allowSingleHostPrefix && prefixText !== undefined && prefix >= 31)
    return `uses a /${prefix} prefix, which this service does not accept: give the single IP address instead`;
  const parsed = ipaddr.IPv4.parse(address);
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`);
  if (network.toString() !== parsed.toString())
    return `is not a valid CIDR: the network address of ${address}/${prefix} is ${network.toString()}`;
  for (const range of reserved) {
    const [rangeAddress, rangePrefix] = range.range;
    const overlaps =
      prefix <= rangePrefix ? rangeAddress.match(parsed, prefix) : parsed.match(rangeAddress, rangePrefix);
    if (overlaps) return `is in ${range.cidr}, reserved for ${range.purpose}; only public addresses are allowed`;
  }
  return undefined;
}

/** Validates a workspace's `networkAcls.ipRules`; throws the 400 the RP answers. */
export function validateWorkspaceIpRules(rules: unknown): { value: string }[] {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules))
    throw new ArmError(400, 'InvalidNetworkAcls', 'networkAcls.ipRules must be an array of {value}.');
  if (rules.length > MAX_WORKSPACE_IP_RULES) {
    throw new ArmError(
      400,
      'InvalidNetworkAcls',
      `networkAcls.ipRules has ${rules.length} rules; a workspace allows at most ${MAX_WORKSPACE_IP_RULES}.`,
    );
  }
  const values = rules.map((rule) => String((rule as { value?: unknown })?.value ?? ''));
  const problems = collectProblems(values, { allowSingleHostPrefix: true });
  if (problems.length > 0) throw invalidRules(problems);
  return values.map((value) => ({ value }));
}

export function collectProblems(values: string[], options: { allowSingleHostPrefix: boolean }): RuleProblem[] {
  return values.flatMap((value) => {
    const problem = ipRuleProblem(value, options);
    return problem ? [{ value, problem }] : [];
  });
}

export function invalidRules(problems: RuleProblem[]): ArmError {
  const details = problems.map(({ value, problem }) => ({
    code: 'InvalidIpRule',
    message: `IP rule '${value}' ${problem}.`,
    target: 'networkAcls.ipRules',
  }));
  const summary = details.map((detail) => detail.message).join(' ');
  return new ArmError(400, 'InvalidNetworkAcls', `The IP rules are invalid. ${summary}`, details);
}
