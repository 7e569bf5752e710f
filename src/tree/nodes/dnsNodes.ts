/**
 * "DNS": the zones this resource relies on and ITS records in them, as the assessment judged them per endpoint.
 * Other resources' records in a shared zone are never listed here.
 */
import * as l10n from '@vscode/l10n';
import { resourceNameOf } from '../../model/armIds';
import type { EndpointDnsJudgement, RecordJudgement } from '../../model/assessment';
import type { NodeView, Tone } from '../nodeView';

export function dnsNode(resourceId: string, judgements: readonly EndpointDnsJudgement[]): NodeView {
  const base = { id: `${resourceId}/dns`, label: l10n.t('DNS'), context: 'dns' as const, hubId: resourceId };
  if (judgements.length === 0) {
    return {
      ...base,
      description: l10n.t('no approved private endpoint'),
      icon: { codicon: 'symbol-namespace', tone: 'neutral' },
      tooltip: l10n.t('Private DNS matters only behind an approved private endpoint; this resource has none.'),
    };
  }
  const zones = zoneNodes(resourceId, judgements);
  const status = judgements.every((judgement) => judgement.status === 'complete')
    ? 'complete'
    : judgements.some((judgement) => judgement.status === 'incomplete')
      ? 'incomplete'
      : 'notVerifiable';
  const problems = judgements.flatMap((judgement) => judgement.records).filter((record) => record.status !== 'ok');
  return {
    ...base,
    description:
      status === 'complete'
        ? l10n.t('complete')
        : status === 'notVerifiable'
          ? l10n.t('own DNS servers: not verifiable')
          : problems.length === 1
            ? l10n.t('incomplete (1 name unresolved)')
            : l10n.t('incomplete ({0} names unresolved)', problems.length),
    icon: {
      codicon: 'symbol-namespace',
      tone: status === 'complete' ? 'secure' : status === 'incomplete' ? 'error' : 'warning',
    },
    tooltip: `${l10n.t("Each of this resource's names, for each approved private endpoint: zone, VNet link and A record.")}${
      status === 'notVerifiable'
        ? `\n\n${l10n.t('The endpoint VNet resolves through its own DNS servers, which ARM cannot see: run Diagnose Connectivity from there.')}`
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
    if (missing) problems.push(l10n.t('missing'));
    if (vnets.size > 0) problems.push(l10n.t('not linked to {0}', [...vnets].join(', ')));
    if (!missing && vnets.size === 0 && resolved < records.length)
      problems.push(l10n.t('{0} of {1} records right', resolved, records.length));
    const tone: Tone = problems.length === 0 ? 'secure' : missing ? 'error' : 'warning';
    return {
      id: `${resourceId}/dns/${first.zoneName}/${first.zoneId ?? 'missing'}`,
      label: first.zoneName,
      description: problems.length
        ? problems.join(', ')
        : records.length === 1
          ? l10n.t('1 record right')
          : l10n.t('{0} records right', records.length),
      context: 'dnsZone' as const,
      contextFlags: problems.length ? ['incomplete'] : [],
      hubId: resourceId,
      ...(missing ? {} : { resourceId: first.zoneId }),
      icon: { codicon: missing ? 'question' : 'globe', tone },
      tooltip: `**${first.zoneName}**\n\n${missing ? (first.zoneId ? l10n.t('Does not exist at {0}.', first.zoneId) : l10n.t('Does not exist.')) : (first.zoneId ?? '')}`,
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
    tooltip: `**${record.fqdn}**\n\n${l10n.t('In {0} as {1}; expected {2}.', record.zoneName, record.relativeName, record.expectedIps.join(l10n.t(' or ')))}`,
  }));
}

function recordDescription(record: RecordJudgement): string {
  switch (record.status) {
    case 'ok':
      return (record.actualIps ?? []).join(', ');
    case 'zoneMissing':
      return l10n.t('zone missing');
    case 'notLinked':
      return l10n.t('zone not linked to the endpoint VNet');
    case 'recordMissing':
      return l10n.t('no record (expected {0})', record.expectedIps.join(l10n.t(' or ')));
    case 'mismatch':
      return l10n.t('{0}, expected {1}', (record.actualIps ?? []).join(', '), record.expectedIps.join(l10n.t(' or ')));
  }
}
