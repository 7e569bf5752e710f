import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { goTo, openQuickFix, quickOpen, screenshot, useWorkbench } from './workbench';

const FILE = 'hub-docs-example.yaml';
/** The extension host of a fresh code-server can take half a minute to activate extensions (a guard, not a budget). */
const STARTUP_MS = 90_000;

/** The editor's text as shown: the view renders spaces as no-break spaces. */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(
    /\u00a0/g,
    ' ',
  );
}

describe('UI: hub YAML diagnostics and quick fixes in the packaged extension', () => {
  const workbench = useWorkbench();

  it('squiggles the Azure docs’ repeated value: form and lists it in the Problems panel with its code', async () => {
    const { page } = workbench.current;
    await quickOpen(page, FILE);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STARTUP_MS });
    await page
      .locator('.monaco-editor .codelens-decoration', { hasText: 'Selected IPs' })
      .waitFor({ state: 'attached', timeout: STARTUP_MS });
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.waitFor();
    await problems.getByText('ip-rules-not-a-list').first().waitFor();
    const listed = await problems.innerText();
    assert.match(listed, /ip_rules is a mapping with the key "value" 2 times/);
    assert.match(listed, /duplicate-key/);
    assert.match(listed, /foundry-network/);
    await screenshot(page, 'yaml-docs-example-problems');
  });

  it('repairs it with the lightbulb quick fix: the squiggles go and ip_rules is a list keeping both values', async () => {
    const { page } = workbench.current;
    // Its own start: the file open and checked, whatever the test before left.
    await quickOpen(page, FILE);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STARTUP_MS });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await goTo(page, 8, 6);
    // The lightbulb shows once the code actions at the cursor are known; Ctrl+. before that can find none.
    await page.locator('.monaco-editor .lightBulbWidget').first().waitFor();
    const fix = await openQuickFix(page, 'Convert ip_rules to a list');
    await screenshot(page, 'yaml-docs-example-quick-fix');
    await fix.click();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    const text = await editorText(page);
    assert.match(
      text,
      /ip_rules:\n\s*- value: "52\.168\.10\.0\/24"\n\s*- value: "20\.42\.17\.8"\n\s*default_action: Deny/,
    );
    await page.locator('.markers-panel').getByText('ip-rules-not-a-list').waitFor({ state: 'detached' });
    // The CodeLens above network_acls follows: the two values are now two rules.
    await page
      .locator('.monaco-editor .codelens-decoration', { hasText: 'Selected IPs: 2 rules' })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'yaml-docs-example-fixed');
  });
});
