import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widenSideBar } from '../harness/browser';
import { openFoundryView, screenshot, useWorkbench } from './workbench';

describe('UI: the hubs tree against the emulator', () => {
  const workbench = useWorkbench({ withEmulator: true });

  it('lists the demo subscriptions and hubs, and expands a hub into its network state', async () => {
    const { page } = workbench.current;
    await openFoundryView(page);
    await widenSideBar(page, 560);
    await page.getByRole('treeitem', { name: /Contoso AI \(dev\)/ }).waitFor({ timeout: 60_000 });
    // Before anything is expanded, each hub line says its verdict: selected IPs are not shown as public.
    const hub = page.getByRole('treeitem', { name: /^hub-selected-ips/ });
    await page
      .getByRole('treeitem', { name: /^hub-selected-ips.*Restricted \(selected IPs\)/ })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /^hub-public.*Public/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /^hub-private.*Private/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /^hub-pending.*Broken/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'tree-first-screen');
    await hub.click();
    await page.keyboard.press('ArrowRight');
    const access = page.getByRole('treeitem', { name: /Public access: Enabled \(selected IPs: 3 rules\)/ });
    await access.waitFor({ timeout: 60_000 });
    await access.click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^52\.174\.12\.0\/24/ }).waitFor();
    assert.match(await hub.innerText(), /Restricted \(selected IPs\)/);
    for (const section of [
      /^Private endpoints \(0\)/,
      /^DNS/,
      /^Outbound/,
      /^Dependent resources/,
      /^Findings \(\d+\)/,
    ]) {
      assert.equal(await page.getByRole('treeitem', { name: section }).count(), 1, `section ${section} is shown`);
    }
    await screenshot(page, 'tree-hub-selected-ips');
  });

  it('shows the incomplete DNS of the prod hub', async () => {
    const { page } = workbench.current;
    await page.getByRole('treeitem', { name: /^hub-dns-incomplete/ }).click();
    await page.keyboard.press('ArrowRight');
    const dns = page.getByRole('treeitem', { name: /^DNS.*incomplete/ });
    await dns.waitFor({ timeout: 60_000 });
    await dns.click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^privatelink\.notebooks\.azure\.net missing/ }).waitFor();
    await screenshot(page, 'tree-dns-incomplete');
  });

  it("runs a finding's fix from its fix button, and a click on the row only reveals", async () => {
    const { page } = workbench.current;
    for (const name of [/^hub-selected-ips/, /^hub-dns-incomplete/]) {
      await page.getByRole('treeitem', { name }).click();
      await page.keyboard.press('ArrowLeft');
    }
    await page.getByRole('treeitem', { name: /^hub-public Public/ }).click();
    await page.keyboard.press('ArrowRight');
    const findings = page.getByRole('treeitem', { name: /^Findings \(1\)/ });
    await findings.waitFor({ timeout: 60_000 });
    await findings.click();
    await page.keyboard.press('ArrowRight');
    const finding = page.getByRole('treeitem', { name: /^hub-public is reachable from all networks/ });
    await finding.waitFor();
    await finding.click();
    // A click reveals (selects) the resource the finding is about, here the hub itself; no wizard starts.
    await page
      .locator('[role="treeitem"][aria-selected="true"]', { hasText: /^hub-public/ })
      .waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.quick-input-widget:visible').count(), 0, 'a plain click starts no change');
    await finding.hover();
    const fix = finding.getByRole('button', { name: 'Fix' });
    await fix.waitFor();
    await screenshot(page, 'tree-finding-fix-button');
    await fix.click();
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.waitFor({ timeout: 30_000 });
    assert.match(await title.innerText(), /Set Public Network Access/);
    await screenshot(page, 'tree-finding-fix-started');
    await page.keyboard.press('Escape');
    await page.getByRole('treeitem', { name: /^hub-public Public/ }).click();
    await page.keyboard.press('ArrowLeft');
  });

  it('expands the AI Services account into its public access with its IP rule, and its private endpoints', async () => {
    const { page } = workbench.current;
    const account = page.getByRole('treeitem', { name: /^ais-foundry-prod/ });
    await account.click();
    await page.keyboard.press('ArrowRight');
    const access = page.getByRole('treeitem', { name: /Public access: Enabled \(selected networks: 1 IP rule\)/ });
    await access.waitFor({ timeout: 60_000 });
    await access.click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^20\.61\.0\.0\/16/ }).waitFor();
    assert.equal((await page.getByRole('treeitem', { name: /^Private endpoints \(0\)/ }).count()) >= 1, true);
    await screenshot(page, 'tree-ai-services-account');
  });
});
