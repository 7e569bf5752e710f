// The settings and environment that point the extension at a running emulator, shared by the TypeScript harness
// (suites, sandbox) and .vscode-test.mjs, which plain Node loads.

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

/** Environment for code-server (and so the extension host) or a desktop VS Code. */
export function emulatorEnv(emulator) {
  return {
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    [SANDBOX_SECRET_ENV]: emulator.clientSecret,
    // Integration tests drive faults and read state through the admin API.
    FOUNDRY_EMULATOR: JSON.stringify({
      url: emulator.url,
      adminToken: emulator.adminToken,
      caCertPath: emulator.caCertPath,
    }),
  };
}
