/**
 * "Try the Sandbox": the local ARM emulator (its own bundle, dist/emulator.js) runs inside the extension host on
 * 127.0.0.1 and a free port, with the demo topology; the hubs view signs in against it. Nothing to install, any OS,
 * offline. Its state lives in the extension's global storage, so a restart keeps it (and the sandbox starts again).
 * The view's title and a status bar item say "Sandbox" as long as it runs: it is never mistaken for a real tenant.
 * Secrets (the client secret, the emulator's admin token) stay in this process: never in a log or an environment.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { log } from '../log';
import type { HubsView } from '../tree/hubsView';
import { type SandboxLogin, type Shell, renderAzScript, sandboxCloudConfig } from './azCommands';
import { type SandboxEmulator, loadEmulatorBundle } from './emulatorBundle';
import type { SandboxEndpoint } from './endpoint';
import { type SandboxLock, SandboxInUseError, lockSandbox } from './sandboxLock';
import { startOnSavedState } from './sandboxState';

/** Set while the sandbox runs: the Reset and Exit commands and the view's Exit button show then. */
export const CONTEXT_SANDBOX = 'foundryNetwork.sandbox';
/** Remembered across restarts: the sandbox was on, so it starts again. */
const ACTIVE_KEY = 'foundryNetwork.sandbox.active';
/** The view's name in the manifest (package.nls.json's view.hubs.name), in the display language. */
const viewTitle = (): string => l10n.t('Hubs');

interface Running {
  readonly emulator: SandboxEmulator;
  readonly endpoint: SandboxEndpoint;
  readonly login: SandboxLogin;
  readonly lock: SandboxLock;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Sandbox implements vscode.Disposable {
  private running: Promise<Running> | undefined;
  /** The same once it has started: dispose() cannot wait for a promise. */
  private started: Running | undefined;
  private readonly statusBar: vscode.StatusBarItem;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly view: HubsView,
  ) {
    this.statusBar = vscode.window.createStatusBarItem('foundryNetwork.sandbox', vscode.StatusBarAlignment.Left, 100);
    this.statusBar.name = l10n.t('Foundry Network Sandbox');
  }

  /** The sandbox to sign in against (waiting for one that is starting); undefined when none runs. */
  async endpoint(): Promise<SandboxEndpoint | undefined> {
    try {
      return (await this.running)?.endpoint;
    } catch {
      return undefined;
    }
  }

  /** After a restart: the sandbox was on when VS Code closed, so it starts again with the state it had. */
  resumeIfActive(): void {
    if (!this.extension.globalState.get<boolean>(ACTIVE_KEY)) return;
    this.start({ announce: false }).catch((error: unknown) => {
      // Another window has it: this one shows the user's own sign-in, as if the sandbox were off.
      if (error instanceof SandboxInUseError) return log().info(messageOf(error));
      log().error(messageOf(error));
      void vscode.window.showErrorMessage(messageOf(error));
    });
  }

  /** `announce`: say so in a notification (not when it starts again by itself after a restart). */
  async start(options: { announce?: boolean } = {}): Promise<void> {
    if (this.running) {
      await vscode.commands.executeCommand('foundryNetwork.hubs.focus');
      return;
    }
    const starting = this.launch();
    this.running = starting;
    // The view starts over now and waits for the emulator: it signs in against the sandbox, not the settings' cloud.
    this.view.reset();
    try {
      this.started = await starting;
      await this.show(this.started);
    } catch (error) {
      this.running = undefined;
      const started = this.started;
      this.started = undefined;
      await started?.emulator.close();
      await started?.lock.release();
      this.view.reset();
      if (error instanceof SandboxInUseError) throw error;
      throw new Error(
        l10n.t('The sandbox could not start: {0}. Show the log for details, then try again.', messageOf(error)),
      );
    }
    await this.extension.globalState.update(ACTIVE_KEY, true);
    if (options.announce !== false) this.announce();
  }

  private announce(): void {
    const showCommands = l10n.t('Show az Commands');
    const exit = l10n.t('Exit Sandbox');
    void vscode.window
      .showInformationMessage(
        l10n.t(
          'The sandbox is running: a local emulator of Azure with demo hubs, on this machine only. Nothing you do here reaches Azure.',
        ),
        showCommands,
        exit,
      )
      .then((choice) => {
        if (choice === showCommands) return this.showAzCommands();
        if (choice === exit) return this.exit();
        return undefined;
      });
  }

  /** Stops the emulator and goes back to the settings' cloud; the sandbox state stays for the next start. */
  async exit(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.started = undefined;
    await this.extension.globalState.update(ACTIVE_KEY, false);
    await this.hide();
    this.view.reset();
    const stopped = await running?.then(
      (started) => started,
      () => undefined,
    );
    await stopped?.emulator.close();
    await stopped?.lock.release();
    if (stopped) log().info('Sandbox stopped; its state is kept for the next "Try the Sandbox".');
  }

  /** Back to the demo topology. */
  async reset(): Promise<void> {
    const running = await this.require();
    await running.emulator.reset();
    log().info('Sandbox reset to the demo topology.');
    await this.view.refresh();
    void vscode.window.showInformationMessage(l10n.t('The sandbox is back to the demo topology.'));
  }

