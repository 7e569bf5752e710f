import type { RunningEmulator, startEmulator } from '../emulator/index';

/** The environment variable through which the extension reads the service principal's secret (never settings). */
export const SANDBOX_SECRET_ENV = 'FOUNDRY_NETWORK_CLIENT_SECRET';

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  /** User settings that point the extension at the emulator: the same custom-cloud path as any ARM endpoint. */
  readonly settings: Record<string, unknown>;
  /** Environment for code-server and so the extension host. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export function emulatorSettings(emulator: RunningEmulator): Record<string, unknown> {
  return {
    'foundryNetwork.cloud': 'Custom',
    'foundryNetwork.customCloud.resourceManagerEndpoint': `${emulator.url}/`,
    'foundryNetwork.customCloud.tokenSource': 'servicePrincipal',
    'foundryNetwork.customCloud.servicePrincipal': {
      authorityHost: `${emulator.url}/adfs`,
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      clientSecretEnvVar: SANDBOX_SECRET_ENV,
    },
  };
}

export function emulatorEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    [SANDBOX_SECRET_ENV]: emulator.clientSecret,
    // Integration tests drive faults and read state through the admin API.
    FOUNDRY_EMULATOR: JSON.stringify({ url: emulator.url, adminToken: emulator.adminToken, caCertPath: emulator.caCertPath }),
  };
}

export async function startTestEmulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<TestEmulator> {
  // Loaded on demand: suites that need no Azure never start (or load) the emulator.
  const { startEmulator: start } = await import('../emulator/index');
  const emulator = await start({ seed: 'demo', lro: 'instant', ...options });
  return {
    emulator,
    settings: emulatorSettings(emulator),
    env: emulatorEnv(emulator),
    close: () => emulator.close(),
  };
}
