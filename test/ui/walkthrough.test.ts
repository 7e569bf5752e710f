import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCommand, screenshot, useWorkbench } from './workbench';

describe('UI: the walkthrough of the packaged extension', () => {
  const workbench = useWorkbench();

  it('opens from "Welcome: Open Walkthrough…" on its first step, with its buttons and media, and moves on', async () => {
    const { page } = workbench.current;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Lock down Azure AI Foundry' }).first();
    await pick.waitFor({ timeout: 30_000 });
    await pick.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Lock down Azure AI Foundry with Foundry Network').first().waitFor({ timeout: 30_000 });
    const titles = await walkthrough.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(
      titles.map((title) => title.trim()),
      ['Sign in, or try the sandbox', 'Find your hubs', 'Read a verdict', 'Lock one down', 'Check it from CI'],
    );
    // The first step is open: its buttons run our commands, its markdown media shows beside it.
    const first = walkthrough.locator('.getting-started-step.expanded');
    await first.getByRole('button', { name: 'Sign in to Azure' }).waitFor();
    await first.getByRole('button', { name: 'Try the Sandbox' }).waitFor();
    const media = page
      .frameLocator('.gettingStartedContainer iframe.webview.ready')
      .frameLocator('iframe#active-frame');
    await media.getByRole('heading', { name: 'Sign in, or try the sandbox' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'walkthrough-first-step');
    // Selecting the last step completes it (onStepSelected) and shows its own media.
    await walkthrough.locator('.getting-started-step', { hasText: 'Check it from CI' }).first().click();
    await media.getByRole('heading', { name: 'Check it from CI' }).waitFor({ timeout: 30_000 });
    const last = walkthrough.locator('.getting-started-step', { hasText: 'Check it from CI' }).first();
    assert.equal(await last.getAttribute('aria-checked'), 'true', 'selecting it completes it');
    assert.equal(await walkthrough.locator('.getting-started-step[aria-checked="true"]').count(), 1, 'only it is done');
    await screenshot(page, 'walkthrough-check-from-ci');
  });
});
