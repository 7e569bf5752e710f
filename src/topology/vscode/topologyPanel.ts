/**
 * The topology webview: the picture of a hub's (or a VNet's) network, with a strict CSP (a nonce, no remote content),
 * the theme's colours, keyboard navigation, a click that reveals the node in the tree, and SVG / PNG export.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PlacedGraph } from '../layout';
import { TOPOLOGY_STYLE, escapeXml, renderSvg } from '../svg';
import { TOPOLOGY_SCRIPT } from './topologyScript';

export interface TopologyActions {
  reveal(resourceId: string, ownerId: string): Promise<void>;
}

type Message =
  | { readonly type: 'reveal'; readonly resourceId: string; readonly ownerId: string }
  | { readonly type: 'saveSvg' }
  | { readonly type: 'savePng'; readonly dataUrl: string };

const VIEW_TYPE = 'foundryNetwork.topology';

/** One panel per picture (by its title): showing it again brings it to the front with fresh content. */
const panels = new Map<string, vscode.WebviewPanel>();
/** The message handler of each panel, replaced with its content: a save writes the picture on screen. */
const handlers = new WeakMap<vscode.WebviewPanel, vscode.Disposable>();

export function showTopology(graph: PlacedGraph, actions: TopologyActions): vscode.WebviewPanel {
  const existing = panels.get(graph.title);
  const panel =
    existing ??
    vscode.window.createWebviewPanel(VIEW_TYPE, graph.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
  if (!existing) {
    panels.set(graph.title, panel);
    panel.onDidDispose(() => panels.delete(graph.title));
  }
  const exportSvg = renderSvg(graph, { standalone: true });
  panel.webview.html = html(graph, exportSvg);
  handlers.get(panel)?.dispose();
  handlers.set(
    panel,
    panel.webview.onDidReceiveMessage((message: Message) =>
      handle(message, graph, exportSvg, actions).catch((error: unknown) => {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      }),
    ),
  );
  panel.reveal();
  return panel;
}

async function handle(
  message: Message,
  graph: PlacedGraph,
  exportSvg: string,
  actions: TopologyActions,
): Promise<void> {
  switch (message?.type) {
    case 'reveal':
      if (typeof message.resourceId === 'string' && typeof message.ownerId === 'string') {
        await actions.reveal(message.resourceId, message.ownerId);
      }
      return;
    case 'saveSvg':
      await save(graph.title, 'svg', new TextEncoder().encode(exportSvg));
      return;
    case 'savePng': {
      const prefix = 'data:image/png;base64,';
      if (typeof message.dataUrl !== 'string' || !message.dataUrl.startsWith(prefix)) return;
      await save(graph.title, 'png', Buffer.from(message.dataUrl.slice(prefix.length), 'base64'));
      return;
    }
  }
}

async function save(title: string, extension: 'svg' | 'png', content: Uint8Array): Promise<void> {
  const name = `${title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '')}.${extension}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: extension === 'svg' ? { [l10n.t('SVG image')]: ['svg'] } : { [l10n.t('PNG image')]: ['png'] },
    title: l10n.t('Export the topology as {0}', extension.toUpperCase()),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, content);
  void vscode.window.showInformationMessage(l10n.t('Saved {0}', target.fsPath));
}

function html(graph: PlacedGraph, exportSvg: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    // The PNG export draws the SVG on a canvas through a blob: image.
    'img-src blob: data:',
  ].join('; ');
  const legend = [
    ['private', 'private / resolves'],
    ['restricted', 'selected networks / needs attention'],
    ['public', 'public / broken'],
    ['neutral', 'network parts'],
  ]
    .map(([status, text]) => `<li><span class="swatch status-${status}"></span>${escapeXml(text!)}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(graph.title)}</title>
<style nonce="${nonce}">
${TOPOLOGY_STYLE}
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
h1 { font-size: 14px; font-weight: 600; margin: 0; flex: 1; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible, .node:focus-visible rect { outline: 1px solid var(--vscode-focusBorder); }
ul.legend { list-style: none; display: flex; gap: 14px; padding: 0; margin: 6px 0; color: var(--vscode-descriptionForeground); font-size: 11px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border: 2px solid; border-radius: 2px; }
.swatch.status-private { border-color: var(--vscode-testing-iconPassed); }
.swatch.status-restricted { border-color: var(--vscode-problemsWarningIcon-foreground); }
.swatch.status-public { border-color: var(--vscode-problemsErrorIcon-foreground); }
.swatch.status-neutral { border-color: var(--vscode-descriptionForeground); }
#picture { overflow: auto; }
.node { cursor: pointer; }
</style>
</head>
<body>
<header>
<h1>${escapeXml(graph.title)}</h1>
<button id="export-svg" type="button">Export SVG</button>
<button id="export-png" type="button">Export PNG</button>
</header>
<ul class="legend" aria-label="Colours">${legend}</ul>
<p id="help" class="detail">Tab or arrow keys move between nodes; Enter shows a node in the Foundry view.</p>
<div id="picture" aria-describedby="help">${renderSvg(graph, { standalone: false })}</div>
<script nonce="${nonce}">
const EXPORT_SVG = ${JSON.stringify(exportSvg).replace(/</g, '\\u003c')};
${TOPOLOGY_SCRIPT}
</script>
</body>
</html>`;
}
