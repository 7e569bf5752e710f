/** Maps the tree model to VS Code TreeItems. It fetches nothing itself: the model does. */
import * as vscode from 'vscode';
import type { DiscoveredHub, DiscoveredResource } from '../azure/discovery';
import { isAzureAccessError } from '../azure/errors';
import { findingsFor } from '../model/findings';
import type { DependentResource, HubNetworkState } from '../model/hubState';
import { ipRuleProblem, parseIpRule } from '../model/ipRules';
import { isResourceType } from '../model/armIds';
import { PRIVATE_LINK_TARGETS } from '../model/dnsZones';
import type { HubsTreeModel, SubscriptionHubs } from './model';
import type { NodeView, Tone } from './nodeView';
import { contextValueOf } from './nodeView';
import { aiServicesSections } from './nodes/aiServicesNodes';
import { hubSections } from './nodes/hubNodes';
import {
  HUBS_PAGE_SIZE,
  aiServicesNode,
  errorNode,
  hubNode,
  loadingNode,
  loadMoreNode,
  projectNode,
  projectsNode,
  subscriptionNode,
} from './nodes/resourceNodes';

const TONE_COLOR: Readonly<Record<Tone, string | undefined>> = {
  secure: 'testing.iconPassed',
  exposed: 'problemsErrorIcon.foreground',
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  neutral: undefined,
};

export const CONTEXT_SIGNED_IN = 'foundryNetwork.signedIn';
export const CONTEXT_NO_HUBS = 'foundryNetwork.noHubs';

/** Says why an IP rule would be refused; the findings use it to flag bad rules that Azure still holds. */
function checkIpRule(value: string): string | undefined {
  return ipRuleProblem(parseIpRule(value))?.message;
}

export class HubsTreeProvider implements vscode.TreeDataProvider<NodeView> {
  private readonly changed = new vscode.EventEmitter<NodeView | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, NodeView | undefined>();
  /** The node instances VS Code holds, by lower-cased id: change events must carry the same instance. */
  private readonly nodes = new Map<string, NodeView>();
  private readonly subscriptionsById = new Map<string, SubscriptionHubs>();
  private readonly hubsById = new Map<string, DiscoveredHub>();
  /** Hub states as last read: the hub's own line and its sections show them. */
  private readonly describedStates = new Map<string, HubNetworkState>();
  /** AI Services accounts from discovery, and as last read from ARM (after our own writes Resource Graph lags). */
  private readonly accountsById = new Map<string, DiscoveredResource>();
  private readonly describedAccounts = new Map<string, DependentResource>();
  /** Hubs being read now, and hubs whose last read failed (until a refresh). */
  private readonly reading = new Set<string>();
  private readonly hubFailures = new Map<string, string>();

  constructor(
    readonly model: HubsTreeModel,
    private readonly viewId: string,
  ) {}

  /** Refresh a node (re-reading its hub or account from ARM) or, without one, everything. */
  refresh(node?: NodeView): void {
    if (node?.context === 'aiServices' && node.resourceId) {
      this.accountChanged(node.resourceId);
      return;
    }
    const hub = node?.hubId ? this.findNode(node.hubId) : undefined;
    if (node?.hubId && hub) {
      this.hubFailures.delete(node.hubId.toLowerCase());
      this.model.invalidate(node.hubId);
      this.changed.fire(hub);
      return;
    }
    this.model.invalidateAll();
    this.describedStates.clear();
    this.describedAccounts.clear();
    this.hubFailures.clear();
    this.changed.fire(undefined);
  }

  /** After one of our own writes: re-read every hub that shows the resource, and redraw them. */
  hubChanged(resourceId: string): void {
    if (isResourceType(resourceId, PRIVATE_LINK_TARGETS.aiServices.resourceType)) {
      this.accountChanged(resourceId);
      return;
    }
    const hubs = new Set([...this.model.invalidate(resourceId), resourceId.toLowerCase()]);
    for (const hubId of hubs) {
      this.hubFailures.delete(hubId);
      const node = this.findNode(hubId);
      if (node) this.changed.fire(node);
    }
  }

