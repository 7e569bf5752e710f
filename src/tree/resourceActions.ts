/** The tree's context-menu actions on a resource node, and the subscription filter. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { sendArm } from '../azure/armRequest';
import { apiVersionForResourceId } from '../azure/resourceApiVersions';
import { setSelectedSubscriptions, readSettings } from '../config';
import { azShowCommand } from '../model/azScript';
import { portalResourceUrl } from '../model/clouds';
import { PROPERTIES_SCHEME } from './viewIds';
import type { HubsTreeModel } from './model';
import type { NodeView } from './nodeView';
import type { HubsTreeProvider } from './provider';

export class ResourceActions {
  constructor(
    private readonly model: HubsTreeModel,
    private readonly provider: HubsTreeProvider,
  ) {}

  async openInPortal(node?: NodeView): Promise<void> {
    const resourceId = requireResourceId(node);
    const subscription = await this.model.findSubscriptionOf(resourceId);
    await vscode.env.openExternal(
      vscode.Uri.parse(portalResourceUrl(this.model.access.cloud, resourceId, subscription?.tenantId)),
    );
  }

  async copyResourceId(node?: NodeView): Promise<void> {
    const resourceId = requireResourceId(node);
    await vscode.env.clipboard.writeText(resourceId);
    void vscode.window.setStatusBarMessage(l10n.t('Copied {0}', resourceId), 3000);
  }

  /** An `az` command that shows the resource as ARM has it (same api-version as the extension reads). */
  async copyAzCommand(node?: NodeView): Promise<string> {
    const resourceId = requireResourceId(node);
    const command = azShowCommand(resourceId, apiVersionForResourceId(resourceId));
    await vscode.env.clipboard.writeText(command);
    void vscode.window.setStatusBarMessage(l10n.t('Copied: {0}', command), 3000);
    return command;
  }

  /** The resource's ARM JSON, read now, in a read-only editor. */
  async viewProperties(node?: NodeView): Promise<vscode.TextDocument> {
    const resourceId = requireResourceId(node);
    const uri = vscode.Uri.from({ scheme: PROPERTIES_SCHEME, path: `${resourceId}.json` });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  }

  /** Content for PROPERTIES_SCHEME documents: a fresh GET through the SDK pipeline. */
  async readProperties(uri: vscode.Uri): Promise<string> {
    const resourceId = uri.path.replace(/\.json$/, '');
    const apiVersion = apiVersionForResourceId(resourceId);
    if (!apiVersion) throw new Error(l10n.t('Foundry Network does not read resources of this type: {0}', resourceId));
    const connection = await this.model.connectionOf(resourceId);
    const response = await sendArm<unknown>(connection.arm, { method: 'GET', path: resourceId, apiVersion });
    return `${JSON.stringify(response.body, null, 2)}\n`;
  }

  async selectSubscriptions(): Promise<readonly string[] | undefined> {
    const listing = await this.model.access.listSubscriptions();
    const selected = new Set(readSettings().selectedSubscriptions.map((id) => id.toLowerCase()));
    const items = listing.subscriptions.map((subscription) => ({
      label: subscription.name,
      description: subscription.subscriptionId,
      detail: l10n.t('Tenant {0}', subscription.tenantId),
      picked: selected.size === 0 || selected.has(subscription.subscriptionId.toLowerCase()),
      subscriptionId: subscription.subscriptionId,
    }));
    if (items.length === 0) {
      void vscode.window.showWarningMessage(
        l10n.t('This account sees no subscriptions. Sign in with another account or tenant.'),
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: l10n.t('Select Subscriptions'),
      placeHolder: l10n.t('The subscriptions whose hubs the Foundry view shows (none picked = all)'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    // Everything picked is stored as "all", so new subscriptions show up too.
    const ids = picked.length === items.length ? [] : picked.map((item) => item.subscriptionId);
    await setSelectedSubscriptions(ids);
    this.provider.refresh();
    return ids;
  }

  loadMore(subscriptionId: string): void {
    this.provider.showMore(subscriptionId);
  }

  /** A finding's row: show the resource it is about (its zone, endpoint or dependency node, else its owner). */
  async reveal(treeView: vscode.TreeView<NodeView>, resourceId: string, ownerId: string): Promise<void> {
    const node = await this.provider.findResourceNode(resourceId, ownerId);
    if (!node) throw new Error(l10n.t('{0} is not shown in the Foundry view: refresh it.', resourceId));
    await treeView.reveal(node, { select: true, focus: true, expand: true });
  }

  /** A finding's fix button (inline or right-click): runs the fix its finding carries. */
  async fixFinding(node?: NodeView): Promise<unknown> {
    if (!node?.fix) throw new Error(l10n.t('Pick a finding with a fix in the Foundry view.'));
    return vscode.commands.executeCommand(node.fix.command, ...node.fix.args);
  }
}

function requireResourceId(node: NodeView | undefined): string {
  if (!node?.resourceId) throw new Error(l10n.t('Pick a resource in the Foundry view first.'));
  return node.resourceId;
}
