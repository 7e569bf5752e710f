import * as vscode from 'vscode';
import {
  SECTION,
  resolveSignInSettings,
  type CustomCloudSettings,
  type SettingProblem,
} from './settings/signInSettings';
import type { CloudName } from './model/clouds';

/** The extension's settings, typed. The only module that reads `getConfiguration`. */
export { SECTION };
export type { CloudName, CustomCloudSettings, SettingProblem };
export type { ServicePrincipalTokenSource } from './settings/signInSettings';

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
  /** Sign-in values that were ignored (set in a workspace) or rejected (not https, unknown names), with why. */
  readonly problems: readonly SettingProblem[];
  readonly selectedSubscriptions: readonly string[];
  readonly yaml: YamlSettings;
}

export function readSettings(scope?: vscode.ConfigurationScope): FoundrySettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  // Sign-in settings come from inspect(): the user's value only, never a workspace's (settings/signInSettings.ts).
  const { settings, problems } = resolveSignInSettings((key) => config.inspect(key));
  return {
    ...settings,
    problems,
    selectedSubscriptions: config.get<string[]>('selectedSubscriptions', []),
    yaml: {
      validate: config.get<'auto' | 'off'>('yaml.validate', 'auto'),
      include: config.get<string[]>('yaml.include', []),
      exclude: config.get<string[]>('yaml.exclude', []),
      debounceMs: config.get<number>('yaml.debounceMs', 200),
    },
  };
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
