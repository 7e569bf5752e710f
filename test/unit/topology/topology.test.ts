import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHub } from '../../../src/model/assessment';
import type { HubNetworkState } from '../../../src/model/hubState';
import { hubGraph, virtualNetworkGraph, type TopologyGraph } from '../../../src/topology/graph';
import { layoutGraph } from '../../../src/topology/layout';
import { renderSvg } from '../../../src/topology/svg';
import { HUB_ID, VNET_ID, healthyPrivateHub, healthyZones } from '../../builders/hubState';

const assessed = (state: HubNetworkState) => ({ state, assessment: assessHub(state) });
const byKind = (graph: TopologyGraph, kind: string) => graph.nodes.filter((node) => node.kind === kind);

describe('topology graph', () => {
  it("draws a private hub's endpoint, subnet, VNet, zones with their links, and dependencies, each judged", () => {
    const graph = hubGraph(assessed(healthyPrivateHub()));
    assert.deepEqual(graph.nodes.map((node) => [node.kind, node.label, node.status]).sort(), [
      ['dependency', 'crsales', 'ok'],
      ['dependency', 'kv-sales', 'ok'],
      ['dependency', 'stsales', 'ok'],
      ['dnsZone', 'privatelink.api.azureml.ms', 'ok'],
      ['dnsZone', 'privatelink.notebooks.azure.net', 'ok'],
      ['hub', 'hub-sales', 'private'],
      ['privateEndpoint', 'pe-hub', 'ok'],
      ['subnet', 'snet-pe', 'neutral'],
      ['virtualNetwork', 'vnet-hub', 'neutral'],
    ]);
    const label = (id: string) => graph.nodes.find((node) => node.id === id)?.label;
    const edges = graph.edges.map((edge) => `${label(edge.from)} -${edge.label}-> ${label(edge.to)}`).sort();
    assert.ok(edges.includes('pe-hub -private link-> hub-sales'));
    assert.ok(edges.includes('pe-hub -in-> snet-pe'));
    assert.ok(edges.includes('snet-pe -in-> vnet-hub'));
    assert.ok(edges.includes('privatelink.api.azureml.ms -linked-> vnet-hub'));
    assert.ok(edges.includes('hub-sales -depends on-> stsales'));
  });

  it('colours a missing zone and its endpoint as errors, and puts the finding on the zone', () => {
    const [api, notebooks] = healthyZones();
    const state = healthyPrivateHub({
      dnsZones: [api!, { ...notebooks!, exists: false, linkedVirtualNetworkIds: [], aRecords: [] }],
    });
    const graph = hubGraph(assessed(state));
    const zone = byKind(graph, 'dnsZone').find((node) => node.label === 'privatelink.notebooks.azure.net')!;
    assert.equal(zone.status, 'error');
    assert.equal(zone.detail, 'missing');
    assert.deepEqual(
      zone.findings.map((finding) => finding.id),
      ['dns-zone-missing'],
    );
    assert.equal(byKind(graph, 'privateEndpoint')[0]?.status, 'error');
    assert.equal(byKind(graph, 'hub')[0]?.status, 'broken');
  });

  it('draws a VNet with only the hubs that have an endpoint in it or a zone linked to it', () => {
    const inside = assessed(healthyPrivateHub());
    const elsewhere = assessed({
      ...healthyPrivateHub({ privateEndpointConnections: [], dnsZones: [] }),
      workspace: { ...healthyPrivateHub().workspace, id: HUB_ID.replace('hub-sales', 'hub-other'), name: 'hub-other' },
    });
    const graph = virtualNetworkGraph(VNET_ID, [inside, elsewhere]);
    assert.deepEqual(
      byKind(graph, 'hub').map((node) => node.label),
      ['hub-sales'],
    );
    assert.equal(byKind(graph, 'dependency').length, 0, 'a VNet picture shows what is in the VNet');
  });
});

describe('topology layout and SVG', () => {
  it('places every node inside the picture, without overlaps', () => {
    const placed = layoutGraph(hubGraph(assessed(healthyPrivateHub())));
    for (const node of placed.nodes) {
      assert.ok(
        node.x >= 0 && node.y >= 0 && node.x + node.width <= placed.width && node.y + node.height <= placed.height,
        node.label,
      );
    }
    for (const [index, a] of placed.nodes.entries()) {
      for (const b of placed.nodes.slice(index + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.label} overlaps ${b.label}`);
      }
    }
    assert.ok(placed.edges.every((edge) => edge.points.length >= 2));
  });

  it('renders focusable, labelled nodes, escapes names, and embeds its style only when standalone', () => {
    const state = healthyPrivateHub({ workspace: { ...healthyPrivateHub().workspace, name: 'hub<script>&"x"' } });
    const placed = layoutGraph(hubGraph(assessed({ ...state, privateEndpointConnections: [] })));
    const svg = renderSvg(placed, { standalone: false });
    assert.ok(!svg.includes('<script>'));
    assert.match(
      svg,
      /aria-label="hub&#60;script&#62;&#38;&#34;x&#34;, hub, Broken, 1 finding: Nobody can reach this hub/,
    );
    assert.equal((svg.match(/<g class="node [^"]*" tabindex="0" role="button"/g) ?? []).length, placed.nodes.length);
    assert.ok(!svg.includes('<style>'));
    assert.match(renderSvg(placed, { standalone: true }), /<style>[\s\S]*var\(--vscode-editor-background, #ffffff\)/);
  });
});
