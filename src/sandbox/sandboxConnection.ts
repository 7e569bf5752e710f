/**
 * How the extension reaches the sandbox: the demo service principal against the emulator's ADFS endpoint, with the
 * emulator's certificate trusted by this credential and these connections only (`tlsOptions`, the Azure SDK pipeline's
 * own option). Nothing global changes: no NODE_EXTRA_CA_CERTS, no patched agent, no certificate check turned off.
 * No vscode import: unit tests sign in with it.
 */
import { ClientSecretCredential } from '@azure/identity';
import type { ArmConnectionOptions } from '../azure/clients';
import { type Cloud, customCloud } from '../model/clouds';
import type { SandboxEndpoint } from './endpoint';

/** What every ARM connection of the sandbox adds: trust in its certificate, nothing else. */
export function sandboxConnectionOptions(endpoint: SandboxEndpoint): Pick<ArmConnectionOptions, 'tlsOptions'> {
  return { tlsOptions: { ca: endpoint.certificate } };
}

/** The sandbox has no portal: "Open in Portal" opens the emulator's own address rather than the real portal. */
export function sandboxCloud(endpoint: SandboxEndpoint): Cloud {
  return customCloud({ resourceManagerEndpoint: endpoint.url, portalUrl: endpoint.url });
}

/** Tenant `adfs` makes MSAL treat `<url>/adfs` as an ADFS authority: no call to login.microsoftonline.com. */
export function sandboxCredential(endpoint: SandboxEndpoint): ClientSecretCredential {
  return new ClientSecretCredential('adfs', endpoint.clientId, endpoint.clientSecret, {
    authorityHost: endpoint.url,
    disableInstanceDiscovery: true,
    ...sandboxConnectionOptions(endpoint),
  });
}
