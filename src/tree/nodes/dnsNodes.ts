/**
 * "DNS": the zones this resource relies on and ITS records in them, as the assessment judged them per endpoint.
 * Other resources' records in a shared zone are never listed here.
 */
import { resourceNameOf } from '../../model/armIds';
import type { EndpointDnsJudgement, RecordJudgement } from '../../model/assessment';
import type { NodeView, Tone } from '../nodeView';
import { plural } from '../nodeView';

export function dnsNode(resourceId: string, judgements: readonly EndpointDnsJudgement[]): NodeView {
  const base = { id: `${resourceId}/dns`, label: 'DNS', context: 'dns' as const, hubId: resourceId };
  if (judgements.length === 0) {
    return {
      ...base,
      description: 'no approved private endpoint',
      icon: { codicon: 'symbol-namespace', tone: 'neutral' },
      tooltip: 'Private DNS matters only behind an approved private endpoint; this resource has none.',
    };
  }
  const zones = zoneNodes(resourceId, judgements);
  const status = judgements.every((judgement) => judgement.status === 'complete')
    ? 'complete'
    : judgements.some((judgement) => judgement.status === 'incomplete')
      ? 'incomplete'
      : 'own DNS servers: not verifiable';
  const problems = judgements.flatMap((judgement) => judgement.records).filter((record) => record.status !== 'ok');
  return {
    ...base,
    description: status === 'incomplete' ? `incomplete (${plural(problems.length, 'name')} unresolved)` : status,
    icon: {
      codicon: 'symbol-namespace',
      tone: status === 'complete' ? 'secure' : status === 'incomplete' ? 'error' : 'warning',
    },
    tooltip: `Each of this resource's names, for each approved private endpoint: zone, VNet link and A record.${
      status === 'own DNS servers: not verifiable'
        ? '\n\nThe endpoint VNet resolves through its own DNS servers, which ARM cannot see: run Diagnose Connectivity from there.'
        : ''
    }`,
    expandable: zones.length > 0,
    children: zones,
  };
}

/** One node per zone (and place), with the records this resource needs in it. */
function zoneNodes(resourceId: string, judgements: readonly EndpointDnsJudgement[]): NodeView[] {
  const groups = new Map<string, { records: RecordJudgement[]; vnets: Set<string> }>();
  for (const judgement of judgements) {
    for (const record of judgement.records) {
      const key = `${record.zoneName}|${(record.zoneId ?? '').toLowerCase()}`;
      const group = groups.get(key) ?? { records: [], vnets: new Set<string>() };
      group.records.push(record);
      if (record.status === 'notLinked') group.vnets.add(resourceNameOf(judgement.endpoint.virtualNetworkId));
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ records, vnets }) => {
    const first = records[0]!;
    const missing = first.status === 'zoneMissing';
    const resolved = records.filter((record) => record.status === 'ok').length;
    const problems: string[] = [];
    if (missing) problems.push('missing');
    if (vnets.size > 0) problems.push(`not linked to ${[...vnets].join(', ')}`);
    if (!missing && vnets.size === 0 && resolved < records.length)
      problems.push(`${resolved} of ${records.length} records right`);
    const tone: Tone = problems.length === 0 ? 'secure' : missing ? 'error' : 'warning';
    return {
      id: `${resourceId}/dns/${first.zoneName}/${first.zoneId ?? 'missing'}`,
      label: first.zoneName,
      description: problems.length ? problems.join(', ') : `${plural(records.length, 'record')} right`,
      context: 'dnsZone' as const,
      contextFlags: problems.length ? ['incomplete'] : [],
      hubId: resourceId,
      ...(missing ? {} : { resourceId: first.zoneId }),
      icon: { codicon: missing ? 'question' : 'globe', tone },
      tooltip: `**${first.zoneName}**\n\n${missing ? `Does not exist${first.zoneId ? ` at ${first.zoneId}` : ''}.` : `${first.zoneId ?? ''}`}`,
      expandable: !missing,
      children: missing ? [] : recordNodes(`${resourceId}/dns/${first.zoneName}`, resourceId, records, 'relative'),
    };
  });
}

/** This resource's records, judged: under a zone by relative name, under an endpoint by FQDN. */
export function recordNodes(
  parentId: string,
  hubId: string,
  records: readonly RecordJudgement[],
  naming: 'fqdn' | 'relative',
): NodeView[] {
  return records.map((record) => ({
    id: `${parentId}/${record.fqdn}`,
    label: naming === 'fqdn' ? record.fqdn : record.relativeName,
    description: recordDescription(record),
    context: 'dnsRecord' as const,
    hubId,
    icon: { codicon: 'symbol-constant', tone: record.status === 'ok' ? ('secure' as const) : ('error' as const) },
    tooltip: `**${record.fqdn}**\n\nIn ${record.zoneName} as ${record.relativeName}; expected ${record.expectedIps.join(' or ')}.`,
  }));
}

function recordDescription(record: RecordJudgement): string {
  switch (record.status) {
    case 'ok':
      return (record.actualIps ?? []).join(', ');
    case 'zoneMissing':
      return 'zone missing';
    case 'notLinked':
      return 'zone not linked to the endpoint VNet';
    case 'recordMissing':
      return `no record (expected ${record.expectedIps.join(' or ')})`;
    case 'mismatch':
      return `${(record.actualIps ?? []).join(', ')}, expected ${record.expectedIps.join(' or ')}`;
  }
}
