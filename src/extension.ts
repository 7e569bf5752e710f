import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { affectsSettings } from './config';
import { useDisplayLanguage } from './displayLanguage';
import { loadFeaturesModule, loadYamlModule } from './lazy';
import { disposeLog, log } from './log';
import { Sandbox } from './sandbox/sandbox';
import type { ExtensionServices } from './services';
import { HubsView } from './tree/hubsView';
import { HUBS_VIEW_ID, PROPERTIES_SCHEME } from './tree/viewIds';
import { startOnFirstYamlDocument } from './yaml/vscode/activation';

const bundleLoadedAt = performance.now();

/**
 * Wiring only: the services, the command table, the views. Heavy modules load on first use (src/lazy.ts).
 * The services are returned to the in-host test suites only: through them a caller gets ARM credentials, scripted
 * wizard answers and unreviewed writes, so any other extension (which receives whatever activate() returns) gets nothing.
 */
export function activate(extension: vscode.ExtensionContext): ExtensionServices | undefined {
  const started = performance.now();
  useDisplayLanguage();
  // Test mode needs a launch with extensionTestsPath (the test runners'): no setting, workspace or extension sets it.
  const testMode = extension.extensionMode === vscode.ExtensionMode.Test;
  const hubsView: HubsView = new HubsView(async () =>
    loadFeaturesModule().HubsFeature.create(
      HUBS_VIEW_ID,
      { storage: extension.globalState, log: log(), testMode },
      await sandbox.endpoint(),
    ),
  );
  const sandbox: Sandbox = new Sandbox(extension, hubsView);
  const timing = { bundleLoadedAt, activateStartedAt: started, activateFinishedAt: started };
  const services: ExtensionServices = {
    activationTiming: timing,
    extension,
    hubsView,
    log: log(),
    sandbox,
    signIn: async (tenantId) => {
      const feature = await hubsView.hubs();
      if (await feature.access.signIn(tenantId)) await hubsView.refresh();
    },
  };
  extension.subscriptions.push(
    hubsView,
    sandbox,
    ...registerCommands(services),
    vscode.workspace.registerTextDocumentContentProvider(PROPERTIES_SCHEME, {
      provideTextDocumentContent: async (uri) => (await hubsView.hubs()).actions.readProperties(uri),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'cloud') || affectsSettings(event, 'customCloud')) hubsView.reset();
      else if (affectsSettings(event, 'selectedSubscriptions')) void hubsView.refresh();
    }),
    startOnFirstYamlDocument(() => loadYamlModule().activateYamlFeatures(extension, log()), log),
    { dispose: disposeLog },
  );
  sandbox.resumeIfActive();
  timing.activateFinishedAt = performance.now();
  log().info(`Foundry Network activated in ${(timing.activateFinishedAt - started).toFixed(1)} ms`);
  return testMode ? services : undefined;
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
