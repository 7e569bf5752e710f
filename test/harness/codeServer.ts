/**
 * code-server for the integration and UI suites and `npm run sandbox`: on 127.0.0.1, behind a random password (never
 * `auth: none`: any user of the machine could open a terminal in it), with an allow-listed environment and a HOME of
 * its own, so that a terminal in it shows none of the developer's tokens and reads none of their dotfiles.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment } from './childEnvironment.mjs';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths';

export interface CodeServerOptions {
  /** Lets the workbench read extensionDevelopmentPath/extensionTestsPath from the URL (integration tests). */
  readonly smokeTestDriver?: boolean;
  /** VSIX files to install before starting. */
  readonly vsixFiles?: readonly string[];
  /** Extra user settings, merged over the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /**
   * Variables for the server and so the extension host (e.g. NODE_EXTRA_CA_CERTS, results paths), on top of the
   * allow-listed ones (`codeServerEnvironment`). Never an admin token: every terminal in code-server inherits these.
   */
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
  /** The password it asks for (also in its config.yaml, readable by this user only): `logIn` in browser.ts sends it. */
  readonly password: string;
  /** code-server's process id: a test reads its environment (/proc/PID/environ). */
  readonly pid: number;
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
  // The suites open fixture folders they copied themselves; trust prompts would only stand in their way.
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
  const password = randomBytes(24).toString('base64url');
  const dirs = prepareRunDir(runDir, { ...QUIET_SETTINGS, ...options.settings }, password);
  const env = codeServerEnvironment(dirs, options.env);
  for (const vsix of options.vsixFiles ?? []) installExtension(vsix, dirs, env);

  const port = options.port ?? (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    join(runDir, 'config.yaml'),
    '--bind-addr',
    `127.0.0.1:${port}`,
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
    password,
    pid: child.pid ?? 0,
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
  home: string;
  xdgConfig: string;
  xdgData: string;
}

/** What code-server takes from this process besides childEnvironment's: the shell its terminals start. */
const CODE_SERVER_INHERITED_VARIABLES = ['SHELL'];

/**
 * code-server's whole environment: the allow-listed variables, HOME and the XDG folders in its run folder (so nothing
 * in it reads the developer's ~/.azure, ~/.npmrc or ~/.git-credentials), and what the caller names. Nothing else: not
 * the developer's tokens, nor code-server's own PASSWORD or HASHED_PASSWORD, which would replace the config's password.
 */
export function codeServerEnvironment(
  dirs: Pick<RunDirs, 'home' | 'xdgConfig' | 'xdgData'>,
  extra: Record<string, string> = {},
  from: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const name of CODE_SERVER_INHERITED_VARIABLES) if (from[name]) inherited[name] = from[name];
  return childEnvironment(
    { ...inherited, HOME: dirs.home, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, ...extra },
    from,
  );
}

/** config.yaml: password authentication with this password (quoted: YAML reads some strings as numbers). */
export function codeServerConfig(password: string): string {
  return `auth: password\npassword: ${JSON.stringify(password)}\ncert: false\n`;
}

function prepareRunDir(runDir: string, settings: Record<string, unknown>, password: string): RunDirs {
  const dirs: RunDirs = {
    userData: join(runDir, 'ud'),
    extensions: join(runDir, 'ext'),
    home: join(runDir, 'home'),
    xdgConfig: join(runDir, 'xdg-config'),
    xdgData: join(runDir, 'xdg-data'),
  };
  for (const dir of [join(dirs.userData, 'User'), dirs.extensions, dirs.home, dirs.xdgConfig, dirs.xdgData])
    mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, codeServerConfig(password), { mode: 0o600 });
  // An existing file keeps its mode through writeFileSync: the password is for this user only.
  chmodSync(config, 0o600);
  return dirs;
}

function installExtension(vsix: string, dirs: RunDirs, env: Record<string, string>): void {
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
