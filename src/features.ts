/**
 * The lazily loaded part of the extension that talks to Azure (bundled as dist/azure.js): sign-in, the tree model and
 * provider, and the resource actions. Loading it pulls in the Azure SDKs, so activate() never does.
 */
import * as vscode from 'vscode';
import type { AzureAccess } from './auth/azureAccess';
import { CredentialAzureAccess } from './auth/credentialAccess';
import { VsCodeAzureAccess } from './auth/vscodeAccess';
import type { ArmRequestEvent } from './azure/requestLog';
import type { FoundrySettings } from './config';
import { useDisplayLanguage } from './displayLanguage';
import { readSettings } from './config';
import { log } from './log';
import type { SandboxEndpoint } from './sandbox/endpoint';
import { SandboxAzureAccess, sandboxConnectionOptions } from './sandbox/sandboxAccess';
import { CLOUDS, customCloud } from './model/clouds';
import { showTopologyOf } from './topology/vscode/topologyCommand';
import { HubsTreeModel } from './tree/model';
import type { NodeView } from './tree/nodeView';
import { HubsTreeProvider } from './tree/provider';
import { ResourceActions } from './tree/resourceActions';
import type { WizardResult } from './wizards/framework/wizard';
import type { WizardId } from './wizards/ids';
import { WizardHost } from './wizards/vscode/wizardHost';

// This bundle's copy of @vscode/l10n speaks the display language.
useDisplayLanguage();

export class HubsFeature implements vscode.Disposable {
  private constructor(
    readonly access: AzureAccess,
    readonly provider: HubsTreeProvider,
    readonly actions: ResourceActions,
    /** The guided wizards; `wizards.useUi(ui)` is the test hook that drives them with scripted answers. */
    readonly wizards: WizardHost,
    private readonly disposables: vscode.Disposable[],
  ) {}

  /** The network of a hub (or of an endpoint's VNet) as a picture; its nodes reveal themselves in the tree. */
  showTopology(
    node: NodeView | undefined,
    treeView: vscode.TreeView<NodeView>,
  ): Promise<vscode.WebviewPanel | undefined> {
    return showTopologyOf(
      this.provider.model,
      { reveal: (resourceId, ownerId) => this.actions.reveal(treeView, resourceId, ownerId) },
      node,
    );
  }

  /** Starts a wizard from the palette, a tree node's menu (the node) or a finding's fix (its ids). */
  runWizard(id: WizardId, ...args: unknown[]): Promise<WizardResult> {
    return this.wizards.run(id, args);
  }

  /** `sandbox`: sign in against the running sandbox instead of the settings' cloud. */
  static async create(viewId: string, storage: vscode.Memento, sandbox?: SandboxEndpoint): Promise<HubsFeature> {
    const access = sandbox ? new SandboxAzureAccess(sandbox) : await createAccess(readSettings());
    const model = new HubsTreeModel({
      access,
      // The sandbox shows all its subscriptions: the setting selects among the user's own.
      selectedSubscriptions: () => (sandbox ? [] : readSettings().selectedSubscriptions),
      requestLogger: logArmRequest,
      ...(sandbox ? { connectionOptions: sandboxConnectionOptions(sandbox) } : {}),
    });
    const provider = new HubsTreeProvider(model, viewId);
    const actions = new ResourceActions(model, provider);
    const disposables = [
      access,
      provider,
      access.onDidChangeSignIn(() => provider.refresh()),
      vscode.window.registerFileDecorationProvider(provider),
    ];
    const wizards = new WizardHost(model, provider);
    // Interrupted runs are kept in globalState, so Resume survives a reload.
    wizards.useStorage(storage);
    return new HubsFeature(access, provider, actions, wizards, disposables);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export async function createAccess(settings: FoundrySettings): Promise<AzureAccess> {
  if (settings.cloud !== 'Custom') return VsCodeAzureAccess.create(settings.cloud, log());
  const custom = settings.customCloud;
  if (!custom?.resourceManagerEndpoint) {
    throw new Error('foundryNetwork.cloud is Custom, but foundryNetwork.customCloud.resourceManagerEndpoint is empty.');
  }
  const cloud = customCloud({
    resourceManagerEndpoint: custom.resourceManagerEndpoint,
    portalUrl: custom.portalUrl ?? CLOUDS.AzureCloud.portalUrl,
  });
  if (custom.tokenSource === 'servicePrincipal') {
    if (!custom.servicePrincipal) {
      throw new Error(
        'foundryNetwork.customCloud.servicePrincipal needs authorityHost, tenantId, clientId and clientSecretEnvVar.',
      );
    }
    return CredentialAzureAccess.forServicePrincipal(cloud, custom.servicePrincipal);
  }
  return CredentialAzureAccess.forAzureCli(cloud);
}

/** Each ARM request in the log: method, path, status, duration. Never headers, so never a token. */
function logArmRequest(event: ArmRequestEvent): void {
  const status = event.status ?? event.errorCode ?? 'no answer';
  const line = `${event.method} ${event.path} → ${status} (${event.durationMs.toFixed(0)} ms)`;
  if (event.status !== undefined && event.status < 400) log().info(line);
  else log().warn(line);
}
