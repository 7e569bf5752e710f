/** Private endpoint connections: their states, and whether any approved endpoint carries traffic. */
import { resourceNameOf } from '../armIds';
import type { ConnectionStatus } from '../hubState';
import { WIZARD_COMMANDS } from '../../wizards/ids';
import type { Finding, FindingFix } from './types';

export interface ConnectionFacts {
  /** The connection's id on the target resource (approve/reject needs it). */
  readonly connectionId: string;
  readonly privateEndpointId: string;
  readonly status: ConnectionStatus;
  readonly description?: string;
  /** The endpoint's own provisioning state, when it could be read. */
  readonly provisioningState?: string;
}

/** Approved, and not failed to provision: the endpoints that carry traffic. */
export function isWorking(connection: ConnectionFacts): boolean {
  return connection.status === 'Approved' && connection.provisioningState?.toLowerCase() !== 'failed';
}

const STATE_FINDINGS: Partial<
  Record<ConnectionStatus, { id: Finding['id']; detail: (endpoint: string, resource: string) => string }>
> = {
  Pending: {
    id: 'private-endpoint-pending',
    detail: (endpoint, resource) =>
      `Traffic does not flow through ${endpoint} until an owner of ${resource} approves it. Approve it if you expect this endpoint, or reject it.`,
  },
  Rejected: {
    id: 'private-endpoint-rejected',
    detail: (endpoint) =>
      `A rejected connection cannot be approved again. Delete ${endpoint} and create a new one if it is still needed.`,
  },
  Disconnected: {
    id: 'private-endpoint-disconnected',
    detail: (endpoint, resource) =>
      `${resource} removed the connection, so ${endpoint} carries no traffic. Delete it and create a new one if it is still needed.`,
  },
  Timeout: {
    id: 'private-endpoint-disconnected',
    detail: (endpoint) =>
      `Nobody approved ${endpoint} in time, so it carries no traffic. Delete it and create a new one if it is still needed.`,
  },
};

/** `canDecide`: the approve/reject wizard handles this kind of target (hubs today). */
export function connectionFindings(
  resourceName: string,
  connections: readonly ConnectionFacts[],
  canDecide = true,
): Finding[] {
  return connections.flatMap((connection) => {
    const state = STATE_FINDINGS[connection.status];
    if (!state) return [];
    const endpoint = resourceNameOf(connection.privateEndpointId);
    const fix: FindingFix | undefined =
      connection.status === 'Pending'
        ? canDecide
          ? {
              command: WIZARD_COMMANDS.approveOrRejectConnection.command,
              args: [connection.connectionId],
              title: 'Approve or reject',
            }
          : undefined
        : {
            command: WIZARD_COMMANDS.removePrivateEndpoint.command,
            args: [connection.privateEndpointId],
            title: 'Remove the private endpoint',
          };
    return [
      {
        id: state.id,
        severity: 'warning' as const,
        resourceId: connection.privateEndpointId,
        message: `Private endpoint ${endpoint} is ${connection.status}`,
        detail: `${state.detail(endpoint, resourceName)}${connection.description ? ` (Note on the connection: "${connection.description}".)` : ''}`,
        ...(fix ? { fix } : {}),
      },
    ];
  });
}
