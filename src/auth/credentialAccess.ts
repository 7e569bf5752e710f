// Token sources for a custom ARM endpoint (Azure Stack, a private stamp, or the local emulator): a service principal,
// whose secret comes from an environment variable named in settings (secrets never live in settings.json), or the
// Azure CLI's own login (`az cloud register` + `az login`).
import * as l10n from '@vscode/l10n';
import type { TokenCredential } from '@azure/core-auth';
import type * as Identity from '@azure/identity';
import * as vscode from 'vscode';
import { ArmConnection } from '../azure/clients';
import { listSubscriptions } from '../azure/subscriptions';
import { withoutTrailingSlashes } from '../model/armIds';
import type { Cloud } from '../model/clouds';
import type { ServicePrincipalTokenSource } from '../config';
import type { AzureAccess, SubscriptionListing } from './azureAccess';

export class ServicePrincipalConfigurationError extends Error {}

/** Required when a custom cloud is used: VS Code's own sign-in (the default) never needs @azure/identity and MSAL. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const identity = (): typeof Identity => require('@azure/identity');

/** Any @azure/identity credential against a custom cloud: it is "signed in" when it can list subscriptions. */
export class CredentialAzureAccess implements AzureAccess {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSignIn = this.changed.event;

  constructor(
    readonly cloud: Cloud,
    private readonly credential: TokenCredential,
  ) {}

  static forServicePrincipal(cloud: Cloud, source: ServicePrincipalTokenSource): CredentialAzureAccess {
    const secret = process.env[source.clientSecretEnvVar];
    if (!secret) {
      throw new ServicePrincipalConfigurationError(
        l10n.t(
          "The environment variable {0} (foundryNetwork.customCloud.servicePrincipal.clientSecretEnvVar) is not set: start VS Code with the service principal's secret in it.",
          source.clientSecretEnvVar,
        ),
      );
    }
    const { authorityHost, tenantId } = authorityOf(source);
    const credential = new (identity().ClientSecretCredential)(tenantId, source.clientId, secret, {
      authorityHost,
      // A custom authority is not in Microsoft's instance list; discovery would call the public cloud.
      disableInstanceDiscovery: true,
    });
    return new CredentialAzureAccess(cloud, credential);
  }

  static forAzureCli(cloud: Cloud): CredentialAzureAccess {
    return new CredentialAzureAccess(cloud, new (identity().AzureCliCredential)());
  }

  async isSignedIn(): Promise<boolean> {
    return true;
  }

  async signIn(): Promise<boolean> {
    return true;
  }

  async listSubscriptions(): Promise<SubscriptionListing> {
    const connection = new ArmConnection({ credential: this.credential, cloud: this.cloud });
    const subscriptions = await listSubscriptions(connection);
    return {
      subscriptions: subscriptions.map((s) => ({
        subscriptionId: s.subscriptionId,
        name: s.displayName,
        tenantId: s.tenantId ?? '',
        credential: this.credential,
      })),
      skippedTenants: [],
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * @azure/identity builds the authority as `<authorityHost>/<tenant>`; MSAL treats an authority ending in `/adfs` as
 * AD FS (no tenant in the path). So `https://host/adfs` is split into host + the `adfs` tenant.
 */
export function authorityOf(source: ServicePrincipalTokenSource): { authorityHost: string; tenantId: string } {
  const host = withoutTrailingSlashes(source.authorityHost);
  if (/\/adfs$/i.test(host)) return { authorityHost: host.replace(/\/adfs$/i, ''), tenantId: 'adfs' };
  return { authorityHost: host, tenantId: source.tenantId };
}
