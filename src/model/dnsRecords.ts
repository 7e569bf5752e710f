/**
 * The A records a hub needs on a user's own DNS server (no forwarding to Azure DNS), and which zone each name lives
 * in. Names from "How to use your workspace with a custom DNS server",
 * https://learn.microsoft.com/azure/machine-learning/how-to-custom-dns
 */
import type { Cloud } from './clouds';
import { dnsNamesOf } from './dnsZones';
import type { CustomDnsConfig } from './hubState';

/** RFC 1035: a DNS label is at most 63 octets. */
export const MAX_DNS_LABEL_LENGTH = 63;

export interface WorkspaceDnsIdentity {
  readonly name: string;
  /** The workspace GUID (`properties.workspaceId`). */
  readonly workspaceId: string;
}

export interface CustomDnsRecordsInput {
  readonly cloud: Cloud;
  /** The hub's region, e.g. `eastus`. */
  readonly region: string;
  readonly hub: WorkspaceDnsIdentity;
  /** Projects have their own names; they resolve to the hub endpoint's IPs. */
  readonly projects?: readonly WorkspaceDnsIdentity[];
  /**
   * FQDN → IPs of the hub's private endpoint: its `customDnsConfigs`, or its network interface's
   * `ipConfigurations[].privateLinkConnectionProperties.fqdns` with each configuration's private IP.
   */
  readonly endpointDnsConfigs: readonly CustomDnsConfig[];
  readonly computeInstanceNames?: readonly string[];
  readonly onlineEndpointNames?: readonly string[];
  /** `models.ai.azure.com`, for serverless models (public cloud only). */
  readonly includeServerlessModels?: boolean;
}

export type DnsRecordPurpose =
  | 'workspaceApi'
  | 'workspaceCertificate'
  | 'notebooks'
  | 'computeInstance'
  | 'computeInstanceSsh'
  | 'onlineEndpoint'
  | 'serverlessModels';

export interface CustomDnsRecord {
  readonly fqdn: string;
  /** Empty when the endpoint's DNS configs did not give an IP for this name. */
  readonly ipAddresses: readonly string[];
  /** The zone on the user's DNS server, e.g. `api.azureml.ms`. */
  readonly zone: string;
  readonly purpose: DnsRecordPurpose;
  /** The hub or project the name belongs to. */
  readonly workspaceName: string;
}

/**
 * `ml-<name>-<region>-<guid>`, kept to 63 characters by truncating the workspace name (only the name: the region and
 * GUID must stay whole). Lower-cased, as Azure publishes it.
 */
export function notebookHostLabel(workspaceName: string, region: string, workspaceId: string): string {
  const fixedLength = `ml--${region}-${workspaceId}`.length;
  const nameBudget = Math.max(0, MAX_DNS_LABEL_LENGTH - fixedLength);
  return `ml-${workspaceName.slice(0, nameBudget)}-${region}-${workspaceId}`.toLowerCase();
}

export function customDnsRecords(input: CustomDnsRecordsInput): CustomDnsRecord[] {
  const domains = dnsNamesOf(input.cloud).workspaceDomains;
  const region = input.region.toLowerCase();
  const ipsFor = (fqdn: string): readonly string[] => ipsOf(input.endpointDnsConfigs, fqdn);
  const hubApi = `${input.hub.workspaceId}.workspace.${region}.${domains.api}`.toLowerCase();
  const hubNotebooks = `${notebookHostLabel(input.hub.name, region, input.hub.workspaceId)}.${region}.${domains.notebooks}`;
  const apiIps = ipsFor(hubApi);
  const notebookIps = ipsFor(hubNotebooks);
  const record = (
    fqdn: string,
    purpose: DnsRecordPurpose,
    zone: string,
    workspaceName: string,
    fallback: readonly string[],
  ) => {
    const own = ipsFor(fqdn);
    return { fqdn, ipAddresses: own.length > 0 ? own : fallback, zone, purpose, workspaceName };
  };

  const records: CustomDnsRecord[] = [];
  for (const workspace of [input.hub, ...(input.projects ?? [])]) {
    const api = `${workspace.workspaceId}.workspace.${region}`.toLowerCase();
    const notebooks = `${notebookHostLabel(workspace.name, region, workspace.workspaceId)}.${region}.${domains.notebooks}`;
    records.push(
      record(`${api}.cert.${domains.api}`, 'workspaceCertificate', domains.api, workspace.name, apiIps),
      record(`${api}.${domains.api}`, 'workspaceApi', domains.api, workspace.name, apiIps),
      record(notebooks, 'notebooks', domains.notebooks, workspace.name, notebookIps),
    );
  }
  // Compute instances answer on the workspace endpoint's API IP, not on the compute's own IP.
  for (const instance of input.computeInstanceNames ?? []) {
    const name = instance.toLowerCase();
    records.push(
      record(`${name}.${region}.${domains.instances}`, 'computeInstance', domains.instances, input.hub.name, apiIps),
      record(
        `${name}-22.${region}.${domains.instances}`,
        'computeInstanceSsh',
        domains.instances,
        input.hub.name,
        apiIps,
      ),
    );
  }
  for (const endpoint of input.onlineEndpointNames ?? []) {
    const fqdn = `${endpoint.toLowerCase()}.${region}.${domains.inference}`;
    records.push(record(fqdn, 'onlineEndpoint', domains.inference, input.hub.name, apiIps));
  }
  if (input.includeServerlessModels && domains.serverlessModels) {
    const zone = domains.serverlessModels;
    records.push(record(zone, 'serverlessModels', zone, input.hub.name, apiIps));
  }
  return records;
}

