import * as assert from 'node:assert/strict';
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
});
