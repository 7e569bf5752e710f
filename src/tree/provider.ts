/**
 * The VS Code side of the hubs tree: NodeViews (from the presenter) become TreeItems, model changes become change
 * events for exactly the nodes that show them, and findings become badges. It decides nothing itself.
 */
import * as vscode from 'vscode';
import type { HubsTreeModel } from './model';
import type { NodeView, Tone } from './nodeView';
import { contextValueOf } from './nodeView';
import { TreePresenter } from './presenter';

const TONE_COLOR: Readonly<Record<Tone, string | undefined>> = {
  secure: 'testing.iconPassed',
  exposed: 'problemsErrorIcon.foreground',
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  neutral: undefined,
};

const BADGE_COLOR = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  information: 'problemsInfoIcon.foreground',
} as const;

export const CONTEXT_SIGNED_IN = 'foundryNetwork.signedIn';
export const CONTEXT_NO_HUBS = 'foundryNetwork.noHubs';
/** Resource lines carry a URI of this scheme, so the decoration provider can give them their findings badge. */
export const BADGE_SCHEME = 'foundry-network-badge';

export class HubsTreeProvider
  implements vscode.TreeDataProvider<NodeView>, vscode.FileDecorationProvider, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<NodeView | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly presenter: TreePresenter;
  private readonly subscription: { dispose(): void };

  constructor(
    readonly model: HubsTreeModel,
    private readonly viewId: string,
  ) {
    this.presenter = new TreePresenter(model);
    this.subscription = model.onDidChange((change) => {
      const nodes = this.presenter.nodesFor(change);
      if (nodes === undefined) this.changed.fire(undefined);
      else for (const node of nodes) this.changed.fire(node);
    });
  }

  /** Refresh a node (re-reading its resource from ARM) or, without one, everything. */
  refresh(node?: NodeView): void {
    const resourceId = node?.hubId ?? (node?.context === 'aiServices' ? node.id : undefined);
    if (resourceId && this.model.entry(resourceId)) {
      this.model.resourceChanged(resourceId);
      return;
    }
    this.model.invalidateAll();
  }

  /** After one of our own writes: re-read every listed resource that shows it, expanded or not. */
  resourceChanged(resourceId: string): void {
    this.model.resourceChanged(resourceId);
  }

  showMore(subscriptionId: string): void {
    this.model.showMoreHubs(subscriptionId);
    const node = this.presenter.find(`/subscriptions/${subscriptionId}`);
    this.changed.fire(node);
  }

  getTreeItem(element: NodeView): vscode.TreeItem {
    const node = this.presenter.current(element);
    const collapsible = node.expandable
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.contextValue = contextValueOf(node);
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    if (node.icon) {
      const color = TONE_COLOR[node.icon.tone];
      item.iconPath = new vscode.ThemeIcon(node.icon.codicon, color ? new vscode.ThemeColor(color) : undefined);
    }
    if (node.badge) {
      item.resourceUri = vscode.Uri.from({
        scheme: BADGE_SCHEME,
        path: `/${node.badge.severity}/${node.badge.count}`,
        query: new URLSearchParams({ tooltip: node.badge.tooltip, id: node.id }).toString(),
      });
    }
    if (node.command)
      item.command = { command: node.command.id, title: node.command.title, arguments: [...(node.command.args ?? [])] };
    return item;
  }

  /** The badge of a resource line: how many findings of its worst severity, in that severity's colour. */
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BADGE_SCHEME) return undefined;
    const [, severity, count] = uri.path.split('/');
    if (severity !== 'error' && severity !== 'warning' && severity !== 'information') return undefined;
    const tooltip = new URLSearchParams(uri.query).get('tooltip') ?? '';
    return new vscode.FileDecoration(
      count && Number(count) < 100 ? count : '99',
      tooltip,
      new vscode.ThemeColor(BADGE_COLOR[severity]),
    );
  }

  getParent(node: NodeView): NodeView | undefined {
    return this.presenter.parentOf(node);
  }

  async getChildren(node?: NodeView): Promise<NodeView[]> {
    if (node) return this.presenter.children(node);
    let root = await vscode.window.withProgress({ location: { viewId: this.viewId } }, () => this.model.loadRoot());
    // A refresh cancelled this listing and started a new one: show that one instead of the cancellation.
    if (root.kind === 'failed' && root.error.kind === 'cancelled') root = await this.model.loadRoot();
    const children = this.presenter.rootChildren(root);
    await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, children.kind !== 'signedOut');
    await vscode.commands.executeCommand(
      'setContext',
      CONTEXT_NO_HUBS,
      children.kind === 'nothing' || (children.kind === 'nodes' && children.empty),
    );
    return children.kind === 'nodes' ? children.nodes : [];
  }

  findNode(id: string): NodeView | undefined {
    return this.presenter.find(id);
  }

  /** The node that shows a resource under an owner (a hub or account), for "reveal". */
  findResourceNode(resourceId: string, ownerId: string): Promise<NodeView | undefined> {
    return this.presenter.locate(resourceId, ownerId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