  showMore(subscriptionId: string): void {
    this.model.showMoreHubs(subscriptionId, HUBS_PAGE_SIZE);
    this.changed.fire(this.findNode(`/subscriptions/${subscriptionId}`));
  }

  getTreeItem(element: NodeView): vscode.TreeItem {
    const node = this.current(element);
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
    if (node.command)
      item.command = { command: node.command.id, title: node.command.title, arguments: [...(node.command.args ?? [])] };
    return item;
  }

  getParent(node: NodeView): NodeView | undefined {
    return this.parents.get(node.id.toLowerCase());
  }

  async getChildren(node?: NodeView): Promise<NodeView[]> {
    const children = await this.childrenOf(node);
    for (const child of children) {
      this.parents.set(child.id.toLowerCase(), node);
      this.nodes.set(child.id.toLowerCase(), child);
    }
    return children;
  }

  /** A hub's or account's description improves once its details are read. */
  private current(node: NodeView): NodeView {
    const key = node.id.toLowerCase();
    if (node.context === 'aiServices') {
      const account = this.accountsById.get(key);
      return account ? aiServicesNode(account, this.describedAccounts.get(key)) : node;
    }
    if (node.context !== 'hub') return node;
    const hub = this.hubsById.get(key);
    return hub ? hubNode(hub, this.describedStates.get(key)) : node;
  }

  private async childrenOf(node?: NodeView): Promise<NodeView[]> {
    if (!node) return this.rootChildren();
    if (node.children) return [...node.children];
    switch (node.context) {
      case 'subscription':
        return this.subscriptionChildren(node);
      case 'hub':
        return this.hubChildren(node);
      case 'aiServices':
        return this.aiServicesChildren(node);
      default:
        return [];
    }
  }

