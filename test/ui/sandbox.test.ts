import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { widenSideBar } from '../harness/browser';
import { openFoundryView, runCommand, screenshot, useWorkbench } from './workbench';

/** Through the palette: clicking the activity bar icon of a view already shown would hide the side bar. */
async function showHubsView(page: Page): Promise<void> {
  await runCommand(page, 'Foundry Network: Focus on Hubs View');
  await page.locator('[id="workbench.view.extension.foundryNetwork"]').waitFor();
}

/** Every file under directory and its text, once one of them satisfies found (within 20 s). */
async function waitForFiles(
  directory: string,
  found: (path: string, text: string) => boolean,
): Promise<(readonly [string, string])[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const files = readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [path, readFileSync(path, 'utf8')] as const);
    if (files.some(([path, text]) => found(path, text))) return files;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`nothing under ${directory} appeared as expected`);
}

/**
 * The one-click sandbox from the packaged VSIX alone: no emulator started by the test, no environment or settings that
 * point at one. The extension starts the emulator in its own host.
 */
describe('UI: Try the Sandbox from the installed extension', () => {
  const workbench = useWorkbench();
  /** The client secret of this start, read from the az commands the sandbox shows. */
  let sandboxSecret: string | undefined;

  it('starts the sandbox from the welcome view and shows the demo hubs, marked Sandbox', async () => {
    const { page } = workbench.current;
    await openFoundryView(page);
    await widenSideBar(page, 560);
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByRole('button', { name: 'Try the Sandbox' }).click();
    await page.getByRole('treeitem', { name: /Contoso AI \(dev\)/ }).waitFor({ timeout: 90_000 });
    for (const hub of [/^hub-public/, /^hub-private/, /^hub-dns-incomplete/])
      await page.getByRole('treeitem', { name: hub }).waitFor({ timeout: 60_000 });
    const view = page.locator('[id="workbench.view.extension.foundryNetwork"]');
    assert.match(await view.locator('.title').first().innerText(), /sandbox/i, 'the view title says Sandbox');
    await page.locator('.statusbar-item', { hasText: 'Sandbox' }).first().waitFor();
    await screenshot(page, 'sandbox-demo-hubs');
  });

  it('expands a hub of the sandbox into its network state', async () => {
    const { page } = workbench.current;
    await page.getByRole('treeitem', { name: /^hub-private/ }).click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^Private endpoints \(1\)/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'sandbox-hub-private');
  });

  it('shows the az commands that drive the same sandbox', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Foundry: Show az Commands for the Sandbox');
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.filter({ hasText: 'az cloud register' }).waitFor({ timeout: 20_000 });
    // The editor renders spaces as no-break spaces.
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /az login --service-principal -u \S+ --password=\S+ --tenant/);
    sandboxSecret = /--password=(\S+)/.exec(text)?.[1];
    assert.match(text, /^export REQUESTS_CA_BUNDLE='?\/.*globalStorage.*emulator-ca\.pem'?$/m);
    await screenshot(page, 'sandbox-az-commands');
  });

  it("keeps the sandbox's secret out of the log and out of a terminal's environment", async () => {
    const { page, workspace, userDataDir } = workbench.current;
    const secret = sandboxSecret;
    assert.ok(secret && secret.length >= 32, 'the az commands carry the secret of this start');
    const logs = await waitForFiles(
      join(userDataDir, 'logs'),
      (path, text) => path.endsWith('Foundry Network.log') && text.includes('Sandbox started'),
    );
    for (const [path, text] of logs) assert.ok(!text.includes(secret), `${path} holds the sandbox's secret`);

    await runCommand(page, 'Terminal: Create New Terminal');
    await page.locator('.terminal-wrapper.active .xterm-helper-textarea').waitFor({ state: 'attached' });
    await page.keyboard.type('env > sandbox-env.tmp && mv sandbox-env.tmp sandbox-env.txt\n');
    const environmentFile = join(workspace, 'sandbox-env.txt');
    const files = await waitForFiles(workspace, (path) => path === environmentFile);
    const environment = files.find(([path]) => path === environmentFile)?.[1] ?? '';
    assert.match(environment, /^PATH=/m, 'the terminal wrote its environment');
    assert.ok(!environment.includes(secret), "the terminal's environment holds the sandbox's secret");
    // The sandbox sets nothing for terminals: no emulator, no secret, not its certificate (az gets it only when asked).
    assert.doesNotMatch(environment, /FOUNDRY_EMULATOR|FOUNDRY_NETWORK_CLIENT_SECRET|emulator-ca\.pem/);
    await runCommand(page, 'Terminal: Kill All Terminals');
  });

  it('starts again by itself after a reload of the window', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'Sandbox' }).first().waitFor({ timeout: 90_000 });
    await showHubsView(page);
    await page.getByRole('treeitem', { name: /^hub-private/ }).waitFor({ timeout: 90_000 });
    await screenshot(page, 'sandbox-after-reload');
  });

  it('resets the sandbox to the demo topology', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Foundry: Reset Sandbox');
    await page
      .locator('.notification-toast', { hasText: 'The sandbox is back to the demo topology.' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^hub-private/ }).waitFor({ timeout: 60_000 });
  });

  it('exits the sandbox and shows the welcome view again', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Foundry: Exit Sandbox');
    await showHubsView(page);
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByRole('button', { name: 'Try the Sandbox' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.statusbar-item', { hasText: 'Sandbox' }).count(), 0, 'no Sandbox status');
    await screenshot(page, 'sandbox-exited');
  });
});
