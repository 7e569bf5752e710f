import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { disposeLog, log } from './log';
import type { ExtensionServices } from './services';
import { HubsView } from './tree/hubsView';

/** Wiring only: create the services, register the command table and the views. Heavy modules load on first use. */
export function activate(extension: vscode.ExtensionContext): ExtensionServices {
  const started = performance.now();
  const hubsView = new HubsView();
  const services: ExtensionServices = {
    extension,
    hubsView,
    signIn: () => signInWithMicrosoft(),
  };
  extension.subscriptions.push(hubsView, ...registerCommands(services), { dispose: disposeLog });
  log().info(`Foundry Network activated in ${(performance.now() - started).toFixed(1)} ms`);
  return services;
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}

async function signInWithMicrosoft(): Promise<void> {
  await vscode.authentication.getSession('microsoft', ['https://management.azure.com/.default'], { createIfNone: true });
}
