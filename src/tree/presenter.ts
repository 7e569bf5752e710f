/**
 * Maps the tree model to NodeViews: which nodes exist, their parents, and each node's current look. Pure (no vscode),
 * so it is unit-tested against the model; the provider turns its NodeViews into TreeItems. It caches nothing but the
 * node instances VS Code holds (change events must carry the same instance) and their parents.
 */
import * as l10n from '@vscode/l10n';
import type { HubsTreeModel, ModelChange, RootState, SubscriptionHubs } from './model';
import { HUBS_PAGE_SIZE, messageOf } from './model';
import type { NodeView } from './nodeView';
import { aiServicesSections } from './nodes/aiServicesNodes';
import { hubSections } from './nodes/hubNodes';
import {
  aiServicesNode,
  errorNode,
  hubNode,
  loadingNode,
  loadMoreNode,
  projectNode,
  projectsNode,
  subscriptionNode,
} from './nodes/resourceNodes';

export type RootChildren =
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'nodes'; readonly nodes: NodeView[]; readonly empty: boolean };

export class TreePresenter {
  private readonly parents = new Map<string, NodeView | undefined>();
  private readonly nodes = new Map<string, NodeView>();

  constructor(readonly model: HubsTreeModel) {}

  /** The root: subscriptions (and skipped tenants), or why there is nothing to show. */
  rootChildren(root: RootState): RootChildren {
    if (root.kind === 'signedOut') return { kind: 'signedOut' };
    if (root.kind === 'failed') {
      return {
        kind: 'nodes',
        nodes: this.adopt(undefined, [
          errorNode('root', l10n.t('Listing subscriptions failed: {0}', messageOf(root.error))),
        ]),
        empty: false,
      };
    }
    const nothing = root.subscriptions.every((s) => !s.hubs.length && !s.aiServices.length && !s.error);
    if (nothing && root.skippedTenants.length === 0) return { kind: 'nothing' };
    const subscriptions = root.subscriptions.map((section) =>
      subscriptionNode({
        subscriptionId: section.subscription.subscriptionId,
        name: section.subscription.name,
        hubCount: section.hubs.length,
        aiServicesCount: section.aiServices.length,
        error: section.error,
      }),
    );
    const skipped = root.skippedTenants.map<NodeView>((tenant) => ({
      id: `tenant/${tenant.tenantId}`,
      label: l10n.t('Tenant {0} skipped', tenant.displayName ?? tenant.tenantId),
      description: tenant.reason,
      context: 'info',
      icon: { codicon: 'warning', tone: 'warning' },
      command: { id: 'foundryNetwork.signIn', title: l10n.t('Sign in to this tenant'), args: [tenant.tenantId] },
    }));
    return { kind: 'nodes', nodes: this.adopt(undefined, [...subscriptions, ...skipped]), empty: nothing };
  }

  /** A node's children, read from the model; starts reads the model does not have yet. */
  async children(node: NodeView): Promise<NodeView[]> {
    return this.adopt(node, await this.childrenOf(node));
  }

  /** The node as it should look now: a resource's line follows its entry in the model. */
  current(node: NodeView): NodeView {
    if (node.context !== 'hub' && node.context !== 'aiServices') return node;
    const entry = this.model.entry(node.id);
    if (!entry) return node;
    return entry.kind === 'hub' && 'projects' in entry.discovered
      ? hubNode(entry.discovered, entry)
      : aiServicesNode(entry.discovered, entry);
  }

  parentOf(node: NodeView): NodeView | undefined {
    return this.parents.get(node.id.toLowerCase());
  }

  find(id: string): NodeView | undefined {
    return this.nodes.get(id.toLowerCase());
  }

  /** Every node shown for a resource id under an owner (a finding's resource: its zone, endpoint or dependency). */
  findByResource(resourceId: string, ownerId: string): NodeView | undefined {
    const owner = ownerId.toLowerCase();
    const wanted = resourceId.toLowerCase();
    let best: NodeView | undefined;
    for (const node of this.nodes.values()) {
      if (node.context === 'finding' || node.resourceId?.toLowerCase() !== wanted) continue;
      if (node.id.toLowerCase() === owner || this.isUnder(node, owner)) return node;
      best ??= node;
    }
    return best;
  }

