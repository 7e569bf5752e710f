/** The custom-DNS records of a hub endpoint in the three export formats, and the notes for a central DNS team. */
import { customDnsRecords, privateZoneRecordOf, type CustomDnsRecord } from '../../model/dnsRecords';
import { renderBindZones, renderCsv, renderHostsFile } from '../../model/dnsRecordFormats';
import type { HubNetworkState, PrivateEndpointConnection } from '../../model/hubState';
import { endpointNameOf } from './hubSteps';

export type DnsExportFormat = 'hosts' | 'bind' | 'csv';

export const DNS_EXPORT_FORMATS: readonly {
  label: string;
  detail: string;
  value: DnsExportFormat;
  language: string;
}[] = [
  {
    label: 'hosts file',
    detail: 'one "IP name" line per record, for /etc/hosts or a quick test',
    value: 'hosts',
    language: 'plaintext',
  },
  {
    label: 'BIND zone snippet',
    detail: 'one $ORIGIN block per zone, for an authoritative DNS server',
    value: 'bind',
    language: 'plaintext',
  },
  { label: 'CSV', detail: 'fqdn, ipAddress, zone, purpose, workspace', value: 'csv', language: 'csv' },
];

export function endpointRecords(state: HubNetworkState, connection: PrivateEndpointConnection): CustomDnsRecord[] {
  return customDnsRecords({
    cloud: state.cloud,
    region: state.workspace.location,
    hub: { name: state.workspace.name, workspaceId: state.workspace.workspaceId },
    projects: state.projects.map((project) => ({ name: project.name, workspaceId: project.workspaceId })),
    endpointDnsConfigs: connection.privateEndpoint?.customDnsConfigs ?? [],
    computeInstanceNames: state.computeInstanceNames,
  });
}

export function renderDnsExport(
  state: HubNetworkState,
  connection: PrivateEndpointConnection,
  format: DnsExportFormat,
): string {
  const records = endpointRecords(state, connection);
  const header = `A records for hub ${state.workspace.name} through private endpoint ${endpointNameOf(connection)}`;
  if (format === 'hosts') return renderHostsFile(records, header);
  if (format === 'bind') return `; ${header}\n${renderBindZones(records)}`;
  return renderCsv(records);
}

/** What a central DNS team must create when a policy, not this wizard, manages the zones. */
export function renderCentralTeamNotes(state: HubNetworkState, connection: PrivateEndpointConnection): string {
  const records = endpointRecords(state, connection);
  const lines = [
    `# DNS for private endpoint ${endpointNameOf(connection)} of hub ${state.workspace.name}`,
    '',
    "No zone group was created. The central team (or its DeployIfNotExists policy) needs, in the private DNS zones linked to the clients' VNets:",
    '',
    '| zone | record | IP |',
    '|---|---|---|',
  ];
  for (const record of records) {
    const zoneRecord = privateZoneRecordOf(state.cloud, record.fqdn, state.workspace.workspaceId);
    if (!zoneRecord) continue;
    lines.push(
      `| ${zoneRecord.zoneName} | ${zoneRecord.relativeName} | ${record.ipAddresses.join(', ') || '(unknown yet)'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
