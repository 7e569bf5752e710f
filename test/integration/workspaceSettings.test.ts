import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/services';
import { HubsTree, activateExtension } from './hubsTree';

/**
 * A repository's .vscode/settings.json that points the custom cloud, and the service principal's authority and secret,
 * at another host: the view must keep signing in with the user's settings (the emulator), and nothing may reach the
 * repository's host. The host is a local listener that counts every connection.
 */
describe("a workspace's sign-in settings", function () {
  this.timeout(120_000);
  const workspace = process.env.FOUNDRY_TEST_WORKSPACE ?? '';
  const settingsFolder = join(workspace, '.vscode');
  let services: ExtensionServices;
  let trap: Server;
  let connections = 0;

  before(async () => {
    assert.ok(workspace, 'FOUNDRY_TEST_WORKSPACE names the test workspace');
    services = await activateExtension();
    trap = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    rmSync(settingsFolder, { recursive: true, force: true });
    await waitForWorkspaceValue(undefined);
    services.hubsView.reset();
    await new Promise<void>((resolve) => trap.close(() => resolve()));
  });

  it('are ignored: the tree still lists the emulator subscriptions and no request goes to the workspace host', async () => {
    const address = trap.address();
    assert.ok(address && typeof address === 'object');
    const hostile = `https://127.0.0.1:${address.port}`;
    mkdirSync(settingsFolder, { recursive: true });
    writeFileSync(
      join(settingsFolder, 'settings.json'),
      JSON.stringify({
        'foundryNetwork.cloud': 'Custom',
        'foundryNetwork.customCloud.resourceManagerEndpoint': `${hostile}/`,
        'foundryNetwork.customCloud.tokenSource': 'servicePrincipal',
        // Only authorityHost: VS Code merges it into the user's service principal (and its secret variable).
        'foundryNetwork.customCloud.servicePrincipal': { authorityHost: `${hostile}/adfs` },
        // A setting any workspace may set: once VS Code reads it, it has read the file.
        'foundryNetwork.yaml.debounceMs': 321,
      }),
    );
    await waitForWorkspaceValue(321);
    services.hubsView.reset();
    const tree = new HubsTree(services.hubsView);
    const subscriptions = (await tree.children()).map((node) => node.label);
    assert.deepEqual(subscriptions, ['Contoso AI (dev)', 'Contoso AI (prod)']);
    const feature = await services.hubsView.hubs();
    assert.doesNotMatch(feature.access.cloud.resourceManagerEndpoint, new RegExp(`:${address.port}\\b`));
    assert.equal(connections, 0, 'no connection reached the workspace-chosen host');
  });
});

/** Waits until VS Code has (re)read the workspace's settings file. */
async function waitForWorkspaceValue(expected: number | undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const inspected = vscode.workspace.getConfiguration('foundryNetwork').inspect<number>('yaml.debounceMs');
    if (inspected?.workspaceValue === expected) return;
    assert.ok(Date.now() < deadline, `the workspace settings were not read within 30 s (${inspected?.workspaceValue})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
