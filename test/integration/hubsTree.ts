/** What the in-host suites share: the extension's id, its services, and reading the hubs tree as the user sees it. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/services';
import type { HubsView } from '../../src/tree/hubsView';
import type { NodeView } from '../../src/tree/nodeView';

export const EXTENSION_ID = 'foundry-network.foundry-network';

export async function activateExtension(): Promise<ExtensionServices> {
  return (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as ExtensionServices;
}

/** The hubs view's nodes, waiting where the view itself would wait. */
export class HubsTree {
  constructor(private readonly view: HubsView) {}

  /**
   * A resource says "Loading…" until its state is read, and keeps its last state while a re-read (after a wizard's
   * write) runs: wait until no read is in flight, then for the real children.
   */
  async children(node?: NodeView): Promise<NodeView[]> {
    const deadline = Date.now() + 60_000;
    await this.settled(deadline);
    for (;;) {
      const result = await this.view.getChildren(node);
      if (!(result.length === 1 && result[0]?.label === 'Loading…')) return result;
      assert.ok(Date.now() < deadline, `${node?.label} still loading after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits until the tree model has no read in flight (the background reads and the re-reads after a write). */
  async settled(deadline = Date.now() + 60_000): Promise<void> {
    const model = (await this.view.hubs()).provider.model;
    while (model.resources().some((entry) => entry.reading)) {
      assert.ok(Date.now() < deadline, 'the tree is still reading after 60 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async child(parent: NodeView | undefined, label: RegExp): Promise<NodeView> {
    const all = await this.children(parent);
    const found = all.find((node) => label.test(node.label));
    const seen = all.map((node) => `${node.label} ${node.description ?? ''}`.trim()).join(' | ');
    assert.ok(found, `no child ${label} under ${parent?.label ?? 'the root'}; children: ${seen}`);
    return found;
  }

  /** The hub of that name, in whichever subscription holds it. */
  async hub(name: string): Promise<NodeView> {
    for (const subscription of await this.children()) {
      const found = (await this.children(subscription)).find((node) => node.label === name);
      if (found) return found;
    }
    assert.fail(`hub ${name} not found`);
  }
}
