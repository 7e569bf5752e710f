import * as vscode from 'vscode';

export const HUBS_VIEW_ID = 'foundryNetwork.hubs';

/**
 * The Foundry hubs view. Until the user signs in it has no items, so VS Code shows the view's welcome content.
 */
export class HubsView implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<vscode.TreeItem>;

  constructor() {
    this.treeView = vscode.window.createTreeView(HUBS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
  }

  refresh(_node?: unknown): void {
    this.changed.fire(undefined);
  }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
  }
}
