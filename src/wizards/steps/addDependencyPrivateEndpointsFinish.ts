/**
 * After "Add Private Endpoints to Dependencies": each endpoint read back and checked (provisioning, approval, A
 * records in every zone of its group), or, for the user's own DNS, the zones and names their DNS team needs.
 */
import { sameResourceId } from '../../model/armIds';
import { privateDnsZonesFor } from '../../model/dnsZones';
import type { PrivateDnsZoneStatus, PrivateEndpoint } from '../../model/hubState';
import { privateLinkZonesIn, readEndpointForChecks, type EndpointReading } from '../azure/networkReads';
import type { RunOutcome } from '../framework/execute';
import type { WizardServices } from '../framework/wizard';
import type { DependencyEndpointsContext, SelectedEndpoint } from '../flows/addDependencyPrivateEndpoints';
import { provisioningAndApprovalChecks, renderChecklist, type EndpointCheck } from './endpointChecks';
import { placedEndpointId } from './networkSteps';

interface ReadEndpoint {
  readonly pair: SelectedEndpoint;
  readonly reading: EndpointReading;
}

export async function finishDependencyEndpoints(
  context: DependencyEndpointsContext,
  services: WizardServices,
  outcome?: RunOutcome,
): Promise<void> {
  const selected = context.selected ?? [];
  if (outcome !== 'succeeded' || selected.length === 0 || !context.virtualNetwork) return;
  const connection = await services.directory.connection(context.virtualNetwork.id);
  const endpoints = await Promise.all(
    selected.map(async (pair) => ({
      pair,
      reading: await readEndpointForChecks(connection, placedEndpointId(context.virtualNetwork!, pair.name)),
    })),
  );
  if (context.dnsMode !== 'privateDnsZones' || !context.zoneLocation) {
    await services.ui.openDocument(renderDnsTeamNotes(context, endpoints, services), 'markdown');
    return;
  }
  const zones = await privateLinkZonesIn(
    connection,
    services.directory.cloud,
    context.zoneLocation,
    selected.map((pair) => pair.groupId),
  );
  const checks = endpoints.flatMap(({ pair, reading }) => endpointChecks(pair, reading, zones, services));
  const failed = checks.filter((check) => !check.ok);
  for (const check of checks) services.ui.log(`${check.ok ? '✓' : '✗'} ${check.label}: ${check.detail}`);
  const names = selected.map((pair) => pair.name).join(', ');
  if (failed.length === 0) {
    await services.ui.message(
      'info',
      `Private endpoints ${names} work: provisioning Succeeded, connections Approved, A records in every zone.`,
    );
    return;
  }
  await services.ui.message(
    'warning',
    `Private endpoints of ${context.hub?.workspace.name ?? 'the hub'}'s dependencies need attention: ${failed.map((check) => check.label).join('; ')}.`,
  );
  await services.ui.openDocument(renderChecklist(`Private endpoints ${names}`, checks), 'markdown');
}

function endpointChecks(
  pair: SelectedEndpoint,
  reading: EndpointReading,
  zones: readonly PrivateDnsZoneStatus[],
  services: WizardServices,
): EndpointCheck[] {
  const prefix = (check: EndpointCheck): EndpointCheck => ({ ...check, label: `${pair.name}: ${check.label}` });
  const records = privateDnsZonesFor(services.directory.cloud, pair.groupId).map((zoneName) =>
    recordCheck(
      reading.endpoint,
      zones.find((zone) => zone.zoneName === zoneName),
      zoneName,
    ),
  );
  return [
    ...provisioningAndApprovalChecks(reading.endpoint, reading.status, `${pair.resource.name}'s`),
    ...records,
  ].map(prefix);
}

function recordCheck(
  endpoint: PrivateEndpoint,
  zone: PrivateDnsZoneStatus | undefined,
  zoneName: string,
): EndpointCheck {
  const ips = endpoint.privateIpAddresses;
  const records = (zone?.aRecords ?? []).filter((record) => record.ipAddresses.some((ip) => ips.includes(ip)));
  const linked = zone?.linkedVirtualNetworkIds.some((id) => sameResourceId(id, endpoint.virtualNetworkId)) ?? false;
  const detail = !zone?.exists
    ? 'the zone does not exist'
    : records.length === 0
      ? `no A record points at ${ips.join(', ') || 'the endpoint'}`
      : `${records.map((record) => record.relativeName).join(', ')}${linked ? '' : "; the zone is not linked to the endpoint's VNet"}`;
  return { label: `Records in ${zoneName}`, ok: Boolean(zone?.exists) && records.length > 0 && linked, detail };
}

/** The zones to create (or forward) and the names with their private IPs, per endpoint. */
function renderDnsTeamNotes(
  context: DependencyEndpointsContext,
  endpoints: readonly ReadEndpoint[],
  services: WizardServices,
): string {
  const lines = [
    `# Private DNS for the dependencies of ${context.hub?.workspace.name ?? 'the hub'}`,
    '',
    'No private DNS zones were created. Clients resolve these names to the private IPs only when your DNS (or the zones your',
    'policy deploys) answers them: host each zone below, or forward it to Azure DNS (168.63.129.16) from inside the VNet.',
    '',
    '| endpoint | private DNS zone | FQDN | private IP |',
    '|---|---|---|---|',
  ];
  for (const { pair, reading } of endpoints) {
    const zones = privateDnsZonesFor(services.directory.cloud, pair.groupId);
    const configs = reading.endpoint.customDnsConfigs;
    if (configs.length === 0)
      lines.push(
        `| ${pair.name} | ${zones.join(', ')} | (not reported yet) | ${reading.endpoint.privateIpAddresses.join(', ')} |`,
      );
    for (const config of configs)
      lines.push(
        `| ${pair.name} | ${zoneOfName(config.fqdn, zones)} | ${config.fqdn} | ${config.ipAddresses.join(', ')} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** `x.blob.core.windows.net` → `privatelink.blob.core.windows.net`; a group with one zone (vault) takes that one. */
function zoneOfName(fqdn: string, zones: readonly string[]): string {
  const name = fqdn.toLowerCase();
  const matching = zones.find((zone) => name.endsWith(`.${zone.replace(/^privatelink\./, '')}`));
  return matching ?? (zones.length === 1 ? (zones[0] ?? '') : zones.join(', '));
}
