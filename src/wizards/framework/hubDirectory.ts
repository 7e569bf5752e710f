/** Where wizards find subscriptions, hubs and connections: the tree's model in the extension, ARM directly in tests. */
import type { ArmConnection } from '../../azure/clients';
import type { AiServicesAccount } from '../../model/aiServicesAccess';
import type { Cloud } from '../../model/clouds';
import type { HubNetworkState } from '../../model/hubState';

export interface SubscriptionSummary {
  readonly id: string;
  readonly name: string;
}

export interface HubSummary {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly subscriptionId: string;
}

export interface HubDirectory {
  readonly cloud: Cloud;
  subscriptions(): Promise<readonly SubscriptionSummary[]>;
  hubs(subscriptionId: string): Promise<readonly HubSummary[]>;
  /** Read now from ARM, not from a cache: a wizard plans against the current etag. */
  readHub(hubId: string): Promise<HubNetworkState>;
  /** The subscription's AI Services (Foundry) accounts. */
  aiServicesAccounts(subscriptionId: string): Promise<readonly HubSummary[]>;
  /** Read now from ARM, with its whole network rules: the access wizards write them back. */
  readAiServicesAccount(accountId: string): Promise<AiServicesAccount>;
  /** The connection whose credential reaches this resource's subscription. */
  connection(resourceId: string): Promise<ArmConnection>;
  /** After a write: the tree re-reads and redraws the hub (or AI Services account). */
  hubChanged(hubId: string): void;
}
