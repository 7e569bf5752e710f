import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widenSideBar } from '../harness/browser';
import { expandRow, foldedFoundryView, screenshot, useWorkbench } from './workbench';

describe('UI: the hubs tree against the emulator', () => {
  const workbench = useWorkbench({ withEmulator: true });

  it('lists the demo subscriptions and hubs, and expands a hub into its network state', async () => {
    const { page } = workbench.current;
    await foldedFoundryView(page);
    await widenSideBar(page, 560);
    await expandRow(page, /Contoso AI \(dev\)/);
    const hub = await expandRow(page, /^hub-selected-ips/);
    await expandRow(page, /Public access: Enabled \(selected IPs: 3 rules\)/);
    await page.getByRole('treeitem', { name: /^52\.174\.12\.0\/24/ }).waitFor();
    // The hub's own line now says what the details say.
    assert.match(await hub.innerText(), /Enabled from selected IPs \(3 rules\)/);
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
    await foldedFoundryView(page);
    await expandRow(page, /Contoso AI \(prod\)/);
    await expandRow(page, /^hub-dns-incomplete/);
    await expandRow(page, /^DNS.*incomplete/);
    await page.getByRole('treeitem', { name: /^privatelink\.notebooks\.azure\.net missing/ }).waitFor();
    await screenshot(page, 'tree-dns-incomplete');
  });

  it('expands the AI Services account into its public access with its IP rule, and its private endpoints', async () => {
    const { page } = workbench.current;
    await foldedFoundryView(page);
    await expandRow(page, /Contoso AI \(prod\)/);
    await expandRow(page, /^ais-foundry-prod/);
    await expandRow(page, /Public access: Enabled \(selected networks: 1 IP rule\)/);
    await page.getByRole('treeitem', { name: /^20\.61\.0\.0\/16/ }).waitFor();
    assert.equal((await page.getByRole('treeitem', { name: /^Private endpoints \(0\)/ }).count()) >= 1, true);
    await screenshot(page, 'tree-ai-services-account');
  });
});
