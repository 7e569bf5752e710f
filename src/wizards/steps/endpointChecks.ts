/** The checklist of a working hub private endpoint: shared by "Verify Private Endpoint" and the add wizard's last check. */
import { resourceNameOf, sameResourceId } from '../../model/armIds';
import { assessHub, hubNeededNames } from '../../model/assessment';
import { judgeEndpointDns, type EndpointDnsJudgement, type RecordJudgement } from '../../model/assessment/endpointDns';
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

/**
 * Verify's checklist for a hub endpoint: provisioning and approval, then the assessment's DNS judgement of THIS
 * endpoint (each zone it relies on, its link to the endpoint's VNet, and each of the hub's names with its IP). The
 * tree and `foundry-net check` read the same judgement.
 */
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
  if (!endpoint) return checks;
  // An endpoint that is not approved yet is judged all the same: the user sees what it will need.
  const judgement =
    assessHub(state).dns.find((candidate) => sameResourceId(candidate.endpoint.id, endpoint.id)) ??
    judgeEndpointDns(endpoint, hubNeededNames(state, endpoint), state.dnsZones);
  return [...checks, ...dnsChecks(judgement)];
}

const DNS_FIX = { wizard: 'configurePrivateDns' as const, title: 'Configure private DNS' };

function dnsChecks(judgement: EndpointDnsJudgement): EndpointCheck[] {
  const vnet = resourceNameOf(judgement.endpoint.virtualNetworkId);
  const checks: EndpointCheck[] = [];
  const zones = [...new Set(judgement.records.map((record) => record.zoneName))];
  for (const zoneName of zones) {
    const records = judgement.records.filter((record) => record.zoneName === zoneName);
    const missing = records[0]!.status === 'zoneMissing';
    const unlinked = records[0]!.status === 'notLinked';
    checks.push(
      check(
        `Zone ${zoneName} exists`,
        !missing,
        missing ? 'the zone does not exist where the endpoint needs it' : (records[0]!.zoneId ?? ''),
      ),
      check(
        `${zoneName} linked to ${vnet}`,
        !missing && !unlinked,
        missing
          ? 'the zone does not exist'
          : unlinked
            ? `clients in ${vnet} resolve the public names instead`
            : `clients in ${vnet} resolve the private names`,
      ),
    );
    if (missing || unlinked) continue;
    for (const record of records) {
      checks.push(check(`A record ${record.fqdn}`, record.status === 'ok', recordDetail(record)));
    }
  }
  if (judgement.status === 'customDns') {
    checks.push({
      label: `${vnet} uses its own DNS servers`,
      ok: false,
      detail: `${judgement.endpoint.virtualNetworkDnsServers.join(', ')} answer for ${vnet}: run Diagnose Connectivity from a machine there to see what they resolve`,
    });
  }
  return checks;
}

function check(label: string, ok: boolean, detail: string): EndpointCheck {
  return { label, ok, detail, ...(ok ? {} : { fix: DNS_FIX }) };
}

function recordDetail(record: RecordJudgement): string {
  switch (record.status) {
    case 'ok':
      return `→ ${(record.actualIps ?? []).join(', ')}`;
    case 'recordMissing':
      return `no A record ${record.relativeName} in ${record.zoneName}; it should point at ${record.expectedIps.join(' or ')}`;
    default:
      return `points at ${(record.actualIps ?? []).join(', ')}, not at ${record.expectedIps.join(' or ')}`;
  }
}

export function renderChecklist(title: string, checks: readonly EndpointCheck[]): string {
  const lines = [`# ${title}`, ''];
  for (const check of checks)
    lines.push(
      `- ${check.ok ? '✅' : '❌'} **${check.label}**: ${check.detail}${check.fix && !check.ok ? ` (fix: ${check.fix.title})` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
