/** Export Custom DNS Records…: the full A-record list with the endpoint's private IPs, as hosts file, BIND or CSV. */
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { DNS_EXPORT_FORMATS, openDnsExport, renderDnsExport, type DnsExportFormat } from '../steps/dnsExport';
import { endpointContextFrom, endpointStep, hubStep, subscriptionStep, type EndpointContext } from '../steps/hubSteps';

export interface ExportContext extends EndpointContext {
  format?: DnsExportFormat;
}

export const exportCustomDnsRecordsWizard: WizardDefinition<ExportContext> = {
  id: 'exportCustomDnsRecords',
  title: WIZARD_COMMANDS.exportCustomDnsRecords.title,
  initialContext: (args, services) => endpointContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointStep(
      'The endpoint whose private IPs the records use',
      (connection) => (connection.privateEndpoint?.privateIpAddresses.length ?? 0) > 0,
    ),
    formatStep(),
  ],
  hubId: (context) => context.hubId ?? '',
  finish: async (context, services) => {
    const format = DNS_EXPORT_FORMATS.find((candidate) => candidate.value === context.format)!;
    await openDnsExport(services.ui, renderDnsExport(context.hub!, context.connection!, format.value), format.language);
  },
};

function formatStep(): PromptStep<ExportContext> {
  return {
    id: 'format',
    prompt: async (context, ask) => {
      context.format = await ask.pick('The format for your DNS server', DNS_EXPORT_FORMATS, { always: true });
    },
  };
}
