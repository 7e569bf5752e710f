/**
 * The settings that steer sign-in (the cloud, the ARM endpoint, the portal, the token source, the service principal),
 * resolved from what `WorkspaceConfiguration.inspect()` reports. No vscode import: unit-tested with `node --test`.
 *
 * A repository's `.vscode/settings.json` must not choose where a secret or a token goes, so these values are taken from
 * the user's (or the machine's) settings only. package.json gives them `"scope": "machine"`, and VS Code then drops
 * workspace values itself; this module ignores them anyway, for a VS Code that ignores the scope.
 */
import * as l10n from '@vscode/l10n';
import { withoutTrailingSlashes } from '../model/armIds';
import type { CloudName } from '../model/clouds';

export const SECTION = 'foundryNetwork';

/** The settings (under `foundryNetwork.`) read from user or machine settings only. */
export const SIGN_IN_SETTINGS = [
  'cloud',
  'customCloud.resourceManagerEndpoint',
  'customCloud.portalUrl',
  'customCloud.tokenSource',
  'customCloud.servicePrincipal',
] as const;
export type SignInSettingKey = (typeof SIGN_IN_SETTINGS)[number];

/** The part of `WorkspaceConfiguration.inspect()` that says where a value comes from. */
export interface InspectedValue {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type SettingOrigin = 'user' | 'workspace' | 'workspaceFolder';

export interface SettingProblem {
  /** The full setting name, e.g. foundryNetwork.customCloud.resourceManagerEndpoint. */
  readonly setting: string;
  readonly origin: SettingOrigin;
  /** What the user reads: the setting, where it came from, why it is not used, what to do. */
  readonly message: string;
  /** True when sign-in cannot go on without this value; otherwise the value is only ignored. */
  readonly blocksSignIn: boolean;
}

export type TokenSourceName = 'azureCli' | 'servicePrincipal';

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
  readonly tokenSource: TokenSourceName;
  readonly servicePrincipal: ServicePrincipalTokenSource | undefined;
}

export interface SignInSettings {
  readonly cloud: CloudName;
  readonly customCloud: CustomCloudSettings | undefined;
}

export interface ResolvedSignInSettings {
  readonly settings: SignInSettings;
  readonly problems: readonly SettingProblem[];
}

/** Own-property tables: `__proto__`, `constructor` and the like are no cloud and no token source. */
const CLOUD_NAMES: Readonly<Record<CloudName, true>> = {
  AzureCloud: true,
  AzureChinaCloud: true,
  AzureUSGovernment: true,
  Custom: true,
};
const TOKEN_SOURCES: Readonly<Record<TokenSourceName, true>> = { servicePrincipal: true, azureCli: true };

/** POSIX environment variable names (letters, digits, underscore; not starting with a digit). */
const ENVIRONMENT_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function settingName(key: SignInSettingKey): string {
  return `${SECTION}.${key}`;
}

/**
 * The sign-in settings from the user's values (or the defaults), with a problem for every value that is ignored
 * (a workspace or folder value) or rejected (not https, not a known name, incomplete).
 */
