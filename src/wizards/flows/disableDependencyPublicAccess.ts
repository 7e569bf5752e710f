/**
 * Disable Public Access of a Dependency…: the fix of the "dependency reachable from the internet" finding. A
 * private hub whose storage, key vault, registry or AI Services stay public leaks data around its endpoint.
 */
import { apiVersionForResourceId } from '../../azure/resourceApiVersions';
import { isResourceType, parseResourceId, resourceNameOf } from '../../model/armIds';
import { azCommand } from '../../model/azScript';
import type { DependentResource } from '../../model/hubState';
import { isPubliclyReachable } from '../../model/hubState';
import { createPlan, type Plan, type PlanStep } from '../../model/plan';
import type { Expectation } from '../execution/stepRunner';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import {
  WORKSPACE_TYPE,
  hubContextFrom,
  hubStep,
  startingIds,
  subscriptionStep,
  type HubContext,
} from '../steps/hubSteps';

export interface DependentAccessContext extends HubContext {
  resourceId?: string;
  resource?: DependentResource;
}

export const disableDependencyPublicAccessWizard: WizardDefinition<DependentAccessContext> = {
  id: 'disableDependencyPublicAccess',
  title: WIZARD_COMMANDS.disableDependencyPublicAccess.title,
  initialContext: async (args, services) => {
    const { resourceIds } = startingIds(args);
    const resourceId = resourceIds.find((id) => !isResourceType(id, WORKSPACE_TYPE));
    // A finding passes only the dependency: the hub is not needed to change it.
    return resourceId
      ? { resourceId, subscriptionId: parseResourceId(resourceId).subscriptionId }
      : hubContextFrom(args, services);
  },
  steps: (services) => [
    subscriptionStep(services),
    { ...hubStep(services), shouldPrompt: (context) => !context.hub && !context.resourceId },
    dependencyStep(),
  ],
  plan: (context) => restrictPlan(context.resourceId ?? ''),
  expectations: (context) => (context.resource ? publicAccessExpectation(context.resource) : []),
  hubId: (context) => context.hubId ?? context.resourceId ?? '',
};

function dependencyStep(): PromptStep<DependentAccessContext> {
  return {
    id: 'dependency',
    shouldPrompt: (context) => !context.resourceId,
    prompt: async (context, ask) => {
      const reachable = (context.hub?.dependentResources ?? []).filter(isPubliclyReachable);
      if (reachable.length === 0)
        throw new Error(`No dependency of ${context.hub?.workspace.name ?? 'the hub'} is reachable from the internet.`);
      const resource = await ask.pick(
        'The dependency to close to the internet',
        reachable.map((candidate) => ({
          label: candidate.name,
          description: `${candidate.kind} · public network access ${candidate.publicNetworkAccess ?? 'Enabled'}`,
          value: candidate,
        })),
      );
      context.resource = resource;
      context.resourceId = resource.id;
    },
  };
}

function restrictPlan(resourceId: string): Plan {
  return createPlan(
    `Disable public network access of ${resourceNameOf(resourceId)}`,
    [disablePublicAccessStep(resourceId)],
    [],
    undefined,
  );
}

/**
 * The one step that closes a dependency to the internet; destructive, with the consequence the modal confirmation
 * shows. `stepId` tells several apart in one plan.
 */
export function disablePublicAccessStep(resourceId: string, stepId = 'disable-public-access'): PlanStep {
  const apiVersion = apiVersionForResourceId(resourceId);
  if (!apiVersion) throw new Error(`Foundry Network cannot change resources of this type: ${resourceId}`);
  const name = resourceNameOf(resourceId);
  return {
    id: stepId,
    title: `Set public network access of ${name} to Disabled`,
    operation: { method: 'PATCH', resourceId, apiVersion, body: { properties: { publicNetworkAccess: 'Disabled' } } },
    az: azCommand('resource update', [
      ['--ids', resourceId],
      ['--api-version', apiVersion],
      ['--set', 'properties.publicNetworkAccess=Disabled'],
    ]),
    creates: false,
    destructive: true,
    exposing: false,
    consequence: `${name} answers only through its private endpoints afterwards; clients and services without one lose access.`,
  };
}

/** What the wizard saw of a dependency it closes: re-read and compared before the write. */
export function publicAccessExpectation(resource: DependentResource): Expectation[] {
  return resource.publicNetworkAccess
    ? [{ resourceId: resource.id, values: { 'properties.publicNetworkAccess': resource.publicNetworkAccess } }]
    : [];
}
