/** The sandbox's sign-in for the hubs view (part of the features bundle: it loads @azure/identity). */
import type { ClientSecretCredential } from '@azure/identity';
import * as vscode from 'vscode';
import type { AzureAccess, SubscriptionListing } from '../auth/azureAccess';
import { ArmConnection } from '../azure/clients';
import { listSubscriptions } from '../azure/subscriptions';
import type { Cloud } from '../model/clouds';
import type { SandboxEndpoint } from './endpoint';
import { sandboxCloud, sandboxConnectionOptions, sandboxCredential } from './sandboxConnection';

export { sandboxConnectionOptions } from './sandboxConnection';

export class SandboxAzureAccess implements AzureAccess {
  readonly cloud: Cloud;
  private readonly credential: ClientSecretCredential;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSignIn = this.changed.event;

  constructor(private readonly endpoint: SandboxEndpoint) {
    this.cloud = sandboxCloud(endpoint);
    this.credential = sandboxCredential(endpoint);
  }

  /** The sandbox's service principal is always signed in. */
  async isSignedIn(): Promise<boolean> {
    return true;
  }

  async signIn(): Promise<boolean> {
    return true;
  }

  async listSubscriptions(): Promise<SubscriptionListing> {
    const connection = new ArmConnection({
      credential: this.credential,
      cloud: this.cloud,
      ...sandboxConnectionOptions(this.endpoint),
    });
    const subscriptions = await listSubscriptions(connection);
    return {
      subscriptions: subscriptions.map((subscription) => ({
        subscriptionId: subscription.subscriptionId,
        name: subscription.displayName,
        tenantId: subscription.tenantId ?? this.endpoint.tenantId,
        credential: this.credential,
      })),
      skippedTenants: [],
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
