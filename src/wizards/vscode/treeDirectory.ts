/** The HubDirectory of the extension: the tree's model (its sign-in, discovery and connections) and its provider. */
import * as l10n from '@vscode/l10n';
import { readAiServicesAccount } from '../../azure/aiServicesAccount';
import type { ArmConnection } from '../../azure/clients';
import { readHubNetworkState } from '../../azure/hubDetails';
import type { AiServicesAccount } from '../../model/aiServicesAccess';
import type { HubNetworkState } from '../../model/hubState';
import type { HubsTreeModel } from '../../tree/model';
import type { HubsTreeProvider } from '../../tree/provider';
import type { HubDirectory, HubSummary, SubscriptionSummary } from '../framework/hubDirectory';

export class TreeHubDirectory implements HubDirectory {
  constructor(
    private readonly model: HubsTreeModel,
    private readonly provider: HubsTreeProvider,
  ) {}

  get cloud() {
    return this.model.access.cloud;
  }

  async subscriptions(): Promise<readonly SubscriptionSummary[]> {
    const root = await this.model.loadRoot();
    if (root.kind === 'signedOut') throw new Error(l10n.t('Sign in to Azure first (Foundry: Sign in to Azure).'));
    if (root.kind === 'failed') throw new Error(root.error.message);
    return root.subscriptions.map((section) => ({
      id: section.subscription.subscriptionId,
      name: section.subscription.name,
    }));
  }

  async hubs(subscriptionId: string): Promise<readonly HubSummary[]> {
    return ((await this.section(subscriptionId))?.hubs ?? []).map(summaryOf);
  }

  async aiServicesAccounts(subscriptionId: string): Promise<readonly HubSummary[]> {
    return ((await this.section(subscriptionId))?.aiServices ?? []).map(summaryOf);
  }

  private async section(subscriptionId: string) {
    const root = await this.model.loadRoot();
    if (root.kind !== 'ready') return undefined;
    return root.subscriptions.find(
      (candidate) => candidate.subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
    );
  }

  async readAiServicesAccount(accountId: string): Promise<AiServicesAccount> {
    return readAiServicesAccount(await this.connection(accountId), accountId);
  }

  async readHub(hubId: string): Promise<HubNetworkState> {
    return readHubNetworkState(await this.connection(hubId), hubId);
  }

  connection(resourceId: string): Promise<ArmConnection> {
    return this.model.connectionOf(resourceId);
  }

  hubChanged(hubId: string): void {
    this.provider.resourceChanged(hubId);
  }
}

const summaryOf = (resource: HubSummary): HubSummary => ({
  id: resource.id,
  name: resource.name,
  location: resource.location,
  subscriptionId: resource.subscriptionId,
});
