/**
 * The one table of private-link DNS names, per cloud.
 *
 * Sources:
 * - "Azure Private Endpoint private DNS zone values", https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 *   (its Government and China sections), and the China copy https://docs.azure.cn/en-us/private-link/private-endpoint-dns
 *   (which lists `privatelink.azurecr.cn`).
 * - "How to use your workspace with a custom DNS server",
 *   https://learn.microsoft.com/azure/machine-learning/how-to-custom-dns (the workspace FQDNs per cloud).
 * The sovereign `openai` and `services.ai` zones are not in those tables yet; they follow the published pattern of
 * the public ones and are marked below.
 */
import type { Cloud, KnownCloudName } from './clouds';

/** The private-link sub-resources ("group ids") a hub and its dependent resources use. */
export type GroupId = 'amlworkspace' | 'blob' | 'file' | 'vault' | 'registry' | 'account';

export type PrivateLinkTarget = 'workspace' | 'storage' | 'keyVault' | 'containerRegistry' | 'aiServices';

export interface TargetDescription {
  readonly target: PrivateLinkTarget;
  readonly resourceType: string;
  /** A hub's storage needs both blob and file. */
  readonly groupIds: readonly GroupId[];
}

export const PRIVATE_LINK_TARGETS: Readonly<Record<PrivateLinkTarget, TargetDescription>> = {
  workspace: {
    target: 'workspace',
    resourceType: 'Microsoft.MachineLearningServices/workspaces',
    groupIds: ['amlworkspace'],
  },
  storage: { target: 'storage', resourceType: 'Microsoft.Storage/storageAccounts', groupIds: ['blob', 'file'] },
  keyVault: { target: 'keyVault', resourceType: 'Microsoft.KeyVault/vaults', groupIds: ['vault'] },
  containerRegistry: {
    target: 'containerRegistry',
    resourceType: 'Microsoft.ContainerRegistry/registries',
    groupIds: ['registry'],
  },
  aiServices: { target: 'aiServices', resourceType: 'Microsoft.CognitiveServices/accounts', groupIds: ['account'] },
};

/** The public domains a workspace answers on; the custom-DNS A records are built from them. */
export interface WorkspaceDomains {
  /** `<guid>.workspace.<region>.api…` and `….cert.api…` */
  readonly api: string;
  /** `ml-<name>-<region>-<guid>.<region>.notebooks…` */
  readonly notebooks: string;
  /** `<instance>.<region>.instances…` */
  readonly instances: string;
  /** `<endpoint>.<region>.inference…` */
  readonly inference: string;
  /** Serverless model endpoints; only documented for the public cloud. */
  readonly serverlessModels: string | undefined;
}

export interface CloudDnsNames {
  readonly zones: Readonly<Record<GroupId, readonly string[]>>;
  readonly workspaceDomains: WorkspaceDomains;
}

export const PRIVATE_DNS_NAMES: Readonly<Record<KnownCloudName, CloudDnsNames>> = {
  AzureCloud: {
    zones: {
      amlworkspace: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'],
      blob: ['privatelink.blob.core.windows.net'],
      file: ['privatelink.file.core.windows.net'],
      vault: ['privatelink.vaultcore.azure.net'],
      registry: ['privatelink.azurecr.io'],
      account: [
        'privatelink.cognitiveservices.azure.com',
        'privatelink.openai.azure.com',
        'privatelink.services.ai.azure.com',
      ],
    },
    workspaceDomains: {
      api: 'api.azureml.ms',
      notebooks: 'notebooks.azure.net',
      instances: 'instances.azureml.ms',
      inference: 'inference.ml.azure.com',
      serverlessModels: 'models.ai.azure.com',
    },
  },
  AzureUSGovernment: {
    zones: {
      amlworkspace: ['privatelink.api.ml.azure.us', 'privatelink.notebooks.usgovcloudapi.net'],
      blob: ['privatelink.blob.core.usgovcloudapi.net'],
      file: ['privatelink.file.core.usgovcloudapi.net'],
      vault: ['privatelink.vaultcore.usgovcloudapi.net'],
      registry: ['privatelink.azurecr.us'],
      // Only cognitiveservices is in the Learn table; openai and services.ai follow the public pattern.
      account: [
        'privatelink.cognitiveservices.azure.us',
        'privatelink.openai.azure.us',
        'privatelink.services.ai.azure.us',
      ],
    },
    workspaceDomains: {
      api: 'api.ml.azure.us',
      notebooks: 'notebooks.usgovcloudapi.net',
      instances: 'instances.azureml.us',
      inference: 'inference.ml.azure.us',
      serverlessModels: undefined,
    },
  },
  AzureChinaCloud: {
    zones: {
      amlworkspace: ['privatelink.api.ml.azure.cn', 'privatelink.notebooks.chinacloudapi.cn'],
      blob: ['privatelink.blob.core.chinacloudapi.cn'],
      file: ['privatelink.file.core.chinacloudapi.cn'],
      vault: ['privatelink.vaultcore.azure.cn'],
      registry: ['privatelink.azurecr.cn'],
      // Not in the Learn table; the pattern of the public zones with the .azure.cn suffix.
      account: [
        'privatelink.cognitiveservices.azure.cn',
        'privatelink.openai.azure.cn',
        'privatelink.services.ai.azure.cn',
      ],
    },
    workspaceDomains: {
      api: 'api.ml.azure.cn',
      notebooks: 'notebooks.chinacloudapi.cn',
      instances: 'instances.azureml.cn',
      inference: 'inference.ml.azure.cn',
      serverlessModels: undefined,
    },
  },
};

export function dnsNamesOf(cloud: Cloud): CloudDnsNames {
  return PRIVATE_DNS_NAMES[cloud.dnsCloud];
}

/** The private DNS zones a private endpoint with this group id needs, in the order the zone group lists them. */
export function privateDnsZonesFor(cloud: Cloud, groupId: GroupId): readonly string[] {
  return dnsNamesOf(cloud).zones[groupId];
}

export interface RequiredZone {
  readonly groupId: GroupId;
  readonly zoneName: string;
}

/** Every zone a target's private endpoints need (storage: blob and file). */
export function requiredZonesFor(cloud: Cloud, target: PrivateLinkTarget): RequiredZone[] {
  return PRIVATE_LINK_TARGETS[target].groupIds.flatMap((groupId) =>
    privateDnsZonesFor(cloud, groupId).map((zoneName) => ({ groupId, zoneName })),
  );
}

/** The target of a resource type, compared case-insensitively as ARM does. */
export function targetOfResourceType(resourceType: string): PrivateLinkTarget | undefined {
  const wanted = resourceType.toLowerCase();
  return Object.values(PRIVATE_LINK_TARGETS).find((entry) => entry.resourceType.toLowerCase() === wanted)?.target;
}

/** Which group id a zone name serves, in any known cloud. */
export function groupIdOfZone(zoneName: string): GroupId | undefined {
  const wanted = zoneName.toLowerCase().replace(/\.$/, '');
  for (const names of Object.values(PRIVATE_DNS_NAMES)) {
    for (const [groupId, zones] of Object.entries(names.zones) as [GroupId, readonly string[]][]) {
      if (zones.includes(wanted)) {
        return groupId;
      }
    }
  }
  return undefined;
}

/**
 * The name of a zone's config inside a zone group. The portal names it after the zone with dots replaced; doing the
 * same makes a group created here look like one created there.
 */
export function zoneConfigName(zoneName: string): string {
  return zoneName.replace(/\./g, '-');
}
