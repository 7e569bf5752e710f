import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openFoundryView, runCommand, screenshot, useWorkbench } from './workbench';

describe('UI: the packaged extension before sign-in', () => {
  const workbench = useWorkbench();

  it('shows the Foundry view with its welcome content', async () => {
    const { page } = workbench.current;
    await openFoundryView(page);
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByRole('button', { name: 'Sign in to Azure' }).waitFor();
    await welcome.getByRole('button', { name: 'Try the Sandbox' }).waitFor();
    assert.match(await welcome.innerText(), /See how exposed or isolated each Azure AI Foundry hub is/);
    await screenshot(page, 'welcome-view');
  });

  it('runs "Foundry: Show Log" from the palette and shows the extension log', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Foundry: Show Log');
    const output = page.locator('.panel .output-view, .part.panel');
    await output.first().waitFor();
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'Foundry Network activated' })
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'show-log-command');
  });
});
