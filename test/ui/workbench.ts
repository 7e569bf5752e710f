import { existsSync, mkdirSync, mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, waitForWorkbench, type RunningBrowser } from '../harness/browser';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { SANDBOX_SECRET_ENV, startTestEmulator, type TestEmulator } from '../harness/emulatorEnvironment';
import { REPO_ROOT, TEST_RESULTS_DIR } from '../harness/paths';

/** A fresh code-server with the packaged VSIX installed, and a fresh browser on it. */
export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  readonly emulator: TestEmulator | undefined;
  /** code-server's user data (its logs/ hold the extension host's output channels). */
  readonly userDataDir: string;
  close(): Promise<void>;
}

export function packagedVsix(): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(REPO_ROOT, `foundry-network-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run "npm run package" first`);
  return vsix;
}

export async function openWorkbench(
  options: { withEmulator?: boolean; settings?: Record<string, unknown> } = {},
): Promise<Workbench> {
  const scratch = mkdtempSync(join(tmpdir(), 'foundry-ui-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  let emulator: TestEmulator | undefined;
  let server: RunningCodeServer | undefined;
  let browser: RunningBrowser | undefined;
  try {
    emulator = options.withEmulator ? await startTestEmulator() : undefined;
    server = await startCodeServer({
      vsixFiles: [packagedVsix()],
      settings: { ...emulator?.settings, ...options.settings },
      env: emulator?.env,
    });
    browser = await launchBrowser({ viewport: { width: 1500, height: 850 } });
    await logIn(browser.page, server);
    // The workbench itself is what the tests need (waitForWorkbench): the page's load event, which waits for every
    // script, passes Playwright's 30 s on a loaded 2-core machine.
    await browser.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, {
      waitUntil: 'domcontentloaded',
    });
    await waitForWorkbench(browser.page);
    if (emulator) await allowEmulatorSecret(browser.page, emulator);
  } catch (error) {
    await browser?.close();
    await server?.close();
    await emulator?.close();
    throw error;
  }
  const opened = { browser, server, emulator };
  return {
    page: opened.browser.page,
    workspace,
    emulator,
    userDataDir: opened.server.userDataDir,
    close: async () => {
      await opened.browser.close();
      await opened.server.close();
      await opened.emulator?.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The first sign-in with a service principal asks, in a modal, before the secret in its environment variable goes to
 * the token authority (src/settings/secretUse.ts). Opening the Foundry view signs in: the test checks the question names
 * the emulator's authority and the variable, and allows it, as a user would once.
 */
async function allowEmulatorSecret(page: Page, emulator: TestEmulator): Promise<void> {
  await openFoundryView(page);
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  const text = await dialog.innerText();
  for (const expected of [SANDBOX_SECRET_ENV, `${emulator.emulator.url}/adfs`]) {
    if (!text.includes(expected)) throw new Error(`the sign-in question does not name ${expected}: ${text}`);
  }
  await screenshot(page, 'sign-in-secret-question');
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const path = join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Shows the Foundry view, whatever the side bar shows now (a click on the active icon would hide it instead). */
export async function openFoundryView(page: Page): Promise<void> {
  const container = page.locator('[id="workbench.view.extension.foundryNetwork"]');
  if (!(await container.isVisible()))
    await page.locator('.activitybar [aria-label^="Foundry Network"]').first().click();
  await container.waitFor();
}

/** The Foundry view with every node folded: a test that starts here does not depend on what earlier tests opened. */
export async function foldedFoundryView(page: Page): Promise<void> {
  await openFoundryView(page);
  const sideBar = page.locator('.part.sidebar');
  await sideBar.hover();
  await sideBar.getByRole('button', { name: 'Collapse All' }).click();
}

/** Expands the tree row whose name matches (once it is there), unless it is expanded already; returns the row. */
export async function expandRow(page: Page, name: RegExp): Promise<Locator> {
  const row = page.getByRole('treeitem', { name }).first();
  await row.waitFor({ timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.click();
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('treeitem', { name, expanded: true }).first().waitFor({ timeout: 60_000 });
  return row;
}

/** Runs a command from the palette by its full title, e.g. "Foundry: Show Log". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
}

/**
 * One workbench for the tests of a `describe`: opened before them, closed after them, and a screenshot named after
 * each failing test, so a CI failure shows what the workbench looked like. The value is there once `before` has run.
 */
export function useWorkbench(options: Parameters<typeof openWorkbench>[0] = {}): { readonly current: Workbench } {
  let opened: Workbench | undefined;
  before(async () => {
    opened = await openWorkbench(options);
  });
  after(async () => {
    await opened?.close();
  });
  afterEach(async (t) => {
    // Node ≥ 20.12 sets `passed` on the test's context; @types/node 20 does not declare it yet.
    if ((t as { passed?: boolean }).passed !== false || !opened) return;
    await screenshot(opened.page, `failed-${t.name.replace(/[^\w-]+/g, '-').slice(0, 80)}`).catch(() => undefined);
  });
  return {
    get current(): Workbench {
      if (!opened) throw new Error('the workbench opens in before(): use it inside a test');
      return opened;
    },
  };
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/**
 * Moves the cursor with Go to Line (Ctrl+G, `:line:column`), then waits until the quick input has closed and the status
 * bar shows the new position: keys pressed before that would still go to the closing quick input.
 */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const quickInput = page.locator('.quick-input-widget');
  await quickInput.locator('input').waitFor();
  await quickInput.locator('input').fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden' });
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor();
}

/**
 * Opens the quick-fix menu at the cursor (Ctrl+.) and returns its row with this title. The menu is asked for again
 * (at most three times) when it opens before the editor has the code actions at the cursor, or the key press is lost
 * while the editor takes focus; the test still fails when the fix never comes.
 */
export async function openQuickFix(page: Page, title: string): Promise<Locator> {
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: 10_000 });
      return row;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
