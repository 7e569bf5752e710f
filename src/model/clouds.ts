/**
 * The Azure clouds the extension knows: where the portal and ARM live. The private-link DNS names per cloud are in
 * dnsZones.ts, keyed by the same names.
 */

import { withoutTrailingSlashes } from './armIds';

export type KnownCloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
export type CloudName = KnownCloudName | 'Custom';

export interface Cloud {
  readonly name: CloudName;
  readonly displayName: string;
  /** No trailing slash. */
  readonly portalUrl: string;
  /** No trailing slash. */
  readonly resourceManagerEndpoint: string;
  /** The known cloud whose DNS names a custom cloud (an emulator, a private stamp) uses. */
  readonly dnsCloud: KnownCloudName;
}

export const CLOUDS: Readonly<Record<KnownCloudName, Cloud>> = {
  AzureCloud: {
    name: 'AzureCloud',
    displayName: 'Azure',
    portalUrl: 'https://portal.azure.com',
    resourceManagerEndpoint: 'https://management.azure.com',
    dnsCloud: 'AzureCloud',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    displayName: 'Azure operated by 21Vianet',
    portalUrl: 'https://portal.azure.cn',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    dnsCloud: 'AzureChinaCloud',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    displayName: 'Azure US Government',
    portalUrl: 'https://portal.azure.us',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    dnsCloud: 'AzureUSGovernment',
  },
};

/** Names that az, the SDKs and VS Code's microsoft-sovereign-cloud setting use for the same clouds. */
const CLOUD_ALIASES: Readonly<Record<string, KnownCloudName>> = {
  azurecloud: 'AzureCloud',
  azurepubliccloud: 'AzureCloud',
  public: 'AzureCloud',
  azurechinacloud: 'AzureChinaCloud',
  chinacloud: 'AzureChinaCloud',
  china: 'AzureChinaCloud',
  azureusgovernment: 'AzureUSGovernment',
  azureusgovernmentcloud: 'AzureUSGovernment',
  usgovernment: 'AzureUSGovernment',
  usgov: 'AzureUSGovernment',
};

/** A known cloud by any of its usual names, case-insensitively. */
export function findCloud(name: string): Cloud | undefined {
  const known = CLOUD_ALIASES[name.trim().toLowerCase()];
  return known ? CLOUDS[known] : undefined;
}

export interface CustomCloudOptions {
  readonly portalUrl: string;
  readonly resourceManagerEndpoint: string;
  /** Which known cloud's DNS names apply. Defaults to the public cloud. */
  readonly dnsCloud?: KnownCloudName;
}

/** A cloud outside the table, e.g. the local ARM emulator registered with `az cloud register`. */
export function customCloud(options: CustomCloudOptions): Cloud {
  return {
    name: 'Custom',
    displayName: 'Custom cloud',
    portalUrl: withoutTrailingSlashes(options.portalUrl),
    resourceManagerEndpoint: withoutTrailingSlashes(options.resourceManagerEndpoint),
    dnsCloud: options.dnsCloud ?? 'AzureCloud',
  };
}

/** The known cloud served by an ARM endpoint, or a custom cloud with public DNS names. */
export function cloudForResourceManagerEndpoint(endpoint: string, portalUrl?: string): Cloud {
  const host = hostOf(endpoint);
  const known = Object.values(CLOUDS).find((cloud) => hostOf(cloud.resourceManagerEndpoint) === host);
  return (
    known ?? customCloud({ resourceManagerEndpoint: endpoint, portalUrl: portalUrl ?? CLOUDS.AzureCloud.portalUrl })
  );
}

/**
 * The portal page of a resource. The `#@tenant` part makes the portal switch to the right directory instead of showing
 * "resource not found" for a guest user.
 */
export function portalResourceUrl(cloud: Cloud, resourceId: string, tenantId?: string): string {
  const tenant = tenantId ? `@${tenantId}` : '';
  const path = resourceId.startsWith('/') ? resourceId : `/${resourceId}`;
  return `${cloud.portalUrl}/#${tenant}/resource${path}`;
}

/** The ARM URL of a resource with its api-version, as `az rest --url` wants it. */
export function resourceManagerUrl(cloud: Cloud, resourceId: string, apiVersion: string): string {
  const path = resourceId.startsWith('/') ? resourceId : `/${resourceId}`;
  return `${cloud.resourceManagerEndpoint}${path}?api-version=${encodeURIComponent(apiVersion)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}