  /**
   * The node of a resource under its owner, opening the owner's sections as needed (a finding's zone may sit two levels
   * down, not yet expanded); the owner itself when none shows it.
   */
  async locate(resourceId: string, ownerId: string): Promise<NodeView | undefined> {
    const known = this.findByResource(resourceId, ownerId);
    if (known) return known;
    const owner = this.find(ownerId);
    if (!owner) return undefined;
    let level: NodeView[] = [owner];
    for (let depth = 0; depth < 3 && level.length > 0; depth++) {
      const children = (await Promise.all(level.map((node) => this.children(node)))).flat();
      const found = children.find(
        (node) => node.context !== 'finding' && node.resourceId?.toLowerCase() === resourceId.toLowerCase(),
      );
      if (found) return found;
      level = children.filter((node) => node.expandable && node.context !== 'findings');
    }
    return owner;
  }

  /** The nodes to redraw for a model change; undefined means the whole tree. */
  nodesFor(change: ModelChange): NodeView[] | undefined {
    if (change === 'all') {
      this.nodes.clear();
      this.parents.clear();
      return undefined;
    }
    return change.flatMap((id) => {
      const node = this.find(id);
      return node ? [node] : [];
    });
  }

  private isUnder(node: NodeView, ancestorId: string): boolean {
    for (let parent = this.parentOf(node); parent; parent = this.parentOf(parent)) {
      if (parent.id.toLowerCase() === ancestorId) return true;
    }
    return false;
  }

  private adopt(parent: NodeView | undefined, children: NodeView[]): NodeView[] {
    for (const child of children) {
      this.parents.set(child.id.toLowerCase(), parent);
      this.nodes.set(child.id.toLowerCase(), child);
    }
    return children;
  }

  private async childrenOf(node: NodeView): Promise<NodeView[]> {
    if (node.children) return [...node.children];
    switch (node.context) {
      case 'subscription':
        return this.subscriptionChildren(node);
      case 'hub':
        return this.resourceChildren(node);
      case 'aiServices':
        return this.resourceChildren(node);
      default:
        return [];
    }
  }

  private async subscriptionChildren(node: NodeView): Promise<NodeView[]> {
    const root = await this.model.loadRoot();
    if (root.kind !== 'ready') return [];
    const subscriptionId = node.id.split('/')[2] ?? '';
    const section = root.subscriptions.find(
      (candidate) => candidate.subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
    );
    if (!section) return [];
    if (section.error && !section.hubs.length) return [errorNode(node.id, messageOf(section.error))];
    return this.sectionNodes(section);
  }

  private sectionNodes(section: SubscriptionHubs): NodeView[] {
    const subscriptionId = section.subscription.subscriptionId;
    const shown = this.model.hubsShown(subscriptionId);
    const hubs = section.hubs.slice(0, shown).map((hub) => hubNode(hub, this.model.entry(hub.id)));
    const more = section.hubs.length > shown ? [loadMoreNode(subscriptionId, shown, section.hubs.length)] : [];
    const accounts = section.aiServices.map((account) => aiServicesNode(account, this.model.entry(account.id)));
    return [...hubs, ...more, ...accounts, ...section.orphanProjects.map(projectNode)];
  }

  /**
   * A resource's sections, from its last read. While a re-read runs the last read stays shown (so what was expanded
   * stays expanded); before any read: "Loading…"; after a failed first read: the error, with Retry.
   */
  private resourceChildren(node: NodeView): NodeView[] {
    const entry = this.model.entry(node.id);
    if (!entry) return [errorNode(node.id, l10n.t('This resource is no longer listed: refresh the view.'))];
    const details = entry.details;
    if (!details) {
      if (entry.failure !== undefined)
        return [errorNode(node.id, l10n.t('Reading it failed: {0}', entry.failure), [node])];
      this.model.ensureRead(entry.id);
      return [loadingNode(node.id)];
    }
    if (details.kind === 'aiServices') return aiServicesSections(details.state, details.assessment);
    const sections = hubSections(details.state, details.assessment);
    const hub = entry.discovered;
    return 'projects' in hub && hub.projects.length ? [...sections, projectsNode(hub)] : sections;
  }
}

export { HUBS_PAGE_SIZE };
