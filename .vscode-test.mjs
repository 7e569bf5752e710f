// For contributors with a desktop VS Code: runs the same in-host mocha suites through @vscode/test-cli
// (`npm run build && npm run test:desktop`). It downloads VS Code on first use, so it cannot run offline (nor in CI
// here, where the same suites run in code-server: test/harness/runIntegration.ts).
// Like that runner, it starts the local ARM emulator and points the extension at it through workspace settings.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { defineConfig } from '@vscode/test-cli';
import { childEnvironment } from './test/harness/childEnvironment.mjs';
import { adminConnectionEnv, emulatorEnv, emulatorSettings } from './test/harness/emulatorSettings.mjs';

async function startEmulator() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/emulator/main.ts', '--seed', 'demo', '--lro', 'instant'],
    // Not this shell's environment: the emulator needs none of the developer's variables (or tokens).
    { stdio: ['ignore', 'pipe', 'inherit'], env: childEnvironment() },
  );
  process.on('exit', () => child.kill('SIGTERM'));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('{')) return JSON.parse(line);
  }
  throw new Error('the emulator exited before it was ready');
}

const emulator = await startEmulator();
const workspace = join(mkdtempSync(join(tmpdir(), 'foundry-desktop-')), 'workspace');
cpSync('test/fixtures/workspace', workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(emulatorSettings(emulator)));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/*.test.js',
  workspaceFolder: workspace,
  version: '1.95.0',
  mocha: { ui: 'bdd', timeout: 60_000 },
  env: {
    ...emulatorEnv(emulator),
    ...adminConnectionEnv(emulator, join(dirname(workspace), 'emulator-admin.json')),
    FOUNDRY_TEST_WORKSPACE: workspace,
  },
});
