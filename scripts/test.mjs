// `npm test`: static checks, then the three suites (unit, integration in a real VS Code, UI through the packaged VSIX).
// Each suite ends with its own "N passed, N failed" line; the run ends with a total line of the same form.
// `node scripts/test.mjs unit|integration|ui` runs one suite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
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
    console.log('0 passed, 1 failed');
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

/** node --test over TypeScript files; counts come from a TAP copy of the report. */
async function nodeTestSuite(name, files, extraArgs = []) {
  const scratch = mkdtempSync(join(tmpdir(), `foundry-${name}-`));
  const tap = join(scratch, 'report.tap');
  const { code } = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    ...extraArgs,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const report = readFileSync(tap, 'utf8');
  rmSync(scratch, { recursive: true, force: true });
  const count = (label) => Number(report.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled') + (code !== 0 && count('fail') === 0 ? 1 : 0);
  return { passed, failed, skipped: count('skipped') + count('todo') };
}

async function integrationSuite() {
  const { code, output } = await run(process.execPath, ['--import', 'tsx', 'test/harness/runIntegration.ts']);
  const match = [...output.matchAll(/^integration: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
  const passed = Number(match?.[1] ?? 0);
  const failed = Number(match?.[2] ?? 0) + (code !== 0 && Number(match?.[2] ?? 0) === 0 ? 1 : 0);
  return { passed, failed, skipped: Number(match?.[3] ?? 0) };
}

const SUITES = {
  unit: () => nodeTestSuite('unit', findFiles('test/unit', '.test.ts')),
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
    const result = await SUITES[suite]();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${suite}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`;
    console.log(`${line}\n[test] ${suite} took ${seconds} s`);
    lines.push(`${line} (${seconds} s)`);
    for (const key of Object.keys(totals)) totals[key] += result[key];
  }
  console.log(`\n[test] ${lines.join('\n[test] ')}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`[test] ${error.stack ?? error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
