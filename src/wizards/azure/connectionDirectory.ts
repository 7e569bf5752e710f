/**
 * A HubDirectory over one ArmConnection: subscriptions from ARM, hubs from Resource Graph, hub state from ARM. The
 * extension uses the tree's model instead (vscode/treeDirectory.ts); tests and scripts use this one.
 */
import { readAiServicesAccount } from '../../azure/aiServicesAccount';
import type { ArmConnection } from '../../azure/clients';
import { discoverHubs } from '../../azure/discovery';
import { readHubNetworkState } from '../../azure/hubDetails';
import { listSubscriptions } from '../../azure/subscriptions';
import type { AiServicesAccount } from '../../model/aiServicesAccess';
import type { HubNetworkState } from '../../model/hubState';
import type { HubDirectory, HubSummary, SubscriptionSummary } from '../framework/hubDirectory';

export class ConnectionDirectory implements HubDirectory {
  /** Hub ids passed to hubChanged, newest last. */
  readonly changedHubs: string[] = [];

  constructor(private readonly armConnection: ArmConnection) {}

  get cloud() {
    return this.armConnection.cloud;
  }

  async subscriptions(): Promise<readonly SubscriptionSummary[]> {
    return (await listSubscriptions(this.armConnection)).map((subscription) => ({
      id: subscription.subscriptionId,
      name: subscription.displayName ?? subscription.subscriptionId,
    }));
  }

  async hubs(subscriptionId: string): Promise<readonly HubSummary[]> {
    const result = await discoverHubs(this.armConnection, [subscriptionId]);
    return result.hubs.map((hub) => ({
      id: hub.id,
      name: hub.name,
      location: hub.location,
      subscriptionId: hub.subscriptionId,
    }));
  }

  readHub(hubId: string): Promise<HubNetworkState> {
    return readHubNetworkState(this.armConnection, hubId);
  }

  async aiServicesAccounts(subscriptionId: string): Promise<readonly HubSummary[]> {
    const result = await discoverHubs(this.armConnection, [subscriptionId]);
    return result.aiServices.map((account) => ({
      id: account.id,
      name: account.name,
      location: account.location,
      subscriptionId: account.subscriptionId,
    }));
  }

  readAiServicesAccount(accountId: string): Promise<AiServicesAccount> {
    return readAiServicesAccount(this.armConnection, accountId);
  }

  async connection(): Promise<ArmConnection> {
    return this.armConnection;
  }

  hubChanged(hubId: string): void {
    this.changedHubs.push(hubId);
  }
}
