// The in-host test entry: VS Code calls run() and reports its result through codeAutomationExit.
// Counts also go to the file named by FOUNDRY_TEST_RESULTS so the runner can print exact numbers.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  /** Full titles of the skipped (pending) tests: the runner lists them, and CI refuses them. */
  pendingTitles: string[];
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.FOUNDRY_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, pendingTitles: [], failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const resultsFile = process.env.FOUNDRY_TEST_RESULTS;
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results));
      if (results.failed > 0) reject(new Error(`${results.failed} integration tests failed`));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('pending', (test) => {
      results.pending++;
      results.pendingTitles.push(test.fullTitle());
    });
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: String(error?.stack ?? error) });
    });
  });
}
