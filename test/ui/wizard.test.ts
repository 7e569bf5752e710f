import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openFoundryView, runCommand, screenshot, useWorkbench } from './workbench';

/** Picks the QuickInput row whose label contains `label`, once the wizard shows it. */
async function pickRow(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

async function quickInputTitle(page: Page): Promise<string> {
  return (await page.locator('.quick-input-widget .quick-input-title').first().innerText()).trim();
}

describe('UI: Add Private Endpoint… from the palette, against the emulator', () => {
  const workbench = useWorkbench({ withEmulator: true });

  it('turns the public demo hub private with an approved endpoint, step by step', async () => {
    const { page } = workbench.current;
    await openFoundryView(page);
    const hub = page.getByRole('treeitem', { name: /hub-public/ }).first();
    await hub.waitFor({ timeout: 60_000 });
    await hub.click();
    await page.getByRole('treeitem', { name: /Public access: Enabled \(all networks\)/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'wizard-1-public-hub');

    await runCommand(page, 'Foundry: Add Private Endpoint…');
    await pickRow(page, 'Contoso AI (dev)');
    await pickRow(page, 'hub-public');
    // vnet-hub is the hub subscription's only VNet (the other subscription's VNets are one item away); it overlaps
    // Docker's bridge, so a modal asks first.
    await pickRow(page, 'vnet-hub');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /overlaps 172\.17\.0\.0\/16/);
    await screenshot(page, 'wizard-2-docker-warning');
    await dialog.getByRole('button', { name: 'Use it anyway' }).click();
    await pickRow(page, 'snet-pe');
    await page.locator('.quick-input-widget', { hasText: 'The private endpoint name' }).waitFor();
    // Subscription, hub, VNet, subnet, then the name.
    assert.match(await quickInputTitle(page), /Add Private Endpoint: Step 5 of 8/);
    const input = page.locator('.quick-input-widget input');
    await input.fill('pe hub!');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: 'can contain only letters' }).waitFor();
    await screenshot(page, 'wizard-3-name-validation');
    await input.fill('pe-hub-public');
    await input.press('Enter');
    await pickRow(page, 'Azure Private DNS zones');
    await pickRow(page, 'Disable public network access');
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Run these' })
      .first()
      .waitFor();
    await screenshot(page, 'wizard-4-review');
    await pickRow(page, 'Run these');

    const done = page.locator('.notifications-toasts', {
      hasText: 'works: provisioning Succeeded, connection Approved',
    });
    await done.waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /Public access: Disabled/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /Private endpoints \(1\)/ }).click();
    await page.getByRole('treeitem', { name: /pe-hub-public/ }).waitFor({ timeout: 30_000 });
    assert.match(await page.getByRole('treeitem', { name: /pe-hub-public/ }).innerText(), /Approved/);
    await screenshot(page, 'wizard-5-private-hub-with-endpoint');
  });
});
