// VS Code's own Microsoft sign-in (`microsoft`, or `microsoft-sovereign-cloud` for Azure China and US Government)
// through @microsoft/vscode-azext-azureauth, which handles tenants, sessions per tenant and sovereign environments.
import {
  VSCodeAzureSubscriptionProvider,
  getUnauthenticatedTenants,
  setConfiguredAzureEnv,
} from '@microsoft/vscode-azext-azureauth';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { readSovereignCloudEnvironment } from '../config';
import type { KnownCloudName } from '../model/clouds';
import { CLOUDS } from '../model/clouds';
import type { AzureAccess, SkippedTenant, SubscriptionListing } from './azureAccess';

type AzureauthEnvironment = 'AzureCloud' | 'ChinaCloud' | 'USGovernment';

/** azureauth's names for the sovereign environments. */
const AZUREAUTH_ENVIRONMENT: Readonly<Record<KnownCloudName, AzureauthEnvironment | undefined>> = {
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

  /**
   * azureauth signs in to the environment in `microsoft-sovereign-cloud.environment`, a setting of VS Code's
   * sovereign-cloud provider that every Azure extension shares. It is written only after the user says so in a modal
   * dialog: a silent write would switch the cloud of every other Azure extension, and the cloud name must never come
   * from a workspace (config.ts reads foundryNetwork.cloud from the user's settings only).
   */
  static async create(cloudName: KnownCloudName, logger: vscode.LogOutputChannel): Promise<VsCodeAzureAccess> {
    if (!Object.hasOwn(AZUREAUTH_ENVIRONMENT, cloudName)) {
      throw new Error(l10n.t('{0} is not a cloud VS Code can sign in to.', JSON.stringify(cloudName)));
    }
    const configured = readSovereignCloudEnvironment();
    const wanted = AZUREAUTH_ENVIRONMENT[cloudName];
    if (!sameEnvironment(configured, wanted)) {
      if (!(await askToSwitchEnvironment(cloudName, configured, wanted))) {
        throw new Error(
          l10n.t(
            'foundryNetwork.cloud is {0}, but VS Code signs in to {1} (microsoft-sovereign-cloud.environment, shared by all Azure extensions). Change either setting in your user settings, then run "Foundry: Refresh".',
            cloudName,
            configured ?? 'AzureCloud',
          ),
        );
      }
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

/** azureauth reads an unset environment, and `AzureCloud`, as the public cloud. */
function sameEnvironment(configured: string | undefined, wanted: AzureauthEnvironment | undefined): boolean {
  return configured === wanted || ((configured === undefined || configured === 'AzureCloud') && wanted === undefined);
}

async function askToSwitchEnvironment(
  cloudName: KnownCloudName,
  configured: string | undefined,
  wanted: AzureauthEnvironment | undefined,
): Promise<boolean> {
  const switchButton = l10n.t('Switch for All Azure Extensions');
  const answer = await vscode.window.showWarningMessage(
    l10n.t("Switch VS Code's Microsoft sign-in from {0} to {1}?", configured ?? 'AzureCloud', wanted ?? 'AzureCloud'),
    {
      modal: true,
      detail: l10n.t(
        'foundryNetwork.cloud is {0}. VS Code signs in to sovereign clouds through microsoft-sovereign-cloud.environment in your user settings, which every Azure extension shares.',
        cloudName,
      ),
    },
    switchButton,
  );
  return answer === switchButton;
}
