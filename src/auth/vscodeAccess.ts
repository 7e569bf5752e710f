// VS Code's own Microsoft sign-in (`microsoft`, or `microsoft-sovereign-cloud` for Azure China and US Government)
// through @microsoft/vscode-azext-azureauth, which handles tenants, sessions per tenant and sovereign environments.
import {
  VSCodeAzureSubscriptionProvider,
  getUnauthenticatedTenants,
  setConfiguredAzureEnv,
} from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import { readSovereignCloudEnvironment } from '../config';
import type { KnownCloudName } from '../model/clouds';
import { CLOUDS } from '../model/clouds';
import type { AzureAccess, SkippedTenant, SubscriptionListing } from './azureAccess';

/** azureauth's names for the sovereign environments. */
const AZUREAUTH_ENVIRONMENT: Readonly<
  Record<KnownCloudName, 'AzureCloud' | 'ChinaCloud' | 'USGovernment' | undefined>
> = {
  AzureCloud: undefined,
  AzureChinaCloud: 'ChinaCloud',
  AzureUSGovernment: 'USGovernment',
};

export class VsCodeAzureAccess implements AzureAccess {
  readonly cloud;
  private readonly provider: VSCodeAzureSubscriptionProvider;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSignIn = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(cloudName: KnownCloudName, logger: vscode.LogOutputChannel) {
    this.cloud = CLOUDS[cloudName];
    this.provider = new VSCodeAzureSubscriptionProvider(logger);
    this.disposables.push(
      this.provider,
      this.changed,
      this.provider.onDidSignIn(() => this.changed.fire()),
      this.provider.onDidSignOut(() => this.changed.fire()),
    );
  }

  /** Points azureauth at the cloud first: it picks the `microsoft-sovereign-cloud` provider for China and US Gov. */
  static async create(cloudName: KnownCloudName, logger: vscode.LogOutputChannel): Promise<VsCodeAzureAccess> {
    const configured = readSovereignCloudEnvironment();
    const wanted = AZUREAUTH_ENVIRONMENT[cloudName];
    if (configured !== wanted && !(configured === 'AzureCloud' && wanted === undefined)) {
      await setConfiguredAzureEnv(wanted, vscode.ConfigurationTarget.Global);
    }
    return new VsCodeAzureAccess(cloudName, logger);
  }

  isSignedIn(): Promise<boolean> {
    return this.provider.isSignedIn();
  }

  signIn(tenantId?: string): Promise<boolean> {
    return this.provider.signIn(tenantId);
  }

  async listSubscriptions(): Promise<SubscriptionListing> {
    // Unfiltered: the extension's own setting selects subscriptions, not azureauth's.
    const subscriptions = await this.provider.getSubscriptions(false);
    let skippedTenants: SkippedTenant[] = [];
    try {
      skippedTenants = (await getUnauthenticatedTenants(this.provider)).map((tenant) => ({
        tenantId: tenant.tenantId ?? 'unknown',
        displayName: tenant.displayName,
        reason: 'needs sign-in (multi-factor or conditional access)',
      }));
    } catch (error) {
      skippedTenants = [
        { tenantId: 'unknown', displayName: undefined, reason: `tenants could not be listed: ${String(error)}` },
      ];
    }
    return {
      subscriptions: subscriptions.map((s) => ({
        subscriptionId: s.subscriptionId,
        name: s.name,
        tenantId: s.tenantId,
        credential: s.credential,
      })),
      skippedTenants,
    };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
