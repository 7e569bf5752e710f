import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { HubsFeature } from '../features';
import { log } from '../log';
import type { NodeView } from './nodeView';

export const HUBS_VIEW_ID = 'foundryNetwork.hubs';
const STARTUP_ERROR_ID = 'startup/error';
/** Scheme of the read-only documents that "View Properties" opens. */
export const PROPERTIES_SCHEME = 'foundry-network-properties';

/**
 * The Foundry hubs view. It is created at activation, but the provider behind it (and with it the Azure SDKs) loads
 * only when the view first asks for its items.
 */
export class HubsView implements vscode.TreeDataProvider<NodeView>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NodeView | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<NodeView>;
  private feature: Promise<HubsFeature> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly loadFeature: () => Promise<HubsFeature>) {
    this.treeView = vscode.window.createTreeView(HUBS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
  }

  /** The loaded feature (sign-in, model, actions), created on first use. */
  hubs(): Promise<HubsFeature> {
    if (!this.feature) {
      this.feature = this.loadFeature().then((feature) => {
        this.disposables.push(
          feature,
          feature.provider.onDidChangeTreeData((node) => this.changed.fire(node)),
        );
        return feature;
      });
      // A failed load (bad settings) is retried on the next refresh.
      this.feature.catch((error: unknown) => {
        log().error(`The Foundry view could not start: ${error instanceof Error ? error.message : String(error)}`);
        this.feature = undefined;
      });
    }
    return this.feature;
  }

  /** Settings that change the cloud or sign-in: start over with a new feature. */
  reset(): void {
    const old = this.feature;
    this.feature = undefined;
    void old?.then(
      (feature) => feature.dispose(),
      () => undefined,
    );
    this.changed.fire(undefined);
  }

  async refresh(node?: NodeView): Promise<void> {
    if (!this.feature) {
      this.changed.fire(undefined);
      return;
    }
    (await this.hubs()).provider.refresh(node);
  }

  getTreeItem(node: NodeView): vscode.TreeItem | Promise<vscode.TreeItem> {
    if (node.id === STARTUP_ERROR_ID) {
      const item = new vscode.TreeItem(node.label);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      item.command = { command: 'foundryNetwork.refresh', title: l10n.t('Retry') };
      return item;
    }
    return this.hubs().then((feature) => feature.provider.getTreeItem(node));
  }

  getParent(node: NodeView): Promise<NodeView | undefined> {
    return this.hubs().then((feature) => feature.provider.getParent(node));
  }

  async getChildren(node?: NodeView): Promise<NodeView[]> {
    try {
      return await (await this.hubs()).provider.getChildren(node);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [{ id: STARTUP_ERROR_ID, label: message, description: l10n.t('Retry'), context: 'error' }];
    }
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
