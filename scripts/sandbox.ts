// `npm run sandbox` (development): code-server in a browser with the freshly packaged extension, and nothing else: no
// emulator, no settings, none of your environment beyond the variables test/harness/codeServer.ts allows. "Try the
// Sandbox" in the Foundry view starts the emulator inside the extension host, as it does in any installed VS Code, so
// no secret or admin token ever reaches code-server's environment (where `env` in a terminal would show it). It asks
// for a random password, kept in .sandbox/config.yaml (readable by you only). Prints the URL; Ctrl+C stops it.
// `npm run sandbox -- --screenshot out.png` opens it headless, clicks "Try the Sandbox", saves a screenshot, and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, logIn, waitForWorkbench, widenSideBar } from '../test/harness/browser';
import { type RunningCodeServer, startCodeServer } from '../test/harness/codeServer';
import { REPO_ROOT } from '../test/harness/paths';
import { packagedVsix } from '../test/ui/workbench';

interface SandboxOptions {
  port: number | undefined;
  screenshot: string | undefined;
}

function parseOptions(argv: string[]): SandboxOptions {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, screenshot: { type: 'string' } },
      strict: true,
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
      throw new Error(`--port must be a TCP port, not "${values.port}"`);
    return { port, screenshot: values.screenshot ? resolve(values.screenshot) : undefined };
  } catch (error) {
    console.error(`sandbox: ${(error as Error).message}. Usage: npm run sandbox -- [--port N] [--screenshot out.png]`);
    process.exit(2);
  }
}

function run(title: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`sandbox: ${title} failed`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  run('setup', 'bash', ['scripts/setup.sh']);
  run('packaging the extension', process.execPath, ['scripts/package.mjs']);
  const runDir = join(REPO_ROOT, '.sandbox');
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const server = await startCodeServer({ vsixFiles: [packagedVsix()], runDir, port: options.port });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  if (options.screenshot) {
    try {
      await takeScreenshot(server, url, options.screenshot);
      console.log(`sandbox: screenshot saved to ${options.screenshot}`);
    } finally {
      await server.close();
    }
    return;
  }
  console.log(
    `\nFoundry Network in code-server is ready.\n  Open ${url}\n  Its password is in ${join(runDir, 'config.yaml')}.\n  In the Foundry Network view, click "Try the Sandbox": the emulator starts inside the extension.\nPress Ctrl+C to stop.`,
  );
  await new Promise<void>((done) => {
    const onSignal = () => void server.close().then(done);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

async function takeScreenshot(server: RunningCodeServer, url: string, path: string): Promise<void> {
  const browser = await launchBrowser({ viewport: { width: 1500, height: 800 } });
  try {
    const { page } = browser;
    await logIn(page, server);
    await page.goto(url);
    await waitForWorkbench(page);
    await page.locator('.activitybar [aria-label^="Foundry Network"]').first().click();
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Try the Sandbox' }).click();
    const hub = page.getByRole('treeitem', { name: /hub-private/ }).first();
    await hub.waitFor({ timeout: 60_000 });
    await hub.click();
    await page.keyboard.press('ArrowRight');
    await page
      .getByRole('treeitem', { name: /Private endpoints \(1\)/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await widenSideBar(page, 560);
    await page.waitForTimeout(500);
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path });
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`sandbox: ${error.message}`);
  process.exit(1);
});
