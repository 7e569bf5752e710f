/**
 * The one table of finding ids: what each means, and the Azure Policy / PSRule equivalent where one exists (GUIDs
 * verified against the built-in definitions; see docs/findings.md). SARIF rules and docs/findings.md come from it.
 */

export interface PolicyReference {
  /** Built-in Azure Policy definition. */
  readonly azurePolicy?: { readonly id: string; readonly name: string };
  /** PSRule for Azure rule name (and its id). */
  readonly psRule?: string;
}

export interface FindingDescription {
  readonly title: string;
  /** Why it matters, for rule help (SARIF) and docs. */
  readonly help: string;
  readonly policy?: PolicyReference;
}

const ML_PUBLIC_ACCESS = {
  azurePolicy: {
    id: '438c38d2-3772-465a-a9cc-7a6666a275ce',
    name: 'Azure Machine Learning Workspaces should disable public network access',
  },
  psRule: 'Azure.ML.PublicAccess (AZR-000406)',
};
const ML_PRIVATE_LINK = {
  azurePolicy: {
    id: '45e05259-1eb5-4f70-9574-baf73e9d219b',
    name: 'Azure Machine Learning workspaces should use private link',
  },
};
const ML_PRIVATE_DNS = {
  azurePolicy: {
    id: 'ee40564d-486e-4f68-a5ca-7a621edae0fb',
    name: 'Configure Azure Machine Learning workspace to use private DNS zones',
  },
};

export const FINDINGS = {
  'public-network-access-enabled': {
    title: 'Public network access is enabled from all networks',
    help: 'Any internet address can reach the resource (sign-in still applies). Disable public access and use a private endpoint, or allow only selected IPs.',
    policy: ML_PUBLIC_ACCESS,
  },
  'ip-rules-unreadable': {
    title: 'IP rules could not be read',
    help: 'Workspace IP rules exist only in preview API versions; when reading them fails, whether access is limited to selected IPs is unknown.',
  },
  'ip-rules-ignored': {
    title: 'IP rules are stored but have no effect',
    help: 'IP rules apply only in the "selected IPs" mode (default action Deny with public access Enabled). Otherwise they do nothing, and a reader may think access is limited when it is not.',
  },
  'ip-rule-reserved-range': {
    title: 'An IP rule covers a reserved range',
    help: 'Azure refuses IP rules for private, loopback, documentation and other reserved ranges, so every later update of the resource fails while the rule is stored; and such a rule lets nobody in.',
  },
  'no-private-endpoint': {
    title: 'No approved private endpoint',
    help: 'With public access disabled (or limited to selected IPs), clients in your networks reach the resource only through an approved private endpoint.',
    policy: ML_PRIVATE_LINK,
  },
  'private-endpoint-pending': {
    title: 'A private endpoint connection is pending',
    help: 'Traffic does not flow through the endpoint until an owner of the resource approves the connection.',
  },
  'private-endpoint-rejected': {
    title: 'A private endpoint connection was rejected',
    help: 'A rejected connection cannot be approved again; delete the private endpoint and create a new one if it is still needed.',
  },
  'private-endpoint-disconnected': {
    title: 'A private endpoint connection is disconnected',
    help: 'The resource side removed the connection (or nobody approved it in time); the endpoint carries no traffic.',
  },
  'dns-zone-missing': {
    title: 'A private DNS zone is missing',
    help: 'Without the privatelink zone, clients in the VNet resolve the resource to its public address and fail once public access is off.',
    policy: ML_PRIVATE_DNS,
  },
  'dns-zone-not-linked': {
    title: 'A private DNS zone is not linked to the endpoint VNet',
    help: "Machines in a VNet see a private zone's records only when the zone is linked to that VNet.",
    policy: ML_PRIVATE_DNS,
  },
  'dns-record-missing': {
    title: 'A private DNS record is missing',
    help: "One of the resource's own names has no A record in its privatelink zone, so that name resolves to the public address.",
  },
  'dns-record-mismatch': {
    title: 'A private DNS record points at the wrong IP',
    help: "The A record for one of the resource's names holds IPs that are not its private endpoint's: clients reach another endpoint, or nothing.",
  },
  'dns-servers-custom': {
    title: 'The endpoint VNet uses its own DNS servers',
    help: 'Azure cannot show what custom DNS servers answer; they must forward the privatelink zones to Azure DNS (168.63.129.16) or hold the A records themselves. Run Diagnose Connectivity from a machine in the VNet to confirm.',
  },
  'docker-bridge-range': {
    title: "The endpoint VNet overlaps Docker's bridge range",
    help: 'Compute instances run Docker with its default bridge 172.17.0.0/16: containers cannot reach endpoint IPs inside it.',
  },
  'dependency-public': {
    title: 'A dependency is reachable from all networks',
    help: "A private hub is only as private as its storage, key vault and registry: their data is not behind the hub's private endpoint while they accept public traffic.",
  },
  'dependency-endpoint-missing': {
    title: 'A dependency lacks its private endpoint',
    help: 'A private hub reaches its storage (blob and file), key vault (vault) and registry (registry) through private endpoints; without them, clients in your network cannot reach the dependency once its public access is off.',
  },
  'dependency-unreadable': {
    title: 'A dependency could not be read',
    help: 'Whether the dependency is private is unknown: ask for the Reader role on it.',
  },
  'registry-not-premium': {
    title: 'The container registry is not Premium',
    help: 'Only Premium registries can have private endpoints or turn off public access; Basic and Standard are always reachable from the internet.',
  },
  'storage-connection-key-auth': {
    title: 'A storage connection uses account keys',
    help: 'With private storage, connections must use Microsoft Entra ID: keys bypass the role assignments, and an account with shared-key access disabled refuses them.',
  },
  'storage-role-missing': {
    title: 'A role for private storage access is missing',
    help: 'A project reaches a private storage account with its managed identity: it needs Reader on each storage private endpoint and Storage File Data Privileged Contributor on the account; the Foundry (AI Services) identity needs Storage Blob Data Contributor.',
  },
  'fqdn-rules-ignored': {
    title: 'FQDN outbound rules have no effect',
    help: 'FQDN rules apply only when the managed network allows only approved outbound traffic.',
  },
} as const satisfies Record<string, FindingDescription>;

export type FindingId = keyof typeof FINDINGS;

export const FINDING_IDS = Object.keys(FINDINGS) as FindingId[];

export function describeFinding(id: FindingId): FindingDescription {
  return FINDINGS[id];
}
