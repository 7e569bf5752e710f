/**
 * The plan that completes an existing endpoint's private DNS: only the zones, links and zone-group entries that are
 * missing. Zone and link steps come from the model's endpoint plan (the same steps the add wizard shows); the zone
 * group keeps every zone it has and gains the missing ones.
 */
import { buildResourceId, parseResourceId, resourceNameOf, sameResourceId } from '../../model/armIds';
import { azCommand } from '../../model/azScript';
import { zoneFor } from '../../model/assessment/endpointDns';
import type { Cloud } from '../../model/clouds';
import { privateDnsZonesFor, zoneConfigName } from '../../model/dnsZones';
import type { PrivateDnsZoneStatus, PrivateEndpoint } from '../../model/hubState';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from '../../model/plan';
import { buildPrivateEndpointPlan } from '../../model/privateEndpointPlan';

export interface DnsRepairInput {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly workspace: { readonly id: string; readonly name: string };
  readonly endpoint: PrivateEndpoint;
  /** Each workspace zone where the endpoint needs it (exists or not), read now. */
  readonly zones: readonly PrivateDnsZoneStatus[];
}

/** Where each zone should be: the zone group's zone, else an existing one the hub uses, else next to the other zone. */
export function zoneIdsFor(cloud: Cloud, endpoint: PrivateEndpoint, known: readonly PrivateDnsZoneStatus[]): string[] {
  const names = privateDnsZonesFor(cloud, 'amlworkspace');
  const configured = endpoint.dnsZoneGroups.flatMap((group) =>
    group.zoneConfigs.map((config) => config.privateDnsZoneId),
  );
  const byName = (zone: string) =>
    configured.find((id) => resourceNameOf(id).toLowerCase() === zone) ??
    (() => {
      const found = zoneFor(endpoint, zone, known);
      return found?.exists ? found.id : undefined;
    })();
  const anchor = names.map(byName).find((id): id is string => id !== undefined) ?? endpoint.id;
  const { subscriptionId, resourceGroup } = parseResourceId(anchor);
  return names.map(
    (zone) =>
      byName(zone) ??
      buildResourceId(subscriptionId, resourceGroup ?? '', 'Microsoft.Network', {
        type: 'privateDnsZones',
        name: zone,
      }),
  );
}

export function missingDns(input: DnsRepairInput): string[] {
  const missing: string[] = [];
  const configured = input.endpoint.dnsZoneGroups.flatMap((group) =>
    group.zoneConfigs.map((config) => config.privateDnsZoneId),
  );
  for (const zone of input.zones) {
    if (!zone.exists) missing.push(`zone ${zone.zoneName}`);
    if (!zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, input.endpoint.virtualNetworkId)))
      missing.push(`link of ${zone.zoneName} to ${resourceNameOf(input.endpoint.virtualNetworkId)}`);
    if (!configured.some((id) => sameResourceId(id, zone.id))) missing.push(`${zone.zoneName} in the zone group`);
  }
  return missing;
}

export function buildDnsRepairPlan(input: DnsRepairInput): Plan {
  const zoneSteps = input.zones.flatMap((zone) => zoneAndLinkSteps(input, zone));
  const groupStep = zoneGroupStep(input);
  const steps = [...zoneSteps, ...(groupStep ? [groupStep] : [])];
  return createPlan(
    `Complete the private DNS of ${input.endpoint.name} (hub ${input.workspace.name})`,
    steps,
    [],
    undefined,
  );
}

/** The model's zone and link steps for one zone, planned in that zone's resource group. */
function zoneAndLinkSteps(input: DnsRepairInput, zone: PrivateDnsZoneStatus): PlanStep[] {
  const location = parseResourceId(zone.id ?? '');
  const others = input.zones.filter((other) => other !== zone).map((other) => other.zoneName);
  const linked = zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, input.endpoint.virtualNetworkId));
  const endpoint = parseResourceId(input.endpoint.id);
  const plan = buildPrivateEndpointPlan({
    cloud: input.cloud,
    apiVersions: input.apiVersions,
    target: { ...input.workspace, groupId: 'amlworkspace' },
    privateEndpoint: {
      subscriptionId: endpoint.subscriptionId,
      resourceGroup: endpoint.resourceGroup ?? '',
      name: input.endpoint.name,
      location: 'unused',
      connectionName: input.endpoint.name,
      manualApproval: false,
    },
    subnetId: input.endpoint.subnetId,
    // The repair plan mixes several calls' steps, each with its own variables: values go into the commands.
    inlineValues: true,
    dns: {
      kind: 'privateDnsZones',
      subscriptionId: location.subscriptionId,
      resourceGroup: location.resourceGroup ?? '',
      zoneGroupName: 'default',
      virtualNetworkLinkName: `link-${resourceNameOf(input.endpoint.virtualNetworkId)}`,
      existingZoneNames: zone.exists ? [...others, zone.zoneName] : others,
      zonesLinkedToVirtualNetwork: linked ? [...others, zone.zoneName] : others,
    },
  });
  return plan.steps.filter((step) => step.id.endsWith(`:${zone.zoneName}`));
}

function zoneGroupStep(input: DnsRepairInput): PlanStep | undefined {
  const { endpoint } = input;
  const existing = endpoint.dnsZoneGroups[0];
  const configured =
    existing?.zoneConfigs.map((config) => ({
      name: config.name,
      properties: { privateDnsZoneId: config.privateDnsZoneId },
    })) ?? [];
  const missing = input.zones.filter(
    (zone) => !configured.some((config) => sameResourceId(config.properties.privateDnsZoneId, zone.id)),
  );
  if (missing.length === 0) return undefined;
  const name = existing?.name ?? 'default';
  const resourceId = existing?.id || `${endpoint.id}/privateDnsZoneGroups/${name}`;
  const configs = [
    ...configured,
    ...missing.map((zone) => ({
      name: zoneConfigName(zone.zoneName),
      properties: { privateDnsZoneId: zone.id ?? '' },
    })),
  ];
  const group = parseResourceId(endpoint.id).resourceGroup ?? '';
  const target: [string, string][] = [
    ['-g', group],
    ['--endpoint-name', endpoint.name],
    ['-n', name],
  ];
  const az = missing.map((zone, index) =>
    azCommand(`network private-endpoint dns-zone-group ${existing || index > 0 ? 'add' : 'create'}`, [
      ...target,
      ['--private-dns-zone', zone.id ?? ''],
      ['--zone-name', zoneConfigName(zone.zoneName)],
    ]),
  );
  const undo = existing
    ? {}
    : {
        undo: {
          title: `Delete zone group ${name}`,
          operation: { method: 'DELETE' as const, resourceId, apiVersion: input.apiVersions.network },
          az: azCommand('network private-endpoint dns-zone-group delete', target),
        },
      };
  return {
    id: 'zone-group',
    title: `${existing ? 'Add' : 'Register'} ${missing.map((zone) => zone.zoneName).join(' and ')} ${existing ? `to zone group ${name}` : `in a new zone group ${name}`} of ${endpoint.name}`,
    operation: {
      method: 'PUT',
      resourceId,
      apiVersion: input.apiVersions.network,
      body: { properties: { privateDnsZoneConfigs: configs } },
    },
    az: az.join('\n'),
    creates: !existing,
    ...undo,
    destructive: false,
    exposing: false,
  };
}
