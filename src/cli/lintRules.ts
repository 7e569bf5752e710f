/** The hub YAML rules as SARIF rules: a one-line title per diagnostic code; docs/yaml-rules.md has the whole text. */
import type { DiagnosticCode } from '../yaml/engine';
import type { SarifRule } from './sarif';

const TITLES: Readonly<Record<DiagnosticCode, string>> = {
  'yaml-syntax': 'The YAML does not parse',
  'duplicate-key': 'A mapping repeats a key, so earlier values are lost',
  'invalid-public-network-access': 'public_network_access must be Enabled or Disabled',
  'missing-default-action': 'network_acls has no default_action',
  'invalid-default-action': 'default_action must be Allow or Deny',
  'ip-rules-not-a-list': 'ip_rules must be a list of {value: ...} items',
  'invalid-ip-rule-entry': 'An ip_rules item is not a mapping with a string value',
  'invalid-ip-address': 'The IP rule value is not an IPv4 address or CIDR',
  'ipv6-not-supported': 'Workspace IP rules accept IPv4 only',
  'reserved-ip-range': 'The IP rule overlaps a reserved range, which Azure rejects',
  'too-many-ip-rules': 'More IP rules than Azure allows',
  'deny-without-ip-rules': 'default_action Deny without IP rules lets no network in',
  'non-canonical-cidr': 'The CIDR has host bits set',
  'duplicate-ip-rule': 'The same network as an earlier IP rule',
  'redundant-ip-rule': 'The range lies inside another rule',
  'ip-rules-ignored': 'IP rules exist but have no effect',
  'unknown-key': 'A key azure-ai-ml does not know',
  'invalid-isolation-mode': 'isolation_mode is not a managed network mode',
  'invalid-outbound-rule': 'An outbound rule is incomplete or of an unknown type',
  'outbound-rule-ignored': 'An FQDN outbound rule has no effect in this isolation mode',
  'unresolved-alias': 'An alias or merge key in the network sections cannot be followed',
};

export const LINT_RULES: readonly SarifRule[] = Object.entries(TITLES).map(([id, title]) => ({
  id,
  title,
  help: `${title}. See docs/yaml-rules.md#${id} of Foundry Network for what it checks and how to fix it.`,
}));