/** IPs for a name: an exact entry first, then a wildcard entry (`*.eastus.inference.ml.azure.com`). */
function ipsOf(configs: readonly CustomDnsConfig[], fqdn: string): readonly string[] {
  const wanted = fqdn.toLowerCase();
  const exact = configs.find((config) => config.fqdn.toLowerCase() === wanted);
  if (exact) {
    return exact.ipAddresses;
  }
  const wildcard = configs.find((config) => {
    const pattern = config.fqdn.toLowerCase();
    if (!pattern.startsWith('*.') || !wanted.endsWith(pattern.slice(1))) {
      return false;
    }
    // A wildcard stands for exactly one label.
    const label = wanted.slice(0, wanted.length - pattern.length + 1);
    return label.length > 0 && !label.includes('.');
  });
  return wildcard?.ipAddresses ?? [];
}

export interface PrivateZoneRecordName {
  readonly zoneName: string;
  /** Relative to the zone, as a private DNS zone stores it. */
  readonly relativeName: string;
}

/**
 * Where Azure keeps the A record for a workspace FQDN: `<guid>.workspace.eastus.api.azureml.ms` is a CNAME to the same
 * name under `privatelink.api.azureml.ms`. Online endpoints live at `<endpoint>.<guid>.inference.<region>` in the API
 * zone, so they need the workspace GUID. Compute instance names have no private zone: undefined.
 */
export function privateZoneRecordOf(
  cloud: Cloud,
  fqdn: string,
  workspaceId?: string,
): PrivateZoneRecordName | undefined {
  const names = dnsNamesOf(cloud);
  const [apiZone, notebooksZone] = names.zones.amlworkspace;
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const domains = names.workspaceDomains;
  const under = (domain: string): string | undefined =>
    name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : undefined;

  const inference = under(domains.inference);
  if (inference !== undefined) {
    const [endpoint, region, ...rest] = inference.split('.');
    if (workspaceId === undefined || !endpoint || !region || rest.length > 0 || !apiZone) {
      return undefined;
    }
    return { zoneName: apiZone, relativeName: `${endpoint}.${workspaceId.toLowerCase()}.inference.${region}` };
  }
  const api = under(domains.api);
  if (api !== undefined && apiZone) {
    return { zoneName: apiZone, relativeName: api };
  }
  const notebooks = under(domains.notebooks);
  if (notebooks !== undefined && notebooksZone) {
    return { zoneName: notebooksZone, relativeName: notebooks };
  }
  return undefined;
}

/** The zone a name belongs to on a custom DNS server (the workspace domain it ends with). */
export function customDnsZoneOf(cloud: Cloud, fqdn: string): string | undefined {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const domains = dnsNamesOf(cloud).workspaceDomains;
  const candidates = [domains.api, domains.notebooks, domains.instances, domains.inference, domains.serverlessModels];
  return candidates.find((domain) => domain !== undefined && (name === domain || name.endsWith(`.${domain}`)));
}
