import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export interface RunningBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless. The background-networking flags keep it from flooding the closed network. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'foundry-chromium-'));
  const xdg = join(profile, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    env: { ...process.env, XDG_CONFIG_HOME: xdg } as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Logs the browser in to code-server with its password, as its login form does: the session cookie lands in this
 * browser's context, so the workbench and its web socket open after it. A refused password fails here, not later.
 */
export async function logIn(page: Page, server: { url: string; password: string }): Promise<void> {
  const answer = await page.context().request.post(`${server.url}/login`, {
    form: { password: server.password },
    maxRedirects: 0,
  });
  if (answer.status() !== 302)
    throw new Error(`code-server did not take the password: HTTP ${answer.status()} instead of a redirect`);
}

/** Waits for the workbench to be interactive. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
}

/** Drags the sash beside the primary side bar so tree descriptions fit in screenshots. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  const sashX = sideBar.x + sideBar.width;
  const y = sideBar.y + sideBar.height / 2;
  await page.mouse.move(sashX, y);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, y, { steps: 5 });
  await page.mouse.up();
}
