/**
 * Configure Private DNS…: for an endpoint that lacks zones, VNet links or zone-group entries. It reads
 * what is there now, shows exactly what is missing, and plans only that.
 */
import { readPrivateDnsZone, zoneLocationOf } from '../../azure/privateDnsRead';
import type { PrivateDnsZoneStatus } from '../../model/hubState';
import type { PromptStep } from '../framework/promptSteps';
import type { RunOutcome } from '../framework/execute';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { checkEndpoint } from '../steps/endpointChecks';
import {
  endpointContextFrom,
  endpointNameOf,
  endpointStep,
  hubStep,
  subscriptionStep,
  type EndpointContext,
} from '../steps/hubSteps';
import { buildDnsRepairPlan, missingDns, zoneIdsFor, type DnsRepairInput } from '../steps/privateDnsRepair';

export interface DnsRepairContext extends EndpointContext {
  zones?: readonly PrivateDnsZoneStatus[];
}

export const configurePrivateDnsWizard: WizardDefinition<DnsRepairContext> = {
  id: 'configurePrivateDns',
  title: WIZARD_COMMANDS.configurePrivateDns.title,
  initialContext: (args, services) => endpointContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointStep(
      'The endpoint whose private DNS to complete',
      (connection) => connection.privateEndpoint !== undefined,
    ),
    zonesStep(services),
  ],
  plan: (context, services) => buildDnsRepairPlan(repairInput(context, services)),
  hubId: (context) => context.hubId ?? '',
  finish: (context, services, outcome) => verifyRepair(context, services, outcome),
};

/** Reads each zone where the endpoint needs it; not a question, so it shows nothing. */
function zonesStep(services: WizardServices): PromptStep<DnsRepairContext> {
  return {
    id: 'zones',
    prompt: async (context) => {
      const endpoint = context.connection!.privateEndpoint!;
      const connection = await services.directory.connection(endpoint.id);
      const ids = zoneIdsFor(context.hub!.cloud, endpoint, context.hub!.dnsZones);
      context.zones = await Promise.all(
        ids.map((id) => readPrivateDnsZone(connection, zoneLocationOf(id), 'amlworkspace')),
      );
      const missing = missingDns(repairInput(context, services));
      services.ui.log(
        missing.length > 0
          ? `${endpoint.name} lacks: ${missing.join('; ')}`
          : `${endpoint.name}: private DNS is complete`,
      );
    },
  };
}

function repairInput(context: DnsRepairContext, services: WizardServices): DnsRepairInput {
  const { cloud, workspace } = context.hub!;
  return {
    cloud,
    apiVersions: services.apiVersions,
    workspace: { id: workspace.id, name: workspace.name },
    endpoint: context.connection!.privateEndpoint!,
    zones: context.zones ?? [],
  };
}

async function verifyRepair(context: DnsRepairContext, services: WizardServices, outcome?: RunOutcome): Promise<void> {
  if (outcome !== 'succeeded' || !context.hubId || !context.connection) return;
  const state = await services.directory.readHub(context.hubId);
  const connection = state.privateEndpointConnections.find((candidate) => candidate.id === context.connection!.id);
  if (!connection) return;
  const failed = checkEndpoint(state, connection).filter(
    (check) => !check.ok && check.fix?.wizard === 'configurePrivateDns',
  );
  await services.ui.message(
    failed.length === 0 ? 'info' : 'warning',
    failed.length === 0
      ? `The private DNS of ${endpointNameOf(connection)} is complete: both zones linked, A records in both.`
      : `Still missing: ${failed.map((check) => check.label).join('; ')}.`,
  );
}
