/** After "Add Private Endpoint": verify it, or hand over what a central team or the user's own DNS needs. */
import { sameResourceId } from '../../model/armIds';
import type { RunOutcome } from '../framework/execute';
import type { WizardServices } from '../framework/wizard';
import type { AddEndpointContext } from '../flows/addPrivateEndpoint';
import { checkEndpoint, renderChecklist } from './endpointChecks';
import { openDnsExport, renderCentralTeamNotes, renderDnsExport } from './dnsExport';

export const EXPORT_RECORDS = 'Export DNS records';

export async function finishAddedEndpoint(
  context: AddEndpointContext,
  services: WizardServices,
  outcome?: RunOutcome,
): Promise<void> {
  if (outcome !== 'succeeded' || !context.hubId) return;
  const state = await services.directory.readHub(context.hubId);
  const connection = state.privateEndpointConnections.find(
    (candidate) =>
      candidate.privateEndpoint?.name === context.endpointName &&
      sameResourceId(candidate.privateEndpoint?.subnetId, context.subnetId),
  );
  if (!connection) {
    await services.ui.message(
      'warning',
      `The endpoint ${context.endpointName ?? ''} was created, but ${state.workspace.name} does not list its connection yet. Run "Verify Private Endpoint" in a minute.`,
    );
    return;
  }
  if (context.dnsMode === 'policy') {
    await services.ui.openDocument(renderCentralTeamNotes(state, connection), 'markdown');
    return;
  }
  if (context.dnsMode === 'customDns') {
    const choice = await services.ui.message(
      'info',
      `Private endpoint ${context.endpointName ?? ''} is ${connection.status}. Your DNS server needs its A records.`,
      EXPORT_RECORDS,
    );
    if (choice === EXPORT_RECORDS)
      await openDnsExport(services.ui, renderDnsExport(state, connection, 'hosts'), 'plaintext');
    return;
  }
  const checks = checkEndpoint(state, connection);
  const failed = checks.filter((check) => !check.ok);
  for (const check of checks) services.ui.log(`${check.ok ? '✓' : '✗'} ${check.label}: ${check.detail}`);
  if (failed.length === 0) {
    await services.ui.message(
      'info',
      `Private endpoint ${context.endpointName ?? ''} works: provisioning Succeeded, connection Approved, A records in both zones.`,
    );
    return;
  }
  await services.ui.message(
    'warning',
    `Private endpoint ${context.endpointName ?? ''} needs attention: ${failed.map((check) => check.label).join('; ')}.`,
  );
  await services.ui.openDocument(renderChecklist(`Private endpoint ${context.endpointName ?? ''}`, checks), 'markdown');
}
