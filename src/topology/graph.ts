/**
 * The network of a hub (or of a VNet, as the listed resources see it) as a graph: the resource and its projects, its
 * private endpoints with their subnets and VNets, the private DNS zones and their VNet links, the dependencies and the
 * managed network's outbound rules. Each node carries the assessment's judgement and its findings. Pure data.
 */
import { resourceNameOf, sameResourceId } from '../model/armIds';
import type { Finding, HubAssessment, VerdictKind } from '../model/assessment';
import type { HubNetworkState } from '../model/hubState';

export type TopologyNodeKind =
  'hub' | 'project' | 'privateEndpoint' | 'subnet' | 'virtualNetwork' | 'dnsZone' | 'dependency' | 'outboundRule';

/** A verdict for resources; ok / warning / error / neutral for the parts of their network. */
export type TopologyStatus = VerdictKind | 'ok' | 'warning' | 'error' | 'neutral';

export interface TopologyNode {
  readonly id: string;
  readonly kind: TopologyNodeKind;
  readonly label: string;
  /** A second line: a status word, an IP, a rule's destination. */
  readonly detail: string;
  readonly status: TopologyStatus;
  /** The ARM resource, so a click reveals it in the tree. */
  readonly resourceId?: string;
  /** The hub whose tree shows it. */
  readonly ownerId?: string;
  readonly findings: readonly Pick<Finding, 'id' | 'severity' | 'message'>[];
}

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly status?: TopologyStatus;
}

export interface TopologyGraph {
  readonly title: string;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

export interface AssessedHub {
  readonly state: HubNetworkState;
  readonly assessment: HubAssessment;
}

/** Builds graphs without repeating a node (an id in any case is one node). */
class GraphBuilder {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly edges = new Map<string, TopologyEdge>();

  node(node: Omit<TopologyNode, 'findings'>, findings: readonly Finding[] = []): string {
    const key = node.id.toLowerCase();
    const known = this.nodes.get(key);
    const own = findings.filter(
      (finding) => sameResourceId(finding.resourceId, node.id) || finding.resourceId.toLowerCase() === key,
    );
    const merged = [...(known?.findings ?? []), ...own.map(({ id, severity, message }) => ({ id, severity, message }))];
    this.nodes.set(key, { ...(known ?? node), findings: unique(merged) });
    return key;
  }

  edge(from: string, to: string, label?: string, status?: TopologyStatus): void {
    const key = `${from}|${to}`;
    if (!this.edges.has(key))
      this.edges.set(key, { from, to, ...(label ? { label } : {}), ...(status ? { status } : {}) });
  }

  build(title: string): TopologyGraph {
    return {
      title,
      nodes: [...this.nodes.values()].map((node) => ({ ...node, id: node.id.toLowerCase() })),
      edges: [...this.edges.values()],
    };
  }
}

export function hubGraph(hub: AssessedHub): TopologyGraph {
  const builder = new GraphBuilder();
  addHub(builder, hub);
  return builder.build(`Network of hub ${hub.state.workspace.name}`);
}

/** A VNet and what the listed hubs put in it or link to it. */
export function virtualNetworkGraph(virtualNetworkId: string, hubs: readonly AssessedHub[]): TopologyGraph {
  const builder = new GraphBuilder();
  const involved = hubs.filter(
    ({ state }) =>
      state.privateEndpointConnections.some((connection) =>
        sameResourceId(connection.privateEndpoint?.virtualNetworkId, virtualNetworkId),
      ) ||
      state.dnsZones.some((zone) => zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, virtualNetworkId))),
  );
  for (const hub of involved) addHub(builder, hub, { onlyVirtualNetwork: virtualNetworkId });
  builder.node({
    id: virtualNetworkId,
    kind: 'virtualNetwork',
    label: resourceNameOf(virtualNetworkId),
    detail: 'virtual network',
    status: 'neutral',
    resourceId: virtualNetworkId,
  });
  return builder.build(`Virtual network ${resourceNameOf(virtualNetworkId)}, as the listed hubs see it`);
}

