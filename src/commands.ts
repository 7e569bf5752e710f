import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { log } from './log';
import type { ExtensionServices } from './services';
import type { NodeView } from './tree/nodeView';
import { FORMER_COMMANDS, WIZARD_COMMANDS, WIZARD_IDS, type WizardId } from './wizards/ids';

/**
 * Every command of the extension, in one table: id → handler factory. package.json contributes the same ids
 * (an integration test keeps the two in step). Handlers that need Azure load the feature bundle on first use.
 */
type CommandFactory = (services: ExtensionServices) => (...args: never[]) => unknown;

/** A wizard's command (palette, tree menu, finding fix): the wizards live in the lazily loaded feature bundle. */
const wizard =
  (id: WizardId): CommandFactory =>
  (services) =>
  async (...args: unknown[]) =>
    (await services.hubsView.hubs()).runWizard(id, ...args);

/** Each wizard's command starts it. */
const WIZARD_COMMAND_TABLE: Record<string, CommandFactory> = Object.fromEntries(
  WIZARD_IDS.map((id) => [WIZARD_COMMANDS[id].command, wizard(id)]),
);

export const COMMANDS = {
  'foundryNetwork.signIn': (services) => (tenantId?: string) => services.signIn(tenantId),
  'foundryNetwork.refresh': (services) => (node?: NodeView) => services.hubsView.refresh(node),
  'foundryNetwork.selectSubscriptions': (services) => async () =>
    (await services.hubsView.hubs()).actions.selectSubscriptions(),
  'foundryNetwork.loadMore': (services) => async (subscriptionId: string) =>
    (await services.hubsView.hubs()).actions.loadMore(subscriptionId),
  'foundryNetwork.openInPortal': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).actions.openInPortal(node),
  'foundryNetwork.viewProperties': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).actions.viewProperties(node),
  'foundryNetwork.copyResourceId': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).actions.copyResourceId(node),
  'foundryNetwork.copyAzCommand': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).actions.copyAzCommand(node),
  'foundryNetwork.fixFinding': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).actions.fixFinding(node),
  'foundryNetwork.revealResource': (services) => async (resourceId: string, ownerId: string) =>
    (await services.hubsView.hubs()).actions.reveal(services.hubsView.treeView, resourceId, ownerId),
  'foundryNetwork.showTopology': (services) => async (node?: NodeView) =>
    (await services.hubsView.hubs()).showTopology(node, services.hubsView.treeView),
  'foundryNetwork.showLog': () => () => log().show(),
  'foundryNetwork.trySandbox': (services) => () => services.sandbox.start(),
  'foundryNetwork.resetSandbox': (services) => () => services.sandbox.reset(),
  'foundryNetwork.exitSandbox': (services) => () => services.sandbox.exit(),
  'foundryNetwork.showSandboxAzCommands': (services) => () => services.sandbox.showAzCommands(),
  'foundryNetwork.sandboxActions': (services) => () => services.sandbox.actions(),
  ...WIZARD_COMMAND_TABLE,
} satisfies Record<string, CommandFactory>;

export type CommandId = keyof typeof COMMANDS;

export function registerCommands(services: ExtensionServices): vscode.Disposable[] {
  const formers = Object.entries(FORMER_COMMANDS).map(([former, current]) =>
    vscode.commands.registerCommand(former, (...args: unknown[]) => vscode.commands.executeCommand(current, ...args)),
  );
  return [
    ...formers,
    ...Object.entries(COMMANDS).map(([id, factory]) => {
      const handler = (factory as (services: ExtensionServices) => (...args: unknown[]) => unknown)(services);
      return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          reportCommandError(id, error);
          return undefined;
        }
      });
    }),
  ];
}

function reportCommandError(id: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log().error(`${id} failed: ${message}`);
  void vscode.window.showErrorMessage(message, l10n.t('Show Log')).then((choice) => {
    if (choice) log().show();
  });
}
