/**
 * The one table of hub YAML keys and their docs: completion, hover and the unknown-key rule all read it.
 * Sections follow azure-ai-ml's workspace schema.
 */

export type Section =
  | 'workspace'
  | 'network_acls'
  | 'ip_rule'
  | 'managed_network'
  | 'outbound_rule'
  | 'service_tag_destination'
  | 'private_endpoint_destination';

export interface KeyInfo {
  readonly key: string;
  readonly doc: string;
  /** The values completion offers (the accepted spellings). */
  readonly values?: readonly string[];
  readonly required?: boolean;
}

export const PUBLIC_NETWORK_ACCESS_VALUES = ['Enabled', 'Disabled'] as const;
export const DEFAULT_ACTION_VALUES = ['Allow', 'Deny'] as const;
export const ISOLATION_MODES = ['disabled', 'allow_internet_outbound', 'allow_only_approved_outbound'] as const;
export const ISOLATION_MODES_PASCAL = ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound'] as const;
export const OUTBOUND_RULE_TYPES = ['fqdn', 'service_tag', 'private_endpoint'] as const;
export const WORKSPACE_KINDS = ['hub', 'project', 'default', 'feature_store'] as const;

export type IsolationMode = (typeof ISOLATION_MODES)[number];
export type OutboundRuleType = (typeof OUTBOUND_RULE_TYPES)[number];

const WORKSPACE_KEYS: readonly KeyInfo[] = [
  {
    key: '$schema',
    doc: 'The workspace JSON schema, for example https://azuremlschemas.azureedge.net/latest/workspace.schema.json.',
  },
  { key: 'name', doc: 'The workspace (hub) name.', required: true },
  {
    key: 'kind',
    doc: 'The workspace kind: `hub` for an Azure AI Foundry hub, `project` for a project.',
    values: WORKSPACE_KINDS,
  },
  { key: 'display_name', doc: 'The name shown in the portal.' },
  { key: 'description', doc: 'A description of the workspace.' },
  { key: 'location', doc: 'The Azure region, for example `eastus`.' },
  { key: 'resource_group', doc: 'The resource group of the workspace.' },
  { key: 'tags', doc: 'Azure tags as a mapping of names to values.' },
  { key: 'storage_account', doc: 'The resource id of an existing storage account.' },
  { key: 'container_registry', doc: 'The resource id of an existing container registry.' },
  { key: 'key_vault', doc: 'The resource id of an existing key vault.' },
  { key: 'application_insights', doc: 'The resource id of an existing Application Insights.' },
  { key: 'hub_id', doc: 'For a project: the resource id of its hub.' },
  { key: 'default_resource_group', doc: 'For a hub: the resource group its projects are created in.' },
  { key: 'hbi_workspace', doc: 'High business impact: reduces the diagnostic data Microsoft collects.' },
  { key: 'identity', doc: 'The managed identity of the workspace.' },
  { key: 'primary_user_assigned_identity', doc: 'The user-assigned identity used by default.' },
  { key: 'customer_managed_key', doc: 'Encryption with your own key in Key Vault.' },
  { key: 'image_build_compute', doc: 'The compute used to build environment images when the registry is private.' },
  { key: 'enable_data_isolation', doc: 'Isolates data between projects of the hub.' },
  { key: 'serverless_compute', doc: 'Subnet and public IP settings of serverless compute.' },
  { key: 'system_datastores_auth_mode', doc: 'How the system datastores authenticate: `accesskey` or `identity`.' },
  { key: 'provision_network_now', doc: 'Create the managed network now instead of on first compute.' },
  {
    key: 'public_network_access',
    doc: 'Whether the workspace is reachable from the internet: `Enabled` or `Disabled`. With `Enabled`, `network_acls` can restrict it to selected IPs.',
    values: PUBLIC_NETWORK_ACCESS_VALUES,
  },
  {
    key: 'network_acls',
    doc: 'Selected-IP access: `default_action` and a list of `ip_rules`. Takes effect only when `public_network_access` is `Enabled`.',
  },
  { key: 'managed_network', doc: 'The managed virtual network: `isolation_mode` and `outbound_rules`.' },
];

const NETWORK_ACLS_KEYS: readonly KeyInfo[] = [
  {
    key: 'default_action',
    doc: '`Deny` allows only the `ip_rules`; `Allow` allows every network. Exactly `Allow` or `Deny` (case-sensitive).',
    values: DEFAULT_ACTION_VALUES,
    required: true,
  },
  { key: 'ip_rules', doc: 'A list of `- value: <IPv4 address or CIDR>` items, at most 200, public addresses only.' },
];

