import { readFileSync } from 'node:fs';
import { ClientSecretCredential, type TokenCredential } from '@azure/identity';

/** What a Node client needs to reach the emulator: its URL, its CA, and the demo service principal. */
export interface EmulatorEndpoint {
  url: string;
  caCertPath: string;
  tenantId?: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Trusting the emulator's self-signed certificate in-process. NODE_EXTRA_CA_CERTS is read only when a Node process
 * starts, so it works for child processes (see `emulatorEnvironment`) but not for the test process itself. The
 * Azure SDK pipeline has a supported option for this: `tlsOptions: {ca}` (core-rest-pipeline's tlsPolicy), accepted by
 * every ARM client (`ServiceClient` and `@azure-rest` clients) and by @azure/identity's credentials, whose MSAL
 * network client is an SDK pipeline too. No global agent is patched, no certificate check is turned off.
 */
export function emulatorTlsOptions(endpoint: Pick<EmulatorEndpoint, 'caCertPath'>): { tlsOptions: { ca: string } } {
  return { tlsOptions: { ca: readFileSync(endpoint.caCertPath, 'utf8') } };
}

/**
 * Client options for any `@azure/arm-*` client: the emulator as endpoint, its CA trusted, and the token scope
 * `<url>/.default` (the audience the emulator's ADFS issues tokens for).
 */
export function emulatorClientOptions(endpoint: EmulatorEndpoint): {
  endpoint: string;
  $host: string;
  credentialScopes: string[];
  credentials: { scopes: string[] };
  tlsOptions: { ca: string };
} {
  const scopes = [`${endpoint.url}/.default`];
  return {
    endpoint: endpoint.url,
    $host: endpoint.url,
    credentialScopes: scopes,
    credentials: { scopes },
    ...emulatorTlsOptions(endpoint),
  };
}

/**
 * The real @azure/identity ClientSecretCredential, logging in as the demo service principal against the emulator's
 * ADFS endpoint: tenant `adfs` makes MSAL treat `<url>/adfs` as an ADFS authority, so it reads
 * `/adfs/.well-known/openid-configuration` and posts to `/adfs/oauth2/token`, and never calls login.microsoftonline.com.
 */
export function emulatorCredential(endpoint: EmulatorEndpoint): TokenCredential {
  return new ClientSecretCredential('adfs', endpoint.clientId, endpoint.clientSecret, {
    authorityHost: endpoint.url,
    disableInstanceDiscovery: true,
    ...emulatorTlsOptions(endpoint),
  });
}

/** Environment for a child process (az, code-server, a Node CLI) that must trust the emulator. */
export function emulatorEnvironment(endpoint: Pick<EmulatorEndpoint, 'caCertPath'>): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: endpoint.caCertPath,
    REQUESTS_CA_BUNDLE: endpoint.caCertPath,
    SSL_CERT_FILE: endpoint.caCertPath,
  };
}
