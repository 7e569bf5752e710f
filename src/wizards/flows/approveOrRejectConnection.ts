/** Approve or Reject Private Endpoint Connection…: which connection, which decision, and the description to record. */
import { buildConnectionDecisionPlan } from '../../model/workspacePlans';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { endpointContextFrom, endpointStep, hubStep, subscriptionStep, type EndpointContext } from '../steps/hubSteps';

export interface ConnectionDecisionContext extends EndpointContext {
  decision?: 'Approved' | 'Rejected';
  description?: string;
}

export const approveOrRejectConnectionWizard: WizardDefinition<ConnectionDecisionContext> = {
  id: 'approveOrRejectConnection',
  title: WIZARD_COMMANDS.approveOrRejectConnection.title,
  initialContext: (args, services) => endpointContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointStep(
      'The connection to approve or reject',
      (connection) => connection.status === 'Pending' || connection.status === 'Approved',
    ),
    decisionStep(),
    descriptionStep(),
  ],
  plan: (context, services) =>
    buildConnectionDecisionPlan({
      apiVersions: services.apiVersions,
      workspaceName: context.hub!.workspace.name,
      connectionId: context.connection!.id,
      decision: context.decision!,
      description: context.description ?? '',
    }),
  expectations: (context) => [
    {
      resourceId: context.connection!.id,
      values: { 'properties.privateLinkServiceConnectionState.status': context.connection!.status },
    },
  ],
  hubId: (context) => context.hubId ?? '',
};

function decisionStep(): PromptStep<ConnectionDecisionContext> {
  return {
    id: 'decision',
    prompt: async (context, ask) => {
      const connection = context.connection!;
      const items = [
        {
          label: 'Approve',
          detail: "Clients in the endpoint's VNet reach the hub privately",
          value: 'Approved' as const,
        },
        {
          label: 'Reject',
          detail: 'The endpoint stops working; its owner must create a new one to try again',
          value: 'Rejected' as const,
        },
      ].filter((item) => item.value !== connection.status);
      const requested = connection.description ? ` Request: "${connection.description}"` : '';
      context.decision = await ask.pick(`${connection.name} is ${connection.status}.${requested}`, items, {
        always: true,
      });
    },
  };
}

function descriptionStep(): PromptStep<ConnectionDecisionContext> {
  return {
    id: 'description',
    prompt: async (context, ask) => {
      const verb = context.decision === 'Approved' ? 'Approved' : 'Rejected';
      context.description = await ask.input("A description the endpoint's owner sees", {
        value: context.description ?? `${verb} with Foundry Network`,
        validate: (value) =>
          value.trim().length === 0 ? "Enter a description: the endpoint's owner sees it." : undefined,
      });
    },
  };
}