const IP_RULE_KEYS: readonly KeyInfo[] = [
  { key: 'value', doc: 'A public IPv4 address (`52.168.10.4`) or CIDR range (`52.168.10.0/24`).', required: true },
];

const MANAGED_NETWORK_KEYS: readonly KeyInfo[] = [
  {
    key: 'isolation_mode',
    doc: '`disabled`, `allow_internet_outbound` or `allow_only_approved_outbound` (the PascalCase forms are accepted too).',
    values: ISOLATION_MODES,
  },
  {
    key: 'outbound_rules',
    doc: 'A list of outbound rules: each has `name`, `type` (`fqdn`, `service_tag`, `private_endpoint`) and `destination`.',
  },
  {
    key: 'firewall_sku',
    doc: 'The SKU of the managed Azure Firewall used for FQDN rules: `standard` or `basic`.',
    values: ['standard', 'basic'],
  },
  { key: 'network_id', doc: 'Read-only: set by the service.' },
  { key: 'status', doc: 'Read-only: set by the service.' },
];

const OUTBOUND_RULE_KEYS: readonly KeyInfo[] = [
  { key: 'name', doc: 'The rule name, unique in the workspace.', required: true },
  { key: 'type', doc: '`fqdn`, `service_tag` or `private_endpoint`.', values: OUTBOUND_RULE_TYPES, required: true },
  {
    key: 'destination',
    doc: 'For `fqdn`: a host name. For `service_tag`: `service_tag`, `protocol`, `port_ranges`. For `private_endpoint`: `service_resource_id`, `subresource_target`, `spark_enabled`.',
    required: true,
  },
  { key: 'category', doc: 'Read-only: `required`, `recommended` or `user_defined`, set by the service.' },
  { key: 'status', doc: 'Read-only: set by the service.' },
];

const SERVICE_TAG_DESTINATION_KEYS: readonly KeyInfo[] = [
  { key: 'service_tag', doc: 'An Azure service tag, for example `AzureMonitor` or `Storage.EastUS`.', required: true },
  { key: 'protocol', doc: '`TCP`, `UDP`, `ICMP` or `*`.', values: ['TCP', 'UDP', 'ICMP', '*'], required: true },
  { key: 'port_ranges', doc: 'Ports as a string: `443`, `80,443` or `1000-2000`.', required: true },
  { key: 'address_prefixes', doc: 'Optional address prefixes that narrow the tag.' },
];

const PRIVATE_ENDPOINT_DESTINATION_KEYS: readonly KeyInfo[] = [
  { key: 'service_resource_id', doc: 'The resource id of the target resource.', required: true },
  {
    key: 'subresource_target',
    doc: 'The private link group id, for example `blob`, `vault` or `amlworkspace`.',
    required: true,
  },
  {
    key: 'spark_enabled',
    doc: 'Whether serverless Spark jobs can use this private endpoint.',
    values: ['true', 'false'],
  },
];

export const HUB_YAML_KEYS: Readonly<Record<Section, readonly KeyInfo[]>> = {
  workspace: WORKSPACE_KEYS,
  network_acls: NETWORK_ACLS_KEYS,
  ip_rule: IP_RULE_KEYS,
  managed_network: MANAGED_NETWORK_KEYS,
  outbound_rule: OUTBOUND_RULE_KEYS,
  service_tag_destination: SERVICE_TAG_DESTINATION_KEYS,
  private_endpoint_destination: PRIVATE_ENDPOINT_DESTINATION_KEYS,
};

const KEY_INDEX = new Map<Section, ReadonlyMap<string, KeyInfo>>(
  Object.entries(HUB_YAML_KEYS).map(([section, keys]) => [
    section as Section,
    new Map(keys.map((info) => [info.key, info])),
  ]),
);

export function keyInfo(section: Section, key: string): KeyInfo | undefined {
  return KEY_INDEX.get(section)?.get(key);
}

/** Where a section sits, for messages: "network_acls", "an IP rule"... */
export const SECTION_LABEL: Readonly<Record<Section, string>> = {
  workspace: 'the workspace',
  network_acls: 'network_acls',
  ip_rule: 'an IP rule',
  managed_network: 'managed_network',
  outbound_rule: 'an outbound rule',
  service_tag_destination: 'a service_tag destination',
  private_endpoint_destination: 'a private_endpoint destination',
};

/** The known keys of a section, for "did you mean" and for the message of unknown-key. */
export function knownKeys(section: Section): string[] {
  return HUB_YAML_KEYS[section].map((info) => info.key);
}
