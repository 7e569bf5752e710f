/**
 * Remove Private Endpoint…: which endpoint, and whether its DNS records go too. The modal says what people lose and
 * that removing an endpoint does NOT make the hub public. The zones themselves are left alone.
 */
import { parseResourceId, resourceNameOf } from '../../model/armIds';
import { azCommand } from '../../model/azScript';
import type { HubNetworkState, PrivateEndpointConnection } from '../../model/hubState';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from '../../model/plan';
import { buildDeletePrivateEndpointPlan } from '../../model/workspacePlans';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import {
  endpointContextFrom,
  endpointNameOf,
  endpointStep,
  hubStep,
  subscriptionStep,
  type EndpointContext,
} from '../steps/hubSteps';

export interface RemoveEndpointContext extends EndpointContext {
  removeRecords?: boolean;
}

export const removePrivateEndpointWizard: WizardDefinition<RemoveEndpointContext> = {
  id: 'removePrivateEndpoint',
  title: WIZARD_COMMANDS.removePrivateEndpoint.title,
  initialContext: (args, services) => endpointContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointStep('The private endpoint to remove'),
    recordsStep(),
  ],
  plan: (context, services) =>
    removeEndpointPlan(context.hub!, context.connection!, context.removeRecords === true, services.apiVersions),
  hubId: (context) => context.hubId ?? '',
};

function recordsStep(): PromptStep<RemoveEndpointContext> {
  return {
    id: 'records',
    prompt: async (context, ask) => {
      const count = recordsOf(context.hub!, context.connection!).length;
      context.removeRecords = await ask.pick(
        `Remove ${endpointNameOf(context.connection!)}: its DNS records?`,
        [
          {
            label: 'Remove the endpoint and its DNS records',
            detail: `Deletes its zone group and the ${count} A record(s) pointing at its IPs; the zones stay`,
            value: true,
          },
          {
            label: 'Remove only the endpoint',
            detail: 'Azure drops what its zone group registered; records added by hand stay',
            value: false,
          },
        ],
        { always: true },
      );
    },
  };
}

/** A records in the hub's zones that point only at this endpoint's IPs. */
function recordsOf(
  hub: HubNetworkState,
  connection: PrivateEndpointConnection,
): { zoneId: string; zoneName: string; relativeName: string }[] {
  const ips = connection.privateEndpoint?.privateIpAddresses ?? [];
  return hub.dnsZones.flatMap((zone) =>
    zone.exists && zone.id
      ? zone.aRecords
          .filter((record) => record.ipAddresses.length > 0 && record.ipAddresses.every((ip) => ips.includes(ip)))
          .map((record) => ({ zoneId: zone.id!, zoneName: zone.zoneName, relativeName: record.relativeName }))
      : [],
  );
}

export function removeEndpointPlan(
  hub: HubNetworkState,
  connection: PrivateEndpointConnection,
  removeRecords: boolean,
  apiVersions: PlanApiVersions,
): Plan {
  const base = buildDeletePrivateEndpointPlan({
    apiVersions,
    privateEndpointId: connection.privateEndpointId,
    workspaceName: hub.workspace.name,
  });
  const publicNote =
    hub.workspace.publicNetworkAccess === 'Disabled'
      ? ' Removing it does NOT make the hub public: public network access stays Disabled, so clients without another endpoint lose access.'
      : ' Removing it does NOT change public access: the hub stays reachable from the internet as it is now.';
  const deleteEndpoint = base.steps.map((step) => ({ ...step, consequence: `${step.consequence ?? ''}${publicNote}` }));
  const recordSteps = removeRecords
    ? [
        ...zoneGroupSteps(connection, apiVersions),
        ...recordsOf(hub, connection).map((record) => recordStep(record, apiVersions)),
      ]
    : [];
  return createPlan(base.title, [...recordSteps, ...deleteEndpoint], base.variables, base.subscriptionVariable);
}

function zoneGroupSteps(connection: PrivateEndpointConnection, apiVersions: PlanApiVersions): PlanStep[] {
  const endpoint = connection.privateEndpoint;
  if (!endpoint) return [];
  const group = parseResourceId(endpoint.id).resourceGroup ?? '';
  return endpoint.dnsZoneGroups.map((zoneGroup) => ({
    id: `delete-zone-group:${zoneGroup.name}`,
    title: `Delete zone group ${zoneGroup.name} of ${endpoint.name} (its A records go with it)`,
    operation: { method: 'DELETE', resourceId: zoneGroup.id, apiVersion: apiVersions.network },
    az: azCommand('network private-endpoint dns-zone-group delete', [
      ['-g', group],
      ['--endpoint-name', endpoint.name],
      ['-n', zoneGroup.name],
    ]),
    creates: false,
    destructive: true,
    exposing: false,
    consequence: `Names in ${zoneGroup.zoneConfigs.map((config) => resourceNameOf(config.privateDnsZoneId)).join(' and ')} stop resolving to ${endpoint.name}.`,
  }));
}

function recordStep(
  record: { zoneId: string; zoneName: string; relativeName: string },
  apiVersions: PlanApiVersions,
): PlanStep {
  const group = parseResourceId(record.zoneId).resourceGroup ?? '';
  return {
    id: `delete-record:${record.zoneName}:${record.relativeName}`,
    title: `Delete A record ${record.relativeName} in ${record.zoneName}`,
    operation: {
      method: 'DELETE',
      resourceId: `${record.zoneId}/A/${record.relativeName}`,
      apiVersion: apiVersions.privateDns,
    },
    az: azCommand('network private-dns record-set a delete', [
      ['-g', group],
      ['-z', record.zoneName],
      ['-n', record.relativeName],
      ['--yes'],
    ]),
    creates: false,
    destructive: true,
    exposing: false,
    consequence: `${record.relativeName}.${record.zoneName} stops resolving.`,
  };
}
