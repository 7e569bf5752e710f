// `npm run sandbox`: the local ARM emulator with the demo topology, and code-server with the freshly packaged
// extension pointed at it through the ordinary custom-cloud settings. Prints the URL; Ctrl+C stops everything.
// `npm run sandbox -- --screenshot out.png` opens it headless, saves a screenshot of the Foundry view, and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, waitForWorkbench, widenSideBar } from '../test/harness/browser';
import { startCodeServer } from '../test/harness/codeServer';
import { startTestEmulator } from '../test/harness/emulatorEnvironment';
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
  const emulator = await startTestEmulator({ lro: options.screenshot ? 'instant' : 'realistic' });
  const runDir = join(REPO_ROOT, '.sandbox');
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const server = await startCodeServer({
    vsixFiles: [packagedVsix()],
    settings: emulator.settings,
    env: emulator.env,
    runDir,
    port: options.port,
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  const stop = async () => {
    await server.close();
    await emulator.close();
  };
  if (options.screenshot) {
    try {
      await takeScreenshot(url, options.screenshot);
      console.log(`sandbox: screenshot saved to ${options.screenshot}`);
    } finally {
      await stop();
    }
    return;
  }
  console.log(
    `\nFoundry Network sandbox is ready.\n  Open ${url}\n  ARM emulator: ${emulator.emulator.url} (demo topology)\nPress Ctrl+C to stop.`,
  );
  await new Promise<void>((done) => {
    const onSignal = () => void stop().then(done);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

async function takeScreenshot(url: string, path: string): Promise<void> {
  const browser = await launchBrowser({ viewport: { width: 1500, height: 800 } });
  try {
    const { page } = browser;
    await page.goto(url);
    await waitForWorkbench(page);
    await page.locator('.activitybar [aria-label^="Foundry Network"]').first().click();
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
