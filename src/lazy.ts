/**
 * Loaders of the heavy bundles that scripts/build.mjs emits next to dist/extension.js. They are required by file
 * name at run time, so activation loads neither the Azure SDKs nor the YAML parser.
 */
import type * as Features from './features';
import type * as YamlFeatures from './yaml/vscode/index';

export type FeaturesModule = typeof Features;

export function loadFeaturesModule(): FeaturesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./azure.js') as FeaturesModule;
}

export type YamlModule = typeof YamlFeatures;

export function loadYamlModule(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./yaml.js') as YamlModule;
}
