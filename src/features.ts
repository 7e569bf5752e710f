/**
 * The lazily loaded part of the extension that talks to Azure (bundled as dist/azure.js): sign-in, the tree model and
 * provider, and the resource actions. Loading it pulls in the Azure SDKs, so activate() never does.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AzureAccess } from './auth/azureAccess';
import { CredentialAzureAccess } from './auth/credentialAccess';
import { VsCodeAzureAccess } from './auth/vscodeAccess';
import { armRequestLogLine, type ArmRequestEvent } from './azure/requestLog';
import type { FoundrySettings, SettingProblem } from './config';
import { useDisplayLanguage } from './displayLanguage';
import { readSettings } from './config';
import { SecretUseApprovals, type secretUseQuestion } from './settings/secretUse';
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

/** What the activation bundle hands this bundle: it owns the log channel and knows the extension's mode. */
export interface FeatureHost {
  /** Interrupted wizard runs are kept here (globalState), so Resume survives a reload. */
  readonly storage: vscode.Memento;
  /** The extension's one output channel (src/log.ts). This bundle never creates a channel of its own. */
  readonly log: vscode.LogOutputChannel;
  /** Only in ExtensionMode.Test do the wizards accept a scripted UI. */
  readonly testMode: boolean;
}

export class HubsFeature implements vscode.Disposable {
  private constructor(
    readonly access: AzureAccess,
    readonly provider: HubsTreeProvider,
    readonly actions: ResourceActions,
    /** The guided wizards; `wizards.useUi(ui)`, in ExtensionMode.Test only, drives them with scripted answers. */
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
  static async create(viewId: string, host: FeatureHost, sandbox?: SandboxEndpoint): Promise<HubsFeature> {
    const access = sandbox
      ? new SandboxAzureAccess(sandbox)
      : await createAccess(
          readSettings(),
          new SecretUseApprovals(host.storage, secretUseAsker(host.testMode, host.log)),
          host.log,
        );
    const model = new HubsTreeModel({
      access,
      // The sandbox shows all its subscriptions: the setting selects among the user's own.
      selectedSubscriptions: () => (sandbox ? [] : readSettings().selectedSubscriptions),
      requestLogger: (event) => logArmRequest(host.log, event),
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
    const wizards = new WizardHost(model, provider, host.log, { acceptsTestUi: host.testMode });
    wizards.useStorage(host.storage);
    return new HubsFeature(access, provider, actions, wizards, disposables);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The access the settings ask for. Sign-in settings come from the user's settings only (config.ts); a secret is read
 * from its environment variable only after the user allowed sending it to that authority host (settings/secretUse.ts).
 */
export async function createAccess(
  settings: FoundrySettings,
  approvals: SecretUseApprovals,
  log: vscode.LogOutputChannel,
): Promise<AzureAccess> {
  reportSettingProblems(settings.problems, log);
  const blocking = settings.problems.filter((problem) => problem.blocksSignIn);
  if (blocking.length) throw new Error(blocking.map((problem) => problem.message).join(' '));
  if (settings.cloud !== 'Custom') return VsCodeAzureAccess.create(settings.cloud, log);
  const custom = settings.customCloud;
  if (!custom) {
    throw new Error(
      l10n.t(
        'foundryNetwork.cloud is Custom, but foundryNetwork.customCloud.resourceManagerEndpoint is not set in your user settings.',
      ),
    );
  }
  const cloud = customCloud({
    resourceManagerEndpoint: custom.resourceManagerEndpoint,
    portalUrl: custom.portalUrl ?? CLOUDS.AzureCloud.portalUrl,
  });
  if (custom.tokenSource === 'servicePrincipal') {
    if (!custom.servicePrincipal) {
      throw new Error(
        l10n.t(
          'foundryNetwork.customCloud.servicePrincipal needs authorityHost, tenantId, clientId and clientSecretEnvVar in your user settings.',
        ),
      );
    }
    // Asks before the environment variable is read: forServicePrincipal reads it.
    await approvals.ensureApproved(custom.servicePrincipal);
    return CredentialAzureAccess.forServicePrincipal(cloud, custom.servicePrincipal);
  }
  return CredentialAzureAccess.forAzureCli(cloud);
}

/**
 * The modal question before a secret goes to a new authority host. Under tests (ExtensionMode.Test, which only the
 * person who starts VS Code with --extensionTestsPath can choose, never a workspace) VS Code refuses every modal
 * dialog, so the suites' own emulator service principal is allowed without asking.
 */
function secretUseAsker(
  testMode: boolean,
  log: vscode.LogOutputChannel,
): (question: ReturnType<typeof secretUseQuestion>) => Promise<boolean> {
  if (testMode) {
    return async (question) => {
      log.warn(`Allowed without asking (extension tests): ${question.message}`);
      return true;
    };
  }
  return async (question) => {
    const answer = await vscode.window.showWarningMessage(
      question.message,
      { modal: true, detail: question.detail },
      question.allow,
    );
    return answer === question.allow;
  };
}

/** Messages already shown in this window: each rejected or ignored value is shown once, and always logged. */
const reportedProblems = new Set<string>();

function reportSettingProblems(problems: readonly SettingProblem[], log: vscode.LogOutputChannel): void {
  for (const problem of problems) {
    log.warn(problem.message);
    if (reportedProblems.has(problem.message)) continue;
    reportedProblems.add(problem.message);
    const openSettings = l10n.t('Open User Settings');
    void vscode.window.showWarningMessage(problem.message, openSettings).then((answer) => {
      if (answer === openSettings)
        void vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
    });
  }
}

/** Each ARM request in the log: method, path, status, duration. Never headers, so never a token. */
function logArmRequest(log: vscode.LogOutputChannel, event: ArmRequestEvent): void {
  const { line, failed } = armRequestLogLine(event);
  if (failed) log.warn(line);
  else log.info(line);
}
