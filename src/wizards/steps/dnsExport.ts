/** The custom-DNS records of a hub endpoint in the three export formats, and the notes for a central DNS team. */
import {
  checkDnsRecords,
  leftOutLines,
  type CheckedDnsRecords,
  type LeftOutDnsValue,
} from '../../model/dnsRecordChecks';
import { customDnsRecords, privateZoneRecordOf } from '../../model/dnsRecords';
import { renderBindZones, renderCsv, renderHostsFile } from '../../model/dnsRecordFormats';
import type { HubNetworkState, PrivateEndpointConnection } from '../../model/hubState';
import { printable } from '../../model/printable';
import type { WizardUi } from '../framework/ui';
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

/** The endpoint's records, checked: names and IPs from ARM that a DNS file cannot hold are left out and listed. */
export function endpointRecords(state: HubNetworkState, connection: PrivateEndpointConnection): CheckedDnsRecords {
  const records = customDnsRecords({
    cloud: state.cloud,
    region: state.workspace.location,
    hub: { name: state.workspace.name, workspaceId: state.workspace.workspaceId },
    projects: state.projects.map((project) => ({ name: project.name, workspaceId: project.workspaceId })),
    endpointDnsConfigs: connection.privateEndpoint?.customDnsConfigs ?? [],
    computeInstanceNames: state.computeInstanceNames,
  });
  return checkDnsRecords(records);
}

export interface DnsExport {
  readonly content: string;
  readonly leftOut: readonly LeftOutDnsValue[];
}

export function renderDnsExport(
  state: HubNetworkState,
  connection: PrivateEndpointConnection,
  format: DnsExportFormat,
): DnsExport {
  const checked = endpointRecords(state, connection);
  const header = `A records for hub ${printable(state.workspace.name)} through private endpoint ${printable(endpointNameOf(connection))}`;
  const content =
    format === 'hosts'
      ? renderHostsFile(checked, header)
      : format === 'bind'
        ? renderBindZones(checked, { header })
        : renderCsv(checked);
  return { content, leftOut: checked.leftOut };
}

/** Opens the export, and says in a warning what was left out (CSV has no comment to say it in). */
export async function openDnsExport(ui: WizardUi, dnsExport: DnsExport, language: string): Promise<void> {
  await ui.openDocument(dnsExport.content, language);
  const { leftOut } = dnsExport;
  if (leftOut.length === 0) return;
  const shown = leftOut
    .slice(0, 3)
    .map((value) => `${value.name} (${value.reason})`)
    .join('; ');
  const more = leftOut.length > 3 ? `, and ${leftOut.length - 3} more` : '';
  await ui.message(
    'warning',
    `${leftOut.length} value(s) from Azure were left out of the DNS records because a DNS server cannot take them: ${shown}${more}. Check these resources in Azure.`,
  );
}

/** What a central DNS team must create when a policy, not this wizard, manages the zones. */
export function renderCentralTeamNotes(state: HubNetworkState, connection: PrivateEndpointConnection): string {
  const { records, leftOut } = endpointRecords(state, connection);
  const lines = [
    `# DNS for private endpoint ${printable(endpointNameOf(connection))} of hub ${printable(state.workspace.name)}`,
    '',
    ...leftOutLines(leftOut).flatMap((line, index, all) => [`> ${line}`, ...(index === all.length - 1 ? [''] : [])]),
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
