import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/services';
import { HUBS_PAGE_SIZE } from '../../src/tree/model';
import { moreHubsThanAPage } from '../../src/emulator/seeds/generate';
import { testEmulatorAdmin } from './emulatorAdmin';
import { HubsTree, activateExtension } from './hubsTree';

/** "Load more…" in the real view: a subscription with more hubs than a page (the demo has fewer). */
describe('hubs tree with more hubs than a page', function () {
  this.timeout(180_000);
  const extraHubs = 7;
  let services: ExtensionServices;
  let tree: HubsTree;
  const admin = testEmulatorAdmin();

  before(async () => {
    services = await activateExtension();
    tree = new HubsTree(services.hubsView);
    await admin.reset(moreHubsThanAPage(HUBS_PAGE_SIZE, extraHubs));
    await services.hubsView.refresh();
  });
  after(async () => {
    await admin.reset();
    await services.hubsView.refresh();
  });

  it('shows a page of hubs and "Load more…"; its command shows the rest and reads them', async () => {
    const [subscription, ...others] = await tree.children();
    assert.ok(subscription, 'the generated subscription is listed');
    assert.equal(others.length, 0);
    const total = HUBS_PAGE_SIZE + extraHubs;

    const firstPage = await tree.children(subscription);
    const hubs = firstPage.filter((node) => node.context !== 'loadMore');
    assert.equal(hubs.length, HUBS_PAGE_SIZE);
    assert.deepEqual(
      hubs.map((node) => node.label),
      Array.from({ length: HUBS_PAGE_SIZE }, (_, index) => `hub-${String(index).padStart(3, '0')}`),
    );
    const more = firstPage.at(-1)!;
    assert.equal(more.context, 'loadMore');
    assert.equal(more.label, 'Load more…');
    assert.equal(more.description, `${HUBS_PAGE_SIZE} of ${total} hubs shown`);
    const item = await services.hubsView.getTreeItem(more);
    assert.ok(item.command, 'a click on "Load more…" runs a command');
    // Hubs past the page are not read until shown.
    const model = (await services.hubsView.hubs()).provider.model;
    const lastHub = hubs.at(-1)!;
    const hiddenHubId = lastHub.resourceId!.replace(lastHub.label, `hub-${String(total - 1).padStart(3, '0')}`);
    assert.equal(model.entry(hiddenHubId)?.details, undefined, 'a hub past the page is not read');

    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));

    const everything = await tree.children(subscription);
    assert.equal(everything.filter((node) => node.context === 'loadMore').length, 0, 'no "Load more…" left');
    assert.equal(everything.length, total);
    assert.equal(everything.at(-1)!.label, `hub-${String(total - 1).padStart(3, '0')}`);
    await tree.settled();
    assert.ok(model.entry(hiddenHubId)?.details, 'a hub "Load more…" showed is read');
    const lastRead = (await tree.children(subscription)).at(-1)!;
    assert.match(lastRead.description ?? '', /^(Public|Private|Restricted)/, 'the shown hub has its verdict');
  });
});