  private async rootChildren(): Promise<NodeView[]> {
    let root = await vscode.window.withProgress({ location: { viewId: this.viewId } }, () => this.model.loadRoot());
    // A refresh cancelled this listing and started a new one: show that one instead of the cancellation.
    if (root.kind === 'failed' && root.error.kind === 'cancelled') root = await this.model.loadRoot();
    await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, root.kind !== 'signedOut');
    if (root.kind === 'signedOut') return [];
    if (root.kind === 'failed') return [errorNode('root', `Listing subscriptions failed: ${messageOf(root.error)}`)];
    const nothing = root.subscriptions.every((s) => !s.hubs.length && !s.aiServices.length && !s.error);
    await vscode.commands.executeCommand('setContext', CONTEXT_NO_HUBS, nothing);
    if (nothing && root.skippedTenants.length === 0) return [];
    this.subscriptionsById.clear();
    const nodes = root.subscriptions.map((section) => {
      this.subscriptionsById.set(section.subscription.subscriptionId.toLowerCase(), section);
      return subscriptionNode({
        subscriptionId: section.subscription.subscriptionId,
        name: section.subscription.name,
        hubCount: section.hubs.length,
        aiServicesCount: section.aiServices.length,
        error: section.error,
      });
    });
    const skipped = root.skippedTenants.map<NodeView>((tenant) => ({
      id: `tenant/${tenant.tenantId}`,
      label: `Tenant ${tenant.displayName ?? tenant.tenantId} skipped`,
      description: tenant.reason,
      context: 'info',
      icon: { codicon: 'warning', tone: 'warning' },
      command: { id: 'foundryNetwork.signIn', title: 'Sign in to this tenant', args: [tenant.tenantId] },
    }));
    return [...nodes, ...skipped];
  }

  private subscriptionChildren(node: NodeView): NodeView[] {
    const subscriptionId = node.id.split('/')[2] ?? '';
    const section = this.subscriptionsById.get(subscriptionId.toLowerCase());
    if (!section) return [];
    if (section.error && !section.hubs.length) return [errorNode(node.id, messageOf(section.error))];
    const shown = this.model.hubsShown(subscriptionId, HUBS_PAGE_SIZE);
    for (const hub of section.hubs) this.hubsById.set(hub.id.toLowerCase(), hub);
    const hubs = section.hubs.slice(0, shown).map((hub) => hubNode(hub, undefined));
    const more = section.hubs.length > shown ? [loadMoreNode(subscriptionId, shown, section.hubs.length)] : [];
    for (const account of section.aiServices) this.accountsById.set(account.id.toLowerCase(), account);
    const accounts = section.aiServices.map((account) =>
      aiServicesNode(account, this.describedAccounts.get(account.id.toLowerCase())),
    );
    return [...hubs, ...more, ...accounts, ...section.orphanProjects.map(projectNode)];
  }

  private async hubChildren(node: NodeView): Promise<NodeView[]> {
    const hub = await this.model.findHub(node.id);
    if (!hub) return [errorNode(node.id, 'This hub is no longer listed: refresh the view.')];
    const key = hub.id.toLowerCase();
    const failure = this.hubFailures.get(key);
    if (failure) return [errorNode(node.id, `Reading the hub failed: ${failure}`, [node])];
    const state = this.describedStates.get(key);
    // While a re-read is in flight (after a refresh or one of our writes) the last state is stale: say Loading.
    if (!state || this.reading.has(key) || !this.model.isHubCached(hub.id)) {
      this.startHubRead(hub.id, node);
      return [loadingNode(node.id)];
    }
    const sections = hubSections(state, findingsFor(state, { checkIpRule }));
    return hub.projects.length ? [...sections, projectsNode(hub)] : sections;
  }

  /** One GET, so the view's progress bar is enough while it runs (a hub takes up to three rounds: it says Loading…). */
  private async aiServicesChildren(node: NodeView): Promise<NodeView[]> {
    const accountId = node.resourceId ?? node.id;
    try {
      const account = await vscode.window.withProgress({ location: { viewId: this.viewId } }, () =>
        this.model.aiServicesDetails(accountId),
      );
      if (account.readError !== undefined)
        return [errorNode(node.id, `Reading the account failed: ${account.readError}`, [node])];
      this.describeAccount(node, account);
      return aiServicesSections(account);
    } catch (error) {
      return [errorNode(node.id, `Reading the account failed: ${messageOf(error)}`, [node])];
    }
  }

  /**
   * An account is read again after a refresh or one of our writes, expanded or not: its own line shows the mode last
   * read from ARM, and Resource Graph (the listing) lags behind a write.
   */
  private accountChanged(accountId: string): void {
    const key = accountId.toLowerCase();
    this.model.invalidate(accountId);
    this.describedAccounts.delete(key);
    const node = this.findNode(accountId);
    if (node) this.changed.fire(node);
    void this.model.aiServicesDetails(accountId).then(
      (account) => {
        if (account.readError !== undefined) return;
        const shown = this.findNode(accountId);
        if (shown) this.describeAccount(shown, account);
      },
      () => undefined,
    );
  }

  /** The account's own line follows what was just read; redrawn only when that changes it (so no loop). */
  private describeAccount(node: NodeView, account: DependentResource): void {
    const key = account.id.toLowerCase();
    const before = this.current(node).description;
    this.describedAccounts.set(key, account);
    if (this.current(node).description !== before) this.changed.fire(this.findNode(node.id) ?? node);
  }

  /** Reads a hub in the background: the hub shows "Loading…" meanwhile, then redraws with its state or its error. */
  private startHubRead(hubId: string, node: NodeView): void {
    const key = hubId.toLowerCase();
    if (this.reading.has(key)) return;
    this.reading.add(key);
    void Promise.resolve(
      vscode.window.withProgress({ location: { viewId: this.viewId } }, () => this.model.hubDetails(hubId)),
    )
      .then(
        (state) => this.describedStates.set(key, state),
        (error: unknown) => this.hubFailures.set(key, messageOf(error)),
      )
      .finally(() => {
        this.reading.delete(key);
        this.changed.fire(node);
      });
  }

  findNode(id: string): NodeView | undefined {
    return this.nodes.get(id.toLowerCase());
  }
}

/** An Azure error's message and what to do next; any other error's message. */
function messageOf(error: unknown): string {
  if (isAzureAccessError(error)) return `${error.userMessage} ${error.action}`;
  return error instanceof Error ? error.message : String(error);
}
