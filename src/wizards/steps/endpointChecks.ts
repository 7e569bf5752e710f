/** The checklist of a working hub private endpoint: shared by "Verify Private Endpoint" and the add wizard's last check. */
import { resourceNameOf, sameResourceId } from '../../model/armIds';
import type {
  ConnectionStatus,
  HubNetworkState,
  PrivateEndpoint,
  PrivateEndpointConnection,
} from '../../model/hubState';
import type { WizardId } from '../ids';

export interface EndpointCheck {
  readonly label: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The wizard that fixes a failed check, started on the same hub and endpoint. */
  readonly fix?: { readonly wizard: WizardId; readonly title: string };
}

/** Checks every private endpoint gets, whatever it connects to; `whose` names the target ("the hub's"). */
export function provisioningAndApprovalChecks(
  endpoint: PrivateEndpoint | undefined,
  status: ConnectionStatus,
  whose: string,
  description?: string,
): [provisioning: EndpointCheck, approval: EndpointCheck] {
  const provisioning = endpoint?.provisioningState ?? 'unknown';
  return [
    {
      label: 'Provisioning succeeded',
      ok: provisioning === 'Succeeded',
      detail: endpoint
        ? `provisioningState is ${provisioning}`
        : 'the endpoint could not be read (another tenant, or no Reader role)',
      ...(provisioning === 'Succeeded'
        ? {}
        : { fix: { wizard: 'removePrivateEndpoint' as const, title: 'Remove it and add it again' } }),
    },
    {
      label: 'Connection approved',
      ok: status === 'Approved',
      detail: `${whose} connection is ${status}${description ? ` ("${description}")` : ''}`,
    },
  ];
}

export function checkEndpoint(state: HubNetworkState, connection: PrivateEndpointConnection): EndpointCheck[] {
  const endpoint = connection.privateEndpoint;
  const [provisioning, approval] = provisioningAndApprovalChecks(
    endpoint,
    connection.status,
    "the hub's",
    connection.description,
  );
  const checks: EndpointCheck[] = [
    provisioning,
    {
      ...approval,
      ...(connection.status === 'Pending'
        ? { fix: { wizard: 'approveOrRejectConnection' as const, title: 'Approve or reject it' } }
        : {}),
    },
  ];
  const dnsFix = { wizard: 'configurePrivateDns' as const, title: 'Configure private DNS' };
  for (const zone of state.dnsZones) {
    const ips = endpoint?.privateIpAddresses ?? [];
    const records = zone.aRecords.filter((record) => record.ipAddresses.some((ip) => ips.includes(ip)));
    checks.push({
      label: `Records in ${zone.zoneName}`,
      ok: zone.exists && records.length > 0,
      detail: !zone.exists
        ? 'the zone does not exist'
        : records.length > 0
          ? records.map((record) => record.relativeName).join(', ')
          : `no A record points at ${ips.join(', ') || 'the endpoint'}`,
      ...(zone.exists && records.length > 0 ? {} : { fix: dnsFix }),
    });
    const vnetId = endpoint?.virtualNetworkId ?? '';
    const linked = zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, vnetId));
    checks.push({
      label: `${zone.zoneName} linked to ${vnetId ? resourceNameOf(vnetId) : "the endpoint's VNet"}`,
      ok: zone.exists && linked,
      detail: linked
        ? 'clients in the VNet resolve the private names'
        : 'clients in the VNet resolve the public names instead',
      ...(zone.exists && linked ? {} : { fix: dnsFix }),
    });
  }
  return checks;
}

export function renderChecklist(title: string, checks: readonly EndpointCheck[]): string {
  const lines = [`# ${title}`, ''];
  for (const check of checks)
    lines.push(
      `- ${check.ok ? '✅' : '❌'} **${check.label}**: ${check.detail}${check.fix && !check.ok ? ` (fix: ${check.fix.title})` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
