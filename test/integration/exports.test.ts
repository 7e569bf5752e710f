import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/services';
import { ScriptedWizardUi } from '../../src/wizards/framework/scriptedUi';
import { WizardHost } from '../../src/wizards/vscode/wizardHost';
import { EXTENSION_ID, HubsTree, activateExtension } from './hubsTree';

/** Records what is written to the channel (it still writes), until `restore()`. */
function recordLines(channel: vscode.LogOutputChannel): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const { info, warn } = channel;
  channel.info = (message: string, ...args: unknown[]) => {
    lines.push(message);
    info.call(channel, message, ...args);
  };
  channel.warn = (message: string, ...args: unknown[]) => {
    lines.push(message);
    warn.call(channel, message, ...args);
  };
  return {
    lines,
    restore: () => Object.assign(channel, { info, warn }),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `${what} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What activate() returns, and the one output channel. The services reach this suite because VS Code runs it in
 * ExtensionMode.Test (extensionTestsPath); test/unit/extension/exports.test.ts shows the other modes get nothing.
 * VS Code 1.139 hands one extension the same object for two log channels of one name, so a second copy of src/log.ts
 * would pass the line tests here (and hold a disposed channel after disposeLog): the build's bundleOverlap rule and
 * test/unit/build/bundleOverlap.test.ts are what keep that copy out.
 */
describe('the exports and the log channel', function () {
  this.timeout(120_000);
  let services: ExtensionServices;

  before(async () => {
    services = await activateExtension();
  });

  it('gives the services to the test run, which VS Code started in ExtensionMode.Test', () => {
    assert.equal(services.extension.extensionMode, vscode.ExtensionMode.Test);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.exports, services);
    assert.deepEqual(Object.keys(services).sort(), [
      'activationTiming',
      'extension',
      'hubsView',
      'log',
      'sandbox',
      'signIn',
    ]);
  });

  it('refuses a scripted wizard UI to a wizard host outside Test mode', async () => {
    const feature = await services.hubsView.hubs();
    const host = new WizardHost(feature.provider.model, feature.provider, services.log, { acceptsTestUi: false });
    assert.throws(() => host.useUi(new ScriptedWizardUi([])), /only in ExtensionMode\.Test/);
    // Restoring QuickInput is always allowed.
    host.useUi(undefined);
  });

  it("writes the Azure bundle's ARM request lines to the activation bundle's channel", async () => {
    const recorded = recordLines(services.log);
    try {
      await services.hubsView.refresh();
      await new HubsTree(services.hubsView).children();
      await until(
        () => recorded.lines.some((line) => /^GET \/subscriptions.* → 200 \(\d+ ms\)$/.test(line)),
        `no ARM request line in ${JSON.stringify(recorded.lines)}`,
      );
    } finally {
      recorded.restore();
    }
  });

  it("writes a wizard's log through the real QuickInput UI to the same channel", async () => {
    const feature = await services.hubsView.hubs();
    feature.wizards.useUi(undefined);
    const tree = new HubsTree(services.hubsView);
    const endpoints = await tree.child(await tree.hub('hub-private'), /^Private endpoints/);
    const [endpoint] = await tree.children(endpoints);
    assert.ok(endpoint, 'hub-private has a private endpoint');
    const recorded = recordLines(services.log);
    try {
      // Every check passes, so the wizard logs the checklist and then shows a message, which the test closes.
      const running = vscode.commands.executeCommand('foundryNetwork.verifyPrivateEndpoint', endpoint);
      await until(
        () => recorded.lines.filter((line) => line.startsWith('✓ ')).length >= 10,
        `no checklist in ${JSON.stringify(recorded.lines)}`,
      );
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.equal(await running, 'finished');
    } finally {
      recorded.restore();
    }
  });
});
