import ipaddr from 'ipaddr.js';
import { ArmError } from './arm';

/**
 * Server-side IP rule checks, as Azure's resource providers answer them. The emulator plays the server, so this is
 * written apart from the client (src/model/ipRules.ts and reservedRanges.ts) and never imports it: a wrong range or
 * limit in the client must meet a server that disagrees. The source is Microsoft Learn's wording for workspace and
 * AI Services IP rules: rules accept public internet addresses only (the RFC 1918 private ranges are the example it
 * gives; the other blocks below are set aside by their RFCs and are not public either), and a workspace keeps at most
 * 200 rules.
 */
const MAX_WORKSPACE_RULES = 200;

/** The address blocks that are not public internet, first to last address, with the RFC that sets each aside. */
const NOT_PUBLIC_INTERNET: readonly { from: string; to: string; setAsideFor: string }[] = [
  { from: '0.0.0.0', to: '0.255.255.255', setAsideFor: '"this network" (RFC 791)' },
  { from: '10.0.0.0', to: '10.255.255.255', setAsideFor: 'private use (RFC 1918)' },
  { from: '100.64.0.0', to: '100.127.255.255', setAsideFor: 'shared address space (RFC 6598)' },
  { from: '127.0.0.0', to: '127.255.255.255', setAsideFor: 'loopback (RFC 1122)' },
  { from: '169.254.0.0', to: '169.254.255.255', setAsideFor: 'link local (RFC 3927)' },
  { from: '172.16.0.0', to: '172.31.255.255', setAsideFor: 'private use (RFC 1918)' },
  { from: '192.0.0.0', to: '192.0.0.255', setAsideFor: 'IETF protocol assignments (RFC 6890)' },
  { from: '192.0.2.0', to: '192.0.2.255', setAsideFor: 'documentation, TEST-NET-1 (RFC 5737)' },
  { from: '192.88.99.0', to: '192.88.99.255', setAsideFor: 'the deprecated 6to4 relay anycast (RFC 7526)' },
  { from: '192.168.0.0', to: '192.168.255.255', setAsideFor: 'private use (RFC 1918)' },
  { from: '198.18.0.0', to: '198.19.255.255', setAsideFor: 'benchmarking (RFC 2544)' },
  { from: '198.51.100.0', to: '198.51.100.255', setAsideFor: 'documentation, TEST-NET-2 (RFC 5737)' },
  { from: '203.0.113.0', to: '203.0.113.255', setAsideFor: 'documentation, TEST-NET-3 (RFC 5737)' },
  { from: '224.0.0.0', to: '239.255.255.255', setAsideFor: 'multicast (RFC 5771)' },
  { from: '240.0.0.0', to: '255.255.255.255', setAsideFor: 'future use (RFC 1112) and the limited broadcast' },
];

const numberOf = (address: ipaddr.IPv4): number =>
  address.toByteArray().reduce((value, octet) => value * 256 + octet, 0);

const notPublic = NOT_PUBLIC_INTERNET.map((block) => ({
  ...block,
  first: numberOf(ipaddr.IPv4.parse(block.from)),
  last: numberOf(ipaddr.IPv4.parse(block.to)),
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
  const first = numberOf(network);
  const last = first + 2 ** (32 - prefix) - 1;
  const block = notPublic.find((candidate) => candidate.first <= last && first <= candidate.last);
  if (block)
    return `is in ${block.from}-${block.to}, reserved for ${block.setAsideFor}; only public internet addresses are allowed`;
  return undefined;
}

/** Validates a workspace's `networkAcls.ipRules`; throws the 400 the RP answers. */
export function validateWorkspaceIpRules(rules: unknown): { value: string }[] {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules))
    throw new ArmError(400, 'InvalidNetworkAcls', 'networkAcls.ipRules must be an array of {value}.');
  if (rules.length > MAX_WORKSPACE_RULES) {
    throw new ArmError(
      400,
      'InvalidNetworkAcls',
      `networkAcls.ipRules has ${rules.length} rules; a workspace allows at most ${MAX_WORKSPACE_RULES}.`,
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