export function resolveSignInSettings(
  inspect: (key: SignInSettingKey) => InspectedValue | undefined,
): ResolvedSignInSettings {
  const problems: SettingProblem[] = [];
  const userValue = (key: SignInSettingKey): unknown => {
    const inspected = inspect(key);
    for (const origin of ['workspace', 'workspaceFolder'] as const) {
      const value = origin === 'workspace' ? inspected?.workspaceValue : inspected?.workspaceFolderValue;
      if (value !== undefined) problems.push(ignoredWorkspaceValue(key, origin));
    }
    return inspected?.globalValue !== undefined ? inspected.globalValue : inspected?.defaultValue;
  };
  const reject = (key: SignInSettingKey, reason: string, blocksSignIn = true): undefined => {
    problems.push({
      setting: settingName(key),
      origin: 'user',
      message: l10n.t('{0} in your user settings is not used: {1}', settingName(key), reason),
      blocksSignIn,
    });
    return undefined;
  };

  const cloudValue = userValue('cloud') ?? 'AzureCloud';
  const cloud = ownName(CLOUD_NAMES, cloudValue);
  if (!cloud) {
    reject('cloud', l10n.t('{0} is not one of {1}.', JSON.stringify(cloudValue), Object.keys(CLOUD_NAMES).join(', ')));
    return { settings: { cloud: 'AzureCloud', customCloud: undefined }, problems };
  }
  // Read every key, so a workspace value of any of them is reported even while the cloud is not Custom.
  const endpoint = userValue('customCloud.resourceManagerEndpoint');
  const portal = userValue('customCloud.portalUrl');
  const tokenSourceValue = userValue('customCloud.tokenSource') ?? 'servicePrincipal';
  const principal = userValue('customCloud.servicePrincipal');
  if (cloud !== 'Custom') return { settings: { cloud, customCloud: undefined }, problems };

  const resourceManagerEndpoint = httpsUrl(endpoint, (reason) => reject('customCloud.resourceManagerEndpoint', reason));
  const portalUrl =
    portal === undefined || portal === ''
      ? undefined
      : httpsUrl(portal, (reason) => reject('customCloud.portalUrl', reason, false));
  const tokenSource = ownName(TOKEN_SOURCES, tokenSourceValue);
  if (!tokenSource) {
    reject(
      'customCloud.tokenSource',
      l10n.t('{0} is not one of {1}.', JSON.stringify(tokenSourceValue), Object.keys(TOKEN_SOURCES).join(', ')),
    );
  }
  const servicePrincipal =
    tokenSource === 'servicePrincipal'
      ? readServicePrincipal(principal, (reason) => reject('customCloud.servicePrincipal', reason))
      : undefined;
  const customCloud =
    resourceManagerEndpoint && tokenSource
      ? { resourceManagerEndpoint, portalUrl, tokenSource, servicePrincipal }
      : undefined;
  return { settings: { cloud, customCloud }, problems };
}

function ignoredWorkspaceValue(key: SignInSettingKey, origin: 'workspace' | 'workspaceFolder'): SettingProblem {
  const setting = settingName(key);
  const message =
    origin === 'workspace'
      ? l10n.t(
          '{0} is set in the workspace settings and is ignored: the cloud, endpoints and sign-in are read from your user settings only, so that a repository cannot choose where your credentials go. Set it in your user settings if you trust this value.',
          setting,
        )
      : l10n.t(
          '{0} is set in a folder of the workspace (.vscode/settings.json) and is ignored: the cloud, endpoints and sign-in are read from your user settings only, so that a repository cannot choose where your credentials go. Set it in your user settings if you trust this value.',
          setting,
        );
  return { setting, origin, message, blocksSignIn: false };
}

function ownName<Name extends string>(table: Readonly<Record<Name, true>>, value: unknown): Name | undefined {
  return typeof value === 'string' && Object.hasOwn(table, value) ? (value as Name) : undefined;
}

/** An absolute https URL without trailing slashes, or undefined after `reject` said why. */
function httpsUrl(value: unknown, reject: (reason: string) => undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return reject(l10n.t('it is empty; it needs an https URL.'));
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return reject(l10n.t('{0} is not a URL; it needs an https URL.', JSON.stringify(value)));
  }
  if (url.protocol !== 'https:') {
    return reject(l10n.t('{0} is not https: tokens and secrets are only sent over TLS.', JSON.stringify(value.trim())));
  }
  if (url.username || url.password) return reject(l10n.t('the URL must not hold a user name or password.'));
  return withoutTrailingSlashes(url.href);
}

function readServicePrincipal(
  value: unknown,
  reject: (reason: string) => undefined,
): ServicePrincipalTokenSource | undefined {
  const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const text = (name: keyof ServicePrincipalTokenSource): string | undefined => {
    const field: unknown = Object.hasOwn(fields, name) ? (fields as Record<string, unknown>)[name] : undefined;
    return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
  };
  const missing = (['authorityHost', 'tenantId', 'clientId', 'clientSecretEnvVar'] as const).filter(
    (name) => !text(name),
  );
  if (missing.length) {
    return reject(
      l10n.t(
        'it needs authorityHost, tenantId, clientId and clientSecretEnvVar when the token source is servicePrincipal; missing: {0}.',
        missing.join(', '),
      ),
    );
  }
  const authorityHost = httpsUrl(text('authorityHost'), (reason) => reject(l10n.t('authorityHost: {0}', reason)));
  if (!authorityHost) return undefined;
  const clientSecretEnvVar = text('clientSecretEnvVar')!;
  if (!ENVIRONMENT_VARIABLE_NAME.test(clientSecretEnvVar)) {
    return reject(
      l10n.t(
        'clientSecretEnvVar {0} is not an environment variable name (letters, digits and _).',
        JSON.stringify(clientSecretEnvVar),
      ),
    );
  }
  return { authorityHost, tenantId: text('tenantId')!, clientId: text('clientId')!, clientSecretEnvVar };
}