  /** The az commands that drive this sandbox, in a new editor (bash, or PowerShell on Windows). */
  async showAzCommands(): Promise<void> {
    const { login } = await this.require();
    const shell: Shell = process.platform === 'win32' ? 'powershell' : 'bash';
    const document = await vscode.workspace.openTextDocument({
      language: shell === 'bash' ? 'shellscript' : 'powershell',
      content: renderAzScript(login, shell),
    });
    await vscode.window.showTextDocument(document);
  }

  async copyAzCommands(): Promise<void> {
    const { login } = await this.require();
    await vscode.env.clipboard.writeText(renderAzScript(login, process.platform === 'win32' ? 'powershell' : 'bash'));
    void vscode.window.showInformationMessage(l10n.t('The az commands for the sandbox are on the clipboard.'));
  }

  /** The status bar item's menu. */
  async actions(): Promise<void> {
    const actions: (vscode.QuickPickItem & { run: () => Promise<void> })[] = [
      { label: `$(terminal) ${l10n.t('Show az Commands')}`, run: () => this.showAzCommands() },
      { label: `$(copy) ${l10n.t('Copy az Commands')}`, run: () => this.copyAzCommands() },
      {
        label: `$(discard) ${l10n.t('Reset Sandbox')}`,
        detail: l10n.t('Back to the demo topology.'),
        run: () => this.reset(),
      },
      {
        label: `$(debug-stop) ${l10n.t('Exit Sandbox')}`,
        detail: l10n.t('Back to your Azure sign-in.'),
        run: () => this.exit(),
      },
    ];
    const picked = await vscode.window.showQuickPick(actions, { title: l10n.t('Foundry Network Sandbox') });
    await picked?.run();
  }

  dispose(): void {
    this.statusBar.dispose();
    // Closing VS Code stops the emulator; the sandbox stays on, and starts again next time. close() writes the state
    // before it returns its promise, so the lock can go at once.
    if (this.started) {
      void this.started.emulator.close();
      this.started.lock.releaseSync();
      return;
    }
    void this.running?.then(
      async (started) => {
        await started.emulator.close();
        await started.lock.release();
      },
      () => undefined,
    );
  }

  private async require(): Promise<Running> {
    if (!this.running) throw new Error(l10n.t('The sandbox is not running: run "Foundry: Try the Sandbox" first.'));
    return this.running;
  }

  private async launch(): Promise<Running> {
    const directory = join(this.extension.globalStorageUri.fsPath, 'sandbox');
    await mkdir(directory, { recursive: true });
    const lock = await lockSandbox(directory);
    try {
      return await this.launchLocked(directory, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private async launchLocked(directory: string, lock: SandboxLock): Promise<Running> {
    // A fresh secret each start: only this window and the az commands it shows know it.
    const clientSecret = randomBytes(24).toString('hex');
    const { emulator, setAsidePath } = await startOnSavedState(loadEmulatorBundle(), {
      port: 0,
      seed: 'demo',
      statePath: join(directory, 'state.json'),
      lro: 'realistic',
      clientSecret,
    });
    if (setAsidePath) this.reportSetAside(setAsidePath);
    try {
      return await this.describe(emulator, directory, clientSecret, lock);
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }

  /** What the view and az need to reach the running emulator, its certificate and cloud written for az. */
  private async describe(
    emulator: SandboxEmulator,
    directory: string,
    clientSecret: string,
    lock: SandboxLock,
  ): Promise<Running> {
    const certificate = await readFile(emulator.caCertPath, 'utf8');
    const login: SandboxLogin = {
      url: emulator.url,
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      clientSecret,
      certificatePath: join(directory, 'emulator-ca.pem'),
      cloudConfigPath: join(directory, 'cloud.json'),
      azureConfigDirectory: join(directory, 'az'),
    };
    await writeFile(login.certificatePath, certificate);
    await writeFile(login.cloudConfigPath, JSON.stringify(sandboxCloudConfig(emulator.url), null, 2));
    log().info(`Sandbox started: the local ARM emulator at ${emulator.url}, its state in ${directory}.`);
    const { url, tenantId, clientId } = emulator;
    return { emulator, endpoint: { url, certificate, tenantId, clientId, clientSecret }, login, lock };
  }

  private reportSetAside(setAsidePath: string): void {
    log().warn(`Sandbox: its saved state could not be read; it was moved to ${setAsidePath}.`);
    void vscode.window.showWarningMessage(
      l10n.t(
        'The sandbox could not read the state it saved, so it starts from the demo topology. The old state was kept as {0}.',
        setAsidePath,
      ),
    );
  }

  private async show(running: Running): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_SANDBOX, true);
    this.view.treeView.title = l10n.t('{0} — Sandbox', viewTitle());
    this.view.treeView.description = l10n.t('local emulator, not Azure');
    this.statusBar.text = `$(beaker) ${l10n.t('Sandbox')}`;
    this.statusBar.tooltip = l10n.t(
      'Foundry Network shows the sandbox: a local emulator of Azure at {0}, not your tenant. Click for its actions.',
      running.endpoint.url,
    );
    this.statusBar.command = 'foundryNetwork.sandboxActions';
    this.statusBar.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.statusBar.show();
  }

  private async hide(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_SANDBOX, false);
    this.view.treeView.title = viewTitle();
    this.view.treeView.description = undefined;
    this.statusBar.hide();
  }
}
