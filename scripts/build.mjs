// Builds the extension with esbuild.
// dist/extension.js is the small activation bundle; heavy parts (the YAML parser, the Azure SDKs) are bundles of their
// own that src/lazy.ts loads on first use. dist/cli.js is the standalone `foundry-net`.
// out/test/integration/ holds the in-host mocha suites.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a Windows drive letter or a space in the path survives it.
const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Lazily loaded bundles: the path each is required by (from dist/) and its entry. */
export const LAZY_BUNDLES = [
  { out: 'yaml', entry: 'src/yaml/vscode/index.ts' },
  { out: 'azure', entry: 'src/features.ts' },
];

/**
 * The local ARM emulator, a product of its own (src/emulator): the sandbox loads dist/emulator.js in the extension host
 * (src/sandbox/emulatorBundle.ts requires it by that name), and `npm run emulator` runs it with node.
 */
const EMULATOR_BUNDLE = { out: 'emulator', entry: 'src/emulator/bundle.ts' };

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // The lazy bundles are required at run time by their dist/ file name.
  external: ['vscode', ...[...LAZY_BUNDLES, EMULATOR_BUNDLE].map((b) => `./${b.out}.js`)],
};

/** What activation must never load: the Azure SDKs and the YAML parser belong in the lazy bundles. */
const HEAVY_IN_ACTIVATION = /node_modules\/(@azure|@microsoft|yaml|ipaddr\.js)\//;

function extensionBuilds() {
  const builds = [{ ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', metafile: true }];
  for (const bundle of LAZY_BUNDLES) {
    if (existsSync(join(root, bundle.entry))) {
      builds.push({ ...common, entryPoints: { [bundle.out]: bundle.entry }, outdir: 'dist' });
    }
  }
  if (existsSync(join(root, 'src/cli/bin.ts'))) {
    builds.push({
      ...common,
      external: [],
      entryPoints: { cli: 'src/cli/bin.ts' },
      // src/cli/bin.ts starts with its own #! line, which esbuild keeps.
      outdir: 'dist',
    });
  }
  return builds;
}

function emulatorBuild() {
  return { ...common, external: [], entryPoints: { [EMULATOR_BUNDLE.out]: EMULATOR_BUNDLE.entry }, outdir: 'dist' };
}

function integrationTestBuild() {
  const dir = join(root, 'test/integration');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/integration/${f}`);
  return {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: entries,
    outdir: 'out/test/integration',
    // mocha is loaded from node_modules in the extension host; the emulator admin client is bundled.
    external: ['vscode', 'mocha'],
  };
}

async function main() {
  // `npm run emulator`: only the emulator bundle, leaving the rest of dist/ as it is.
  if (process.argv.includes('--emulator-only')) {
    await esbuild.build(emulatorBuild());
    return;
  }
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const builds = [...extensionBuilds(), emulatorBuild(), integrationTestBuild()];
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    console.log('[build] watching');
    return;
  }
  const started = performance.now();
  const [activation] = await Promise.all(builds.map((options) => esbuild.build(options)));
  const heavy = Object.keys(activation.metafile.inputs).filter((input) => HEAVY_IN_ACTIVATION.test(input));
  if (heavy.length) {
    throw new Error(
      `dist/extension.js must stay small, but it bundles ${heavy.slice(0, 5).join(', ')}: load them through src/lazy.ts`,
    );
  }
  const size = Object.values(activation.metafile.outputs).find((o) => o.entryPoint === 'src/extension.ts')?.bytes ?? 0;
  console.log(
    `[build] ${builds.length} bundles in ${(performance.now() - started).toFixed(0)} ms; dist/extension.js ${(size / 1024).toFixed(1)} KB`,
  );
}

main().catch((error) => {
  console.error(`[build] ${error.message}`);
  process.exit(1);
});
