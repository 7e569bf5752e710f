import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths';

export interface CodeServerOptions {
  /** Lets the workbench read extensionDevelopmentPath/extensionTestsPath from the URL (integration tests). */
  readonly smokeTestDriver?: boolean;
  /** VSIX files to install before starting. */
  readonly vsixFiles?: readonly string[];
  /** Extra user settings, merged over the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /** Environment for the server and so the extension host (e.g. NODE_EXTRA_CA_CERTS, results paths). */
  readonly env?: Record<string, string>;
  /** Keep the run directory (for the sandbox); otherwise a temporary one that close() removes. */
  readonly runDir?: string;
  readonly port?: number;
  /** Receives code-server's output lines, for diagnosis. */
  readonly onOutput?: (line: string) => void;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly runDir: string;
  /** Its --user-data-dir: logs/ holds the extension host's output channels. */
  readonly userDataDir: string;
  close(): Promise<void>;
}

/** Settings that keep the web workbench quiet: no welcome page, no chat, no telemetry, no updates. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

export function assertToolchain(): void {
  for (const path of [NODE24_BIN, CODE_SERVER_ENTRY]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run setup" (scripts/setup.sh) first`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  assertToolchain();
  const ownsRunDir = !options.runDir;
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'foundry-code-server-'));
  const dirs = prepareRunDir(runDir, { ...QUIET_SETTINGS, ...options.settings });
  const env = { ...process.env, ...dirs.env, ...options.env };
  for (const vsix of options.vsixFiles ?? []) installExtension(vsix, dirs, env);

  const port = options.port ?? (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    join(runDir, 'config.yaml'),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(NODE24_BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForListening(child, options.onOutput);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    runDir,
    userDataDir: dirs.userData,
    close: async () => {
      await stopProcess(child);
      if (ownsRunDir) rmSync(runDir, { recursive: true, force: true });
    },
  };
}

interface RunDirs {
  userData: string;
  extensions: string;
  env: Record<string, string>;
}

function prepareRunDir(runDir: string, settings: Record<string, unknown>): RunDirs {
  const userData = join(runDir, 'ud');
  const extensions = join(runDir, 'ext');
  const xdgConfig = join(runDir, 'xdg-config');
  const xdgData = join(runDir, 'xdg-data');
  for (const dir of [join(userData, 'User'), extensions, xdgConfig, xdgData]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  return { userData, extensions, env: { XDG_CONFIG_HOME: xdgConfig, XDG_DATA_HOME: xdgData } };
}

function installExtension(vsix: string, dirs: RunDirs, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    NODE24_BIN,
    [
      CODE_SERVER_ENTRY,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsix,
      '--force',
    ],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed: ${(result.stderr || result.stdout).trim()}`);
  }
}

function waitForListening(child: ChildProcess, onOutput?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`code-server did not start within 60 s:\n${output.slice(-2000)}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) onOutput?.(line);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      fail(new Error(`code-server exited with ${code} before listening:\n${output.slice(-2000)}`)),
    );
  });
}

export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
