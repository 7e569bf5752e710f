// Runs the mocha suites of out/test/integration inside code-server's real extension host.
// The workbench reads extensionDevelopmentPath/extensionTestsPath from the URL payload (smoke-test-driver mode);
// the result comes back through window.codeAutomationExit, the counts through a results file.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser, logIn, waitForWorkbench } from './browser';
import { startCodeServer } from './codeServer';
import { adminConnectionEnv, startTestEmulator } from './emulatorEnvironment';
import { REPO_ROOT } from './paths';

const SUITE_TIMEOUT_MS = Number(process.env.FOUNDRY_INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);

/** Workbench chatter that arrives through codeAutomationLog but is not ours (the network is closed). */
const NOISE = [
  /ENOTFOUND/,
  /marketplace/i,
  /ERR_NAME_NOT_RESOLVED/,
  /Failed to load resource/,
  /update\.code\.visualstudio/,
];

interface Results {
  passed: number;
  failed: number;
  pending: number;
  pendingTitles?: string[];
  failures: { title: string; error: string }[];
}

/** The summary scripts/test.mjs reads (FOUNDRY_SUITE_SUMMARY): the same shape as scripts/testCounts.mjs writes. */
function writeSummary(results: Results, extraFailure?: string): void {
  const file = process.env.FOUNDRY_SUITE_SUMMARY;
  if (!file) return;
  const failed = results.failures.map((failure) => ({ name: failure.title, error: failure.error.split('\n')[0] }));
  // A failure mocha counted without a title (it always gives one) still counts.
  for (let missing = failed.length; missing < results.failed; missing++)
    failed.push({ name: 'integration', error: 'failed' });
  if (extraFailure) failed.push({ name: 'integration', error: extraFailure });
  const skipped = (results.pendingTitles ?? []).map((name) => ({ kind: 'test', name, reason: 'skipped in the test' }));
  writeFileSync(file, JSON.stringify({ passed: results.passed, failed, skipped }, null, 2));
}

async function main(): Promise<number> {
  const testsIndex = join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(testsIndex)) throw new Error(`${testsIndex} is missing: run "npm run build" first`);
  const scratch = mkdtempSync(join(tmpdir(), 'foundry-integration-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = join(scratch, 'results.json');

  const emulator = await startTestEmulator();
  // FOUNDRY_TEST_GREP (test/integration/index.ts) picks the tests to run, when the developer sets it.
  const grep: Record<string, string> = process.env.FOUNDRY_TEST_GREP
    ? { FOUNDRY_TEST_GREP: process.env.FOUNDRY_TEST_GREP }
    : {};
  const server = await startCodeServer({
    smokeTestDriver: true,
    settings: emulator.settings,
    env: {
      ...emulator.env,
      ...adminConnectionEnv(emulator.emulator, join(scratch, 'emulator-admin.json')),
      ...grep,
      FOUNDRY_TEST_RESULTS: resultsFile,
      FOUNDRY_TEST_WORKSPACE: workspace,
    },
  });
  const browser = await launchBrowser();
  const started = performance.now();
  let exitCode: number | undefined;
  try {
    await logIn(browser.page, server);
    exitCode = await runInWorkbench(server.url, server.port, workspace, browser.page);
  } finally {
    await browser.close();
    await server.close();
    await emulator.close();
  }
  const results = readResults(resultsFile);
  rmSync(scratch, { recursive: true, force: true });
  for (const failure of results.failures) console.log(`\nFAILED: ${failure.title}\n${failure.error}`);
  console.log(`[integration] ${((performance.now() - started) / 1000).toFixed(1)} s in the extension host`);
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  if (exitCode !== 0 && results.failed === 0) {
    const problem = `the extension host reported exit code ${exitCode} without a failing test (a crash or a load error)`;
    console.log(`[integration] ${problem}`);
    writeSummary(results, problem);
    return 1;
  }
  writeSummary(results);
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

async function runInWorkbench(url: string, port: number, workspace: string, page: Page): Promise<number> {
  const authority = `vscode-remote://127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `${authority}${REPO_ROOT}`],
    ['extensionTestsPath', `${authority}${join(REPO_ROOT, 'out', 'test', 'integration', 'index.js')}`],
    ['skipWelcome', 'true'],
  ];
  const exit = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`integration tests did not finish within ${SUITE_TIMEOUT_MS / 1000} s`)),
      SUITE_TIMEOUT_MS,
    );
    void page.exposeFunction('codeAutomationExit', (code: number) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (!NOISE.some((pattern) => pattern.test(line))) console.log(type === 'error' ? `[host:error] ${line}` : line);
  });
  page.on('crash', () => console.log('[integration] the browser page crashed'));
  await page.goto(
    `${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  await waitForWorkbench(page);
  return exit;
}

function readResults(file: string): Results {
  if (!existsSync(file))
    return {
      passed: 0,
      failed: 1,
      pending: 0,
      failures: [{ title: 'the suite', error: 'no results file was written' }],
    };
  return JSON.parse(readFileSync(file, 'utf8')) as Results;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[integration] ${error.message}`);
    console.log('integration: 0 passed, 1 failed, 0 skipped');
    writeSummary({ passed: 0, failed: 0, pending: 0, failures: [] }, error.message);
    process.exit(1);
  },
);
