/**
 * Plans for the one-step wizards on a hub: change public access, approve or reject a private endpoint connection,
 * delete a private endpoint.
 */
import { parseResourceId, resourceNameOf } from './armIds';
import { AzVariables, azCommand, jsonBody, type AzOption } from './azScript';
import type { Cloud } from './clouds';
import {
  describePublicAccessMode,
  publicAccessConsequence,
  publicAccessPatch,
  type PublicAccessMode,
  type PublicAccessPatchOptions,
} from './publicAccess';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from './plan';

export interface PublicAccessWizardContext {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly workspace: { readonly id: string; readonly name: string; readonly etag?: string };
  /** Undefined when the current IP rules could not be read (preview api unavailable). */
  readonly current: PublicAccessMode | undefined;
  /** The stored networkAcls (a Deny and its rules can outlive a switch to Disabled). */
  readonly storedNetworkAcls?: PublicAccessPatchOptions['storedNetworkAcls'];
  readonly target: PublicAccessMode;
}

export function buildPublicAccessPlan(context: PublicAccessWizardContext): Plan {
  const patch = publicAccessPatch(
    context.target,
    context.current,
    context.storedNetworkAcls ? { storedNetworkAcls: context.storedNetworkAcls } : {},
  );
  const variables = new AzVariables();
  const subscription = variables.ref('SUBSCRIPTION_ID', parseResourceId(context.workspace.id).subscriptionId);
  const hubId = variables.ref('HUB_ID', context.workspace.id);
  // Only a preview api-version accepts networkAcls; a stable one would drop them silently.
  const apiVersion = patch.needsPreviewApiVersion
    ? context.apiVersions.workspacesPreview
    : context.apiVersions.workspaces;
  const options: AzOption[] = [
    ['--method', 'patch'],
    ['--url', { template: [context.cloud.resourceManagerEndpoint, hubId, `?api-version=${apiVersion}`] }],
    ['--body', jsonBody(patch.body)],
  ];
  if (context.workspace.etag) {
    options.push(['--headers', `If-Match=${context.workspace.etag}`]);
  }
  const target = describePublicAccessMode(context.target);
  const step: PlanStep = {
    id: 'patch-public-access',
    title: `Set public network access of ${context.workspace.name} to "${target}"`,
    operation: {
      method: 'PATCH',
      resourceId: context.workspace.id,
      apiVersion,
      body: patch.body,
      ifMatch: context.workspace.etag,
    },
    az: azCommand('rest', options),
    creates: false,
    destructive: patch.removedIpRuleCount > 0,
    exposing: patch.exposes,
    consequence: publicAccessConsequence(context.target, patch.removedIpRuleCount, patch.exposes, 'the hub endpoints'),
  };
  return createPlan(
    `Change public access of hub ${context.workspace.name}`,
    [step],
    variables.list(),
    subscription.variable,
  );
}

export interface ConnectionDecisionContext {
  readonly apiVersions: PlanApiVersions;
  readonly workspaceName: string;
  /** `…/workspaces/{hub}/privateEndpointConnections/{name}`. */
  readonly connectionId: string;
  readonly decision: 'Approved' | 'Rejected';
  readonly description: string;
}

export function buildConnectionDecisionPlan(context: ConnectionDecisionContext): Plan {
  const variables = new AzVariables();
  const subscription = variables.ref('SUBSCRIPTION_ID', parseResourceId(context.connectionId).subscriptionId);
  const verb = context.decision === 'Approved' ? 'approve' : 'reject';
  const name = resourceNameOf(context.connectionId);
  const step: PlanStep = {
    id: `${verb}-connection`,
    title: `${context.decision === 'Approved' ? 'Approve' : 'Reject'} private endpoint connection ${name} on ${context.workspaceName}`,
    operation: {
      method: 'PUT',
      resourceId: context.connectionId,
      apiVersion: context.apiVersions.workspaces,
      body: {
        properties: {
          privateLinkServiceConnectionState: { status: context.decision, description: context.description },
        },
      },
    },
    az: azCommand(`network private-endpoint-connection ${verb}`, [
      ['--id', variables.ref('CONNECTION_ID', context.connectionId)],
      ['--description', context.description],
    ]),
    creates: false,
    destructive: context.decision === 'Rejected',
    exposing: context.decision === 'Approved',
    consequence:
      context.decision === 'Approved'
        ? "Clients in the endpoint's virtual network can reach the hub privately."
        : "The endpoint's owner loses private access to the hub; rejecting cannot be undone, they must create a new endpoint.",
  };
  return createPlan(`${step.title}`, [step], variables.list(), subscription.variable);
}

export interface DeletePrivateEndpointContext {
  readonly apiVersions: PlanApiVersions;
  readonly privateEndpointId: string;
  readonly workspaceName: string;
}

export function buildDeletePrivateEndpointPlan(context: DeletePrivateEndpointContext): Plan {
  const parsed = parseResourceId(context.privateEndpointId);
  const variables = new AzVariables();
  const subscription = variables.ref('SUBSCRIPTION_ID', parsed.subscriptionId);
  const name = resourceNameOf(context.privateEndpointId);
  const step: PlanStep = {
    id: 'delete-private-endpoint',
    title: `Delete private endpoint ${name}`,
    operation: { method: 'DELETE', resourceId: context.privateEndpointId, apiVersion: context.apiVersions.network },
    az: azCommand('network private-endpoint delete', [
      ['--name', variables.ref('PRIVATE_ENDPOINT', name)],
      ['--resource-group', variables.ref('RESOURCE_GROUP', parsed.resourceGroup ?? '')],
    ]),
    creates: false,
    destructive: true,
    exposing: false,
    consequence: `Clients that reach ${context.workspaceName} through ${name} lose access; its DNS records go with its zone group.`,
  };
  return createPlan(
    `Delete private endpoint ${name} of hub ${context.workspaceName}`,
    [step],
    variables.list(),
    subscription.variable,
  );
}
