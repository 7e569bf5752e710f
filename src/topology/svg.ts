/**
 * A placed topology as SVG: the webview shows it as is, and "Export SVG" saves it. Colours are VS Code theme variables
 * with fallbacks, so the picture follows the theme in the editor and still renders in a document. Every node is a
 * focusable button with an accessible label that says its status and findings.
 */
import type { TopologyStatus } from './graph';
import type { PlacedEdge, PlacedGraph, PlacedNode } from './layout';

const STATUS_COLOR: Readonly<Record<TopologyStatus, string>> = {
  private: 'var(--vscode-testing-iconPassed, #388a34)',
  ok: 'var(--vscode-testing-iconPassed, #388a34)',
  restricted: 'var(--vscode-problemsWarningIcon-foreground, #bf8803)',
  warning: 'var(--vscode-problemsWarningIcon-foreground, #bf8803)',
  public: 'var(--vscode-problemsErrorIcon-foreground, #e51400)',
  broken: 'var(--vscode-problemsErrorIcon-foreground, #e51400)',
  error: 'var(--vscode-problemsErrorIcon-foreground, #e51400)',
  unknown: 'var(--vscode-problemsWarningIcon-foreground, #bf8803)',
  neutral: 'var(--vscode-descriptionForeground, #717171)',
};

const KIND_LABEL: Readonly<Record<PlacedNode['kind'], string>> = {
  hub: 'hub',
  project: 'project',
  privateEndpoint: 'private endpoint',
  subnet: 'subnet',
  virtualNetwork: 'virtual network',
  dnsZone: 'private DNS zone',
  dependency: 'dependency',
  outboundRule: 'outbound rule',
};

const STYLE = `
  .topology { font-family: var(--vscode-font-family, sans-serif); font-size: 12px; }
  .topology .node rect { fill: var(--vscode-editor-background, #ffffff); stroke-width: 2; rx: 6; }
  .topology .node:focus { outline: none; }
  .topology .node:focus rect, .topology .node:hover rect { stroke-width: 4; }
  .topology .label { fill: var(--vscode-editor-foreground, #333333); font-weight: 600; }
  .topology .detail, .topology .kind { fill: var(--vscode-descriptionForeground, #717171); font-size: 11px; }
  .topology .edge { fill: none; stroke-width: 1.5; }
  .topology .edge-label { fill: var(--vscode-descriptionForeground, #717171); font-size: 10px; }
  .topology .badge-text { fill: #ffffff; font-size: 10px; font-weight: 700; }
`;

/** The CSS of the picture: the webview puts it in its own nonce'd style element, an exported file inside the SVG. */
export const TOPOLOGY_STYLE = STYLE;

/** `standalone`: with its own style (an exported file); without it, the webview styles it. */
export function renderSvg(graph: PlacedGraph, options: { readonly standalone: boolean }): string {
  const width = Math.max(graph.width, 200);
  const height = Math.max(graph.height, 80);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="topology" role="group" aria-label="${escapeXml(graph.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(graph.title)}</title>`,
    options.standalone ? `<style>${STYLE}</style>` : '',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="var(--vscode-descriptionForeground, #717171)"/></marker></defs>',
    ...graph.edges.map(edgeSvg),
    ...graph.nodes.map(nodeSvg),
    '</svg>',
  ].join('\n');
}

function edgeSvg(edge: PlacedEdge): string {
  if (edge.points.length < 2) return '';
  const path = edge.points
    .map((point, index) => `${index === 0 ? 'M' : 'L'} ${point.x.toFixed(1)} ${point.y.toFixed(1)}`)
    .join(' ');
  const middle = edge.points[Math.floor(edge.points.length / 2)]!;
  const color = STATUS_COLOR[edge.status ?? 'neutral'];
  return [
    `<g class="edge-group" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">`,
    `<path class="edge" d="${path}" stroke="${color}" marker-end="url(#arrow)"/>`,
    edge.label
      ? `<text class="edge-label" x="${middle.x.toFixed(1)}" y="${(middle.y - 4).toFixed(1)}" text-anchor="middle">${escapeXml(edge.label)}</text>`
      : '',
    '</g>',
  ].join('');
}

function nodeSvg(node: PlacedNode): string {
  const color = STATUS_COLOR[node.status];
  const findings = node.findings.length
    ? `, ${node.findings.length} finding${node.findings.length === 1 ? '' : 's'}: ${node.findings.map((finding) => finding.message).join('; ')}`
    : '';
  const label = `${node.label}, ${KIND_LABEL[node.kind]}, ${node.detail || node.status}${findings}`;
  const badge = node.findings.length
    ? `<circle cx="${node.x + node.width - 4}" cy="${node.y + 4}" r="9" fill="${STATUS_COLOR[node.findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning']}"/><text class="badge-text" x="${node.x + node.width - 4}" y="${node.y + 7.5}" text-anchor="middle">${node.findings.length}</text>`
    : '';
  return [
    `<g class="node status-${node.status}" tabindex="0" role="button" aria-label="${escapeXml(label)}" data-id="${escapeXml(node.id)}" data-kind="${node.kind}" data-status="${node.status}"${node.resourceId ? ` data-resource="${escapeXml(node.resourceId)}"` : ''}${node.ownerId ? ` data-owner="${escapeXml(node.ownerId)}"` : ''}>`,
    `<title>${escapeXml(label)}</title>`,
    `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" stroke="${color}"/>`,
    `<text class="kind" x="${node.x + 10}" y="${node.y + 15}">${escapeXml(KIND_LABEL[node.kind])}</text>`,
    `<text class="label" x="${node.x + 10}" y="${node.y + 31}">${escapeXml(truncate(node.label, 28))}</text>`,
    `<text class="detail" x="${node.x + 10}" y="${node.y + 46}">${escapeXml(truncate(node.detail, 34))}</text>`,
    badge,
    '</g>',
  ].join('');
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
