/**
 * Loaders of the heavy bundles that scripts/build.mjs emits next to dist/extension.js. They are required by file
 * name at run time, so activation loads neither the Azure SDKs nor the YAML parser.
 */
export type FeaturesModule = typeof import('./features');

export function loadFeaturesModule(): FeaturesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./azure.js') as FeaturesModule;
}