function addHub(
  builder: GraphBuilder,
  { state, assessment }: AssessedHub,
  options: { onlyVirtualNetwork?: string } = {},
): void {
  const hubId = state.workspace.id;
  const findings = assessment.findings;
  const hub = builder.node(
    {
      id: hubId,
      kind: 'hub',
      label: state.workspace.name,
      detail: assessment.verdict.label,
      status: assessment.verdict.kind,
      resourceId: hubId,
      ownerId: hubId,
    },
    findings,
  );
  if (!options.onlyVirtualNetwork) {
    for (const project of state.projects) {
      builder.edge(
        builder.node({
          id: project.id,
          kind: 'project',
          label: project.name,
          detail: 'project',
          status: 'neutral',
          resourceId: project.id,
          ownerId: hubId,
        }),
        hub,
        'uses',
      );
    }
  }
  for (const connection of state.privateEndpointConnections) {
    const endpoint = connection.privateEndpoint;
    if (options.onlyVirtualNetwork && !sameResourceId(endpoint?.virtualNetworkId, options.onlyVirtualNetwork)) continue;
    const judged = assessment.dns.find((judgement) =>
      sameResourceId(judgement.endpoint.id, connection.privateEndpointId),
    );
    const endpointStatus: TopologyStatus =
      connection.status !== 'Approved' ? 'warning' : judged && judged.status !== 'complete' ? 'error' : 'ok';
    const endpointNode = builder.node(
      {
        id: connection.privateEndpointId,
        kind: 'privateEndpoint',
        label: resourceNameOf(connection.privateEndpointId),
        detail: `${connection.status}${endpoint?.privateIpAddresses.length ? ` · ${endpoint.privateIpAddresses.join(', ')}` : ''}`,
        status: endpointStatus,
        resourceId: connection.id,
        ownerId: hubId,
      },
      findings,
    );
    builder.edge(endpointNode, hub, 'private link', connection.status === 'Approved' ? 'ok' : 'warning');
    if (!endpoint) continue;
    const vnet = builder.node(
      {
        id: endpoint.virtualNetworkId,
        kind: 'virtualNetwork',
        label: resourceNameOf(endpoint.virtualNetworkId),
        detail: endpoint.virtualNetworkAddressPrefixes.join(', '),
        status: 'neutral',
        resourceId: endpoint.virtualNetworkId,
        ownerId: hubId,
      },
      findings,
    );
    const subnet = builder.node(
      {
        id: endpoint.subnetId,
        kind: 'subnet',
        label: resourceNameOf(endpoint.subnetId),
        detail: endpoint.subnetAddressPrefixes.join(', '),
        status: 'neutral',
        resourceId: endpoint.subnetId,
        ownerId: hubId,
      },
      findings,
    );
    builder.edge(subnet, vnet, 'in');
    builder.edge(endpointNode, subnet, 'in');
  }
  addZones(builder, assessment, hubId, options.onlyVirtualNetwork);
  if (options.onlyVirtualNetwork) return;
  for (const dependency of assessment.dependencies) {
    const status: TopologyStatus =
      dependency.isolation === 'public'
        ? 'public'
        : dependency.isolation === 'unknown'
          ? 'unknown'
          : dependency.endpoints.every((endpoint) => endpoint.approved)
            ? 'ok'
            : 'warning';
    builder.edge(
      hub,
      builder.node(
        {
          id: dependency.resource.id,
          kind: 'dependency',
          label: dependency.resource.name,
          detail: dependency.isolation === 'selectedNetworks' ? 'selected networks' : dependency.isolation,
          status,
          resourceId: dependency.resource.id,
          ownerId: hubId,
        },
        findings,
      ),
      'depends on',
    );
  }
  for (const rule of state.workspace.managedNetwork?.outboundRules ?? []) {
    const ruleNode = builder.node({
      id: `${hubId}/outboundRules/${rule.name}`,
      kind: 'outboundRule',
      label: rule.name,
      detail: `${rule.type} → ${rule.destination}`,
      status: rule.status === 'Active' ? 'ok' : 'neutral',
      ownerId: hubId,
    });
    builder.edge(hub, ruleNode, 'outbound');
  }
}

/** The zones this hub's endpoints rely on, judged, and their links to the VNets. */
function addZones(builder: GraphBuilder, assessment: HubAssessment, hubId: string, onlyVirtualNetwork?: string): void {
  for (const judgement of assessment.dns) {
    if (onlyVirtualNetwork && !sameResourceId(judgement.endpoint.virtualNetworkId, onlyVirtualNetwork)) continue;
    const zones = new Map<string, typeof judgement.records>();
    for (const record of judgement.records) {
      const key = `${record.zoneName}|${record.zoneId ?? ''}`;
      zones.set(key, [...(zones.get(key) ?? []), record]);
    }
    for (const records of zones.values()) {
      const first = records[0]!;
      const ok = records.every((record) => record.status === 'ok');
      const zoneId = first.zoneId ?? `${hubId}/dnsZones/${first.zoneName}`;
      const zone = builder.node(
        {
          id: zoneId,
          kind: 'dnsZone',
          label: first.zoneName,
          detail:
            first.status === 'zoneMissing'
              ? 'missing'
              : `${records.filter((record) => record.status === 'ok').length} of ${records.length} records`,
          status: ok ? 'ok' : 'error',
          ...(first.status === 'zoneMissing' ? {} : { resourceId: zoneId }),
          ownerId: hubId,
        },
        assessment.findings,
      );
      // The endpoint's node exists: the DNS is judged only for endpoints added above.
      builder.edge(judgement.endpoint.id.toLowerCase(), zone, 'records', ok ? 'ok' : 'error');
      const vnet = judgement.endpoint.virtualNetworkId;
      if (first.status !== 'zoneMissing')
        builder.edge(
          zone,
          vnet.toLowerCase(),
          first.status === 'notLinked' ? 'not linked' : 'linked',
          first.status === 'notLinked' ? 'error' : 'ok',
        );
    }
  }
}

function unique<T extends { id: string; message: string }>(items: readonly T[]): T[] {
  return items.filter(
    (item, index) => items.findIndex((other) => other.id === item.id && other.message === item.message) === index,
  );
}
