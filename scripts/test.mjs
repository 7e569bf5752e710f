// `npm test`: static checks, then the three suites (unit, integration in a real VS Code, UI through the packaged VSIX).
// Each suite ends with its own "N passed, N failed, N skipped" line; the run ends with a total line of the same form.
// `node scripts/test.mjs unit|integration|ui` runs one suite.
// What counts (README, "Reading the test summary"): a suite in which no test passed fails; an empty test file, and a
// before/after hook that threw, count as failures; every skipped test or suite is listed with its reason, and in CI
// (CI=true) a skip fails the run unless ALLOWED_SKIPS_IN_CI below names it, with why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const inCi = process.env.CI === 'true';

/**
 * Skips CI accepts: { suite, name (a regular expression over "file › test"), reason }. Nothing is on it: CI installs
 * everything the suites need (scripts/setup.sh installs azure-cli for the emulator's az test).
 */
const ALLOWED_SKIPS_IN_CI = [];

/** A test that hangs fails after this long instead of holding the run until CI's own limit. */
// Generous: a file that spawns the CLI a dozen times takes minutes on a loaded 2-core machine; a hang still ends.
const UNIT_TEST_TIMEOUT_MS = 600_000;
const requested = process.argv.slice(2);
const suites = requested.length ? requested : ['unit', 'integration', 'ui'];
for (const suite of suites) {
  if (!['unit', 'integration', 'ui'].includes(suite)) {
    console.error(`unknown suite "${suite}": use unit, integration or ui`);
    process.exit(2);
  }
}

function step(title, command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`[test] ${title} failed (${seconds} s)`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  console.log(`[test] ${title}: ${seconds} s`);
}

/** Files under dir (recursively) whose name ends with suffix, relative to the repo root. */
function findFiles(dir, suffix) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** Runs a command, streaming its output, and returns {code, output}. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** node --test over TypeScript files; the counts come from scripts/testCounts.mjs, a reporter that hides nothing. */
async function nodeTestSuite(name, files, extraArgs = []) {
  const scratch = mkdtempSync(join(tmpdir(), `foundry-${name}-`));
  const summaryFile = join(scratch, 'summary.json');
  const { code } = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    ...extraArgs,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts', 'testCounts.mjs')}`,
    `--test-reporter-destination=${summaryFile}`,
    ...files,
  ]);
  const summary = existsSync(summaryFile)
    ? JSON.parse(readFileSync(summaryFile, 'utf8'))
    : { passed: 0, failed: [{ name: name, error: 'node --test wrote no summary' }], skipped: [], emptyFiles: [] };
  rmSync(scratch, { recursive: true, force: true });
  const failures = [
    ...summary.failed,
    ...summary.emptyFiles.map((file) => ({ name: file, error: 'declares no test (an empty file is not a pass)' })),
  ];
  if (code !== 0 && failures.length === 0)
    failures.push({ name, error: `node --test exited with ${code} without a failing test` });
  return { passed: summary.passed, failures, skipped: summary.skipped };
}

/** The mocha suites in code-server's extension host; test/harness/runIntegration.ts writes the summary. */
async function integrationSuite() {
  const scratch = mkdtempSync(join(tmpdir(), 'foundry-integration-summary-'));
  const summaryFile = join(scratch, 'summary.json');
  const { code } = await run(process.execPath, ['--import', 'tsx', 'test/harness/runIntegration.ts'], {
    FOUNDRY_SUITE_SUMMARY: summaryFile,
  });
  const summary = existsSync(summaryFile)
    ? JSON.parse(readFileSync(summaryFile, 'utf8'))
    : { passed: 0, failed: [{ name: 'integration', error: 'no summary was written' }], skipped: [] };
  rmSync(scratch, { recursive: true, force: true });
  const failures = [...summary.failed];
  if (code !== 0 && failures.length === 0)
    failures.push({ name: 'integration', error: `the runner exited with ${code} without a failing test` });
  return { passed: summary.passed, failures, skipped: summary.skipped };
}

/** Skips CI does not accept: those not on ALLOWED_SKIPS_IN_CI. Prints each skip, allowed or not, with its reason. */
function checkSkips(suite, skipped) {
  const refused = [];
  for (const skip of skipped) {
    const allowed = ALLOWED_SKIPS_IN_CI.find((entry) => entry.suite === suite && entry.name.test(skip.name));
    console.log(`[test] ${suite}: skipped ${skip.kind ?? 'test'} ${skip.name}: ${skip.reason}`);
    if (!inCi) continue;
    if (allowed) console.log(`[test]   allowed in CI: ${allowed.reason}`);
    else
      refused.push({
        name: skip.name,
        error: `skipped in CI (${skip.reason}); add it to ALLOWED_SKIPS_IN_CI with why, or make it run`,
      });
  }
  return refused;
}

/** One suite's result line, and its failures, including the rules above. */
function judge(suite, result) {
  const failures = [...result.failures, ...checkSkips(suite, result.skipped)];
  if (result.passed === 0) failures.push({ name: suite, error: 'no test passed: a suite that runs nothing fails' });
  for (const failure of failures) console.log(`[test] ${suite}: FAILED ${failure.name}: ${failure.error}`);
  return { passed: result.passed, failed: failures.length, skipped: result.skipped.length };
}

const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

const SUITES = {
  unit: () => nodeTestSuite('unit', findFiles('test/unit', '.test.ts'), [`--test-timeout=${UNIT_TEST_TIMEOUT_MS}`]),
  integration: integrationSuite,
  ui: () => nodeTestSuite('ui', findFiles('test/ui', '.test.ts'), ['--test-concurrency=1', '--test-timeout=600000']),
};

async function main() {
  const needsVsCode = suites.some((s) => s !== 'unit');
  if (needsVsCode) step('setup', 'bash', ['scripts/setup.sh']);
  step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
  // `npm run lint`: ESLint, then Prettier's check (120 columns).
  step('lint', 'npm', ['run', '--silent', 'lint']);
  if (needsVsCode) step('package (build + VSIX)', process.execPath, ['scripts/package.mjs']);

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  for (const suite of suites) {
    const started = performance.now();
    console.log(`\n[test] ===== ${suite} =====`);
    const result = judge(suite, await SUITES[suite]());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${suite}: ${line(result)}\n[test] ${suite} took ${seconds} s`);
    lines.push(`${suite}: ${line(result)} (${seconds} s)`);
    for (const key of Object.keys(totals)) totals[key] += result[key];
  }
  console.log(`\n[test] ${lines.join('\n[test] ')}`);
  if (inCi) console.log('[test] CI=true: a skip not on ALLOWED_SKIPS_IN_CI is a failure');
  console.log(line(totals));
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`[test] ${error.stack ?? error}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
