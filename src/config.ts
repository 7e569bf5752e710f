import * as vscode from 'vscode';

/** The extension's settings, typed. The only module that reads `getConfiguration`. */
export const SECTION = 'foundryNetwork';

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Custom';

export interface ServicePrincipalTokenSource {
  /** Authority host, e.g. https://127.0.0.1:8443/adfs for the emulator or an ADFS/Azure Stack authority. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  /** Name of the environment variable that holds the secret; secrets never live in settings. */
  readonly clientSecretEnvVar: string;
}

export interface CustomCloudSettings {
  readonly resourceManagerEndpoint: string;
  readonly portalUrl: string | undefined;
  readonly tokenSource: 'azureCli' | 'servicePrincipal';
  readonly servicePrincipal: ServicePrincipalTokenSource | undefined;
}

export interface YamlSettings {
  readonly validate: 'auto' | 'off';
  /** Globs whose YAML files are always checked as hub files. */
  readonly include: readonly string[];
  /** Globs whose YAML files are never checked. */
  readonly exclude: readonly string[];
  readonly debounceMs: number;
}

export interface FoundrySettings {
  readonly cloud: CloudName;
  readonly customCloud: CustomCloudSettings | undefined;
  readonly selectedSubscriptions: readonly string[];
  readonly yaml: YamlSettings;
}

export function readSettings(scope?: vscode.ConfigurationScope): FoundrySettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const cloud = config.get<CloudName>('cloud', 'AzureCloud');
  return {
    cloud,
    customCloud: cloud === 'Custom' ? readCustomCloud(config) : undefined,
    selectedSubscriptions: config.get<string[]>('selectedSubscriptions', []),
    yaml: {
      validate: config.get<'auto' | 'off'>('yaml.validate', 'auto'),
      include: config.get<string[]>('yaml.include', []),
      exclude: config.get<string[]>('yaml.exclude', []),
      debounceMs: config.get<number>('yaml.debounceMs', 200),
    },
  };
}

function readCustomCloud(config: vscode.WorkspaceConfiguration): CustomCloudSettings {
  const servicePrincipal = config.get<Partial<ServicePrincipalTokenSource>>('customCloud.servicePrincipal');
  return {
    resourceManagerEndpoint: config.get<string>('customCloud.resourceManagerEndpoint', ''),
    portalUrl: config.get<string>('customCloud.portalUrl') || undefined,
    tokenSource: config.get<'azureCli' | 'servicePrincipal'>('customCloud.tokenSource', 'servicePrincipal'),
    servicePrincipal: isCompleteServicePrincipal(servicePrincipal) ? servicePrincipal : undefined,
  };
}

function isCompleteServicePrincipal(
  value: Partial<ServicePrincipalTokenSource> | undefined,
): value is ServicePrincipalTokenSource {
  return !!value && !!value.authorityHost && !!value.tenantId && !!value.clientId && !!value.clientSecretEnvVar;
}

export async function setSelectedSubscriptions(subscriptionIds: readonly string[]): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update('selectedSubscriptions', [...subscriptionIds], vscode.ConfigurationTarget.Global);
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return event.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}

/** VS Code's sovereign-cloud sign-in reads this setting of the microsoft-sovereign-cloud provider (or azureauth). */
export function readSovereignCloudEnvironment(): string | undefined {
  return vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment') || undefined;
}
