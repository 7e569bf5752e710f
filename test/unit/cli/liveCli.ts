/**
 * Runs `foundry-net` as its own process against a started emulator, signed in the way a pipeline would be: a service
 * principal in AZURE_* variables and the emulator's CA in NODE_EXTRA_CA_CERTS (read only when a process starts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emulatorEnvironment } from '../../../src/emulator/credential';
import type { RunningEmulator } from '../../../src/emulator/index';

const REPO = join(__dirname, '..', '..', '..');
const BIN = join(REPO, 'src', 'cli', 'bin.ts');
/** tsx by path: the CLI may run in a folder without node_modules. */
const TSX = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a pipeline sets for the emulator's service principal. */
export function pipelineEnvironment(emulator: RunningEmulator): Record<string, string> {
  return {
    ...emulatorEnvironment(emulator),
    AZURE_AUTHORITY_HOST: `${emulator.url}/adfs`,
    AZURE_CLIENT_ID: emulator.clientId,
    AZURE_CLIENT_SECRET: emulator.clientSecret,
    AZURE_TENANT_ID: emulator.tenantId,
  };
}

/** `foundry-net <args>` with only PATH and HOME from this process, plus `env`. */
export function runCli(args: readonly string[], env: Record<string, string>, cwd = process.cwd()): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
