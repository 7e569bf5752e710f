import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { affectsSettings } from './config';
import { useDisplayLanguage } from './displayLanguage';
import { loadFeaturesModule, loadYamlModule } from './lazy';
import { disposeLog, log } from './log';
import { Sandbox } from './sandbox/sandbox';
import type { ExtensionServices } from './services';
import { HUBS_VIEW_ID, HubsView, PROPERTIES_SCHEME } from './tree/hubsView';
import { startOnFirstYamlDocument } from './yaml/vscode/activation';

const bundleLoadedAt = performance.now();

/** Wiring only: the services, the command table, the views. Heavy modules load on first use (src/lazy.ts). */
export function activate(extension: vscode.ExtensionContext): ExtensionServices {
  const started = performance.now();
  useDisplayLanguage();
  const hubsView: HubsView = new HubsView(async () =>
    loadFeaturesModule().HubsFeature.create(HUBS_VIEW_ID, extension, await sandbox.endpoint()),
  );
  const sandbox: Sandbox = new Sandbox(extension, hubsView);
  const timing = { bundleLoadedAt, activateStartedAt: started, activateFinishedAt: started };
  const services: ExtensionServices = {
    activationTiming: timing,
    extension,
    hubsView,
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
  return services;
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
