import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openFoundryView, runCommand, screenshot, useWorkbench } from './workbench';

describe('UI: the topology view of the demo private hub', () => {
  const workbench = useWorkbench({ withEmulator: true });

  it('draws the real nodes and edges, coloured by the assessment, and each node is a labelled button', async () => {
    const { page } = workbench.current;
    await openFoundryView(page);
    // The hub's line says its verdict once it has been read: the picture is drawn from that read.
    await page.getByRole('treeitem', { name: /^hub-private.*Private/ }).waitFor({ timeout: 90_000 });
    await runCommand(page, 'Foundry: Show Topology');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'hub-private' }).first();
    await pick.waitFor();
    await pick.click();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const picture = frame.locator('svg.topology');
    await picture.waitFor({ timeout: 30_000 });
    const nodes = await frame.locator('svg.topology .node').evaluateAll((elements) =>
      elements.map((element) => ({
        kind: element.getAttribute('data-kind'),
        status: element.getAttribute('data-status'),
        label: element.getAttribute('aria-label') ?? '',
        focusable: element.getAttribute('tabindex') === '0' && element.getAttribute('role') === 'button',
      })),
    );
    const names = nodes.map((node) => `${node.kind}:${node.label.split(',')[0]}:${node.status}`).sort();
    assert.deepEqual(names, [
      'dependency:crfoundrydev:warning',
      'dependency:kv-foundry-dev:warning',
      'dependency:stfoundrydev:public',
      'dnsZone:privatelink.api.azureml.ms:ok',
      'dnsZone:privatelink.notebooks.azure.net:ok',
      'hub:hub-private:private',
      'outboundRule:allow-pypi:ok',
      'privateEndpoint:pe-hub-private:ok',
      'project:proj-private:neutral',
      'subnet:snet-pe:neutral',
      'virtualNetwork:vnet-hub:neutral',
    ]);
    assert.ok(nodes.every((node) => node.focusable));
    // Findings show on the node they are about.
    assert.equal(nodes.find((node) => node.kind === 'hub')!.label, 'hub-private, hub, Private');
    assert.match(
      nodes.find((node) => node.label.startsWith('stfoundrydev'))!.label,
      /, 3 findings: Storage account stfoundrydev is reachable from all networks/,
    );
    assert.match(
      nodes.find((node) => node.kind === 'virtualNetwork')!.label,
      /1 finding: vnet-hub overlaps Docker's 172\.17\.0\.0\/16/,
    );
    const edges = await frame
      .locator('svg.topology .edge-group')
      .evaluateAll((elements) =>
        elements.map((element) => `${element.getAttribute('data-from')}>${element.getAttribute('data-to')}`),
      );
    assert.equal(edges.length, 12);
    assert.ok(edges.some((edge) => /privateendpoints\/pe-hub-private>.*workspaces\/hub-private$/.test(edge)));
    await screenshot(page, 'topology-hub-private');
    // Enter on a node reveals it in the Foundry view.
    await frame.locator('svg.topology .node[data-kind="dnsZone"]').first().focus();
    await page.keyboard.press('Enter');
    await page
      .locator('[role="treeitem"][aria-selected="true"]', { hasText: /^privatelink\./ })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'topology-reveal-in-tree');
  });

  it('exports the picture as SVG and PNG files', async () => {
    const { page, workspace } = workbench.current;
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    for (const [button, extension] of [
      ['Export SVG', 'svg'],
      ['Export PNG', 'png'],
    ] as const) {
      await frame.getByRole('button', { name: button }).click();
      // code-server's save dialog is a quick input proposing the workspace folder and a name from the title.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      const proposed = join(workspace, `Network-of-hub-hub-private.${extension}`);
      // The dialog fills the proposed path in after it opens.
      const deadline = Date.now() + 30_000;
      while ((await input.inputValue()) !== proposed) {
        assert.ok(Date.now() < deadline, `the save dialog proposes ${await input.inputValue()}, not ${proposed}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await page.keyboard.press('Enter');
      await waitForFile(proposed);
    }
    const svg = readFileSync(join(workspace, 'Network-of-hub-hub-private.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="topology"/);
    assert.match(svg, /<style>/);
    assert.deepEqual(
      [...readFileSync(join(workspace, 'Network-of-hub-hub-private.png')).subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    );
  });
});

/** The file is written once the dialog closes: wait until it exists and is not empty. */
async function waitForFile(path: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(existsSync(path) && statSync(path).size > 0)) {
    assert.ok(Date.now() < deadline, `${path} was not written`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
