/**
 * Positions for a topology graph, laid out by Dagre (a maintained layered-graph layout): left to right, the resource
 * in the middle of its endpoints, zones and dependencies. Pure; the same layout feeds the webview and the SVG export.
 */
import dagre from '@dagrejs/dagre';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './graph';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 54;

export interface PlacedNode extends TopologyNode {
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge extends TopologyEdge {
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface PlacedGraph {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export function layoutGraph(graph: TopologyGraph): PlacedGraph {
  const layout = new dagre.graphlib.Graph({ multigraph: false });
  layout.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: 16, marginy: 16 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) layout.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const known = new Set(graph.nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  for (const edge of edges) layout.setEdge(edge.from, edge.to);
  dagre.layout(layout);
  const nodes = graph.nodes.map((node) => {
    const placed = layout.node(node.id);
    return {
      ...node,
      x: placed.x - NODE_WIDTH / 2,
      y: placed.y - NODE_HEIGHT / 2,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
  });
  const placedEdges = edges.map((edge) => ({ ...edge, points: layout.edge(edge.from, edge.to)?.points ?? [] }));
  const size = layout.graph();
  return {
    title: graph.title,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes,
    edges: placedEdges,
  };
}
