/** Verify Private Endpoint: the checklist (provisioning, approval, records and links in both zones), a fix per failure. */
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { checkEndpoint, renderChecklist, type EndpointCheck } from '../steps/endpointChecks';
import {
  endpointContextFrom,
  endpointNameOf,
  endpointStep,
  hubStep,
  subscriptionStep,
  type EndpointContext,
} from '../steps/hubSteps';

export interface VerifyContext extends EndpointContext {
  checks?: readonly EndpointCheck[];
  fix?: EndpointCheck | 'document';
}

export const verifyPrivateEndpointWizard: WizardDefinition<VerifyContext> = {
  id: 'verifyPrivateEndpoint',
  title: WIZARD_COMMANDS.verifyPrivateEndpoint.title,
  initialContext: (args, services) => endpointContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointStep('The endpoint to verify'),
    checklistStep(),
  ],
  hubId: (context) => context.hubId ?? '',
  finish: (context, services) => runFix(context, services),
};

function checklistStep(): PromptStep<VerifyContext> {
  return {
    id: 'checklist',
    prompt: async (context, ask) => {
      const checks = checkEndpoint(context.hub!, context.connection!);
      context.checks = checks;
      const name = endpointNameOf(context.connection!);
      for (const check of checks) ask.ui.log(`${check.ok ? '✓' : '✗'} ${name}: ${check.label}: ${check.detail}`);
      const failed = checks.filter((check) => !check.ok);
      if (failed.length === 0) {
        await ask.ui.message(
          'info',
          `${name}: all ${checks.length} checks passed (provisioning, approval, records and links in both zones).`,
        );
        return;
      }
      const items = [
        ...checks.map((check) => ({
          label: `${check.ok ? '$(pass)' : '$(error)'} ${check.label}`,
          description: check.ok ? check.detail : `${check.detail}${check.fix ? ` · fix: ${check.fix.title}` : ''}`,
          value: check as EndpointCheck | 'document',
        })),
        { label: '$(go-to-file) Open the checklist as a document', value: 'document' as const },
      ];
      context.fix = await ask.pick(
        `${name}: ${failed.length} of ${checks.length} checks failed. Pick one to fix it`,
        items,
        { always: true },
      );
    },
  };
}

async function runFix(context: VerifyContext, services: WizardServices): Promise<void> {
  const name = context.connection ? endpointNameOf(context.connection) : '';
  if (context.fix === 'document') {
    await services.ui.openDocument(renderChecklist(`Private endpoint ${name}`, context.checks ?? []), 'markdown');
    return;
  }
  const fix = context.fix?.fix;
  if (!fix || context.fix?.ok) return;
  await services.startWizard?.(fix.wizard, [context.hubId, context.connection?.id]);
}
