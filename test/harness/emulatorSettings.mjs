// The settings and environment that point the extension at a running emulator, shared by the TypeScript harness
// (suites, sandbox) and .vscode-test.mjs, which plain Node loads.
import { writeFileSync } from 'node:fs';

/** Names the file that holds the emulator's admin connection, for the in-host integration tests. */
export const ADMIN_CONNECTION_ENV = 'FOUNDRY_TEST_EMULATOR_ADMIN';

/** The environment variable through which the extension reads the service principal's secret (never settings). */
export const SANDBOX_SECRET_ENV = 'FOUNDRY_NETWORK_CLIENT_SECRET';

/** User settings: the same custom-cloud path as any ARM endpoint. */
export function emulatorSettings(emulator) {
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

/**
 * Environment for code-server (and so the extension host) or a desktop VS Code: what the extension needs to sign in to
 * the emulator, nothing more. Never the admin token: every terminal and task in that VS Code inherits this.
 */
export function emulatorEnv(emulator) {
  return {
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    [SANDBOX_SECRET_ENV]: emulator.clientSecret,
  };
}

/**
 * The integration tests drive faults and read state through the admin API. Its connection goes into a file only this
 * user can read, outside the opened folder, and the environment names only the file.
 */
export function adminConnectionEnv(emulator, path) {
  const connection = { url: emulator.url, adminToken: emulator.adminToken, caCertPath: emulator.caCertPath };
  writeFileSync(path, JSON.stringify(connection), { mode: 0o600 });
  return { [ADMIN_CONNECTION_ENV]: path };
}
