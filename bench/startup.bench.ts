/**
 * Start-up and size, from the production build that the VSIX ships (scripts/package.mjs): the activation bundle's
 * bytes, activate() itself, the time to `require` each bundle in a fresh Node process (bench/requireBundle.mjs, a plain
 * .mjs so no loader distorts it), and the bytes of dist/ and of the VSIX. activate() runs here against a stub of the
 * vscode API: it times our code, not the host's; the integration suite's activation test logs the same figure from the
 * real extension host ("[measure] activation took …").
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchPart, type Figure, QUICK, type Row, figure, runBench, show } from './support';

const root = new URL('..', import.meta.url).pathname;
const RUNS = QUICK ? 3 : 9;
const KB = 1024;

interface Loaded {
  readonly requireMs: number;
  readonly activateMs?: number;
}

function load(bundle: string, activate = false): Loaded {
  const output = execFileSync(
    process.execPath,
    [join(root, 'bench/requireBundle.mjs'), join(root, 'dist', bundle), ...(activate ? ['--activate'] : [])],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as Loaded;
}

/** Fresh processes in turn, so each bundle is measured under the same load. */
function measureLoads(): { activation: Figure; activate: Figure; azure: Figure; yaml: Figure } {
  const runs: { activation: number[]; activate: number[]; azure: number[]; yaml: number[] } = {
    activation: [],
    activate: [],
    azure: [],
    yaml: [],
  };
  for (let run = 0; run < RUNS; run++) {
    const activation = load('extension.js', true);
    runs.activation.push(activation.requireMs);
    runs.activate.push(activation.activateMs!);
    runs.azure.push(load('azure.js').requireMs);
    runs.yaml.push(load('yaml.js').requireMs);
  }
  return {
    activation: figure(runs.activation),
    activate: figure(runs.activate),
    azure: figure(runs.azure),
    yaml: figure(runs.yaml),
  };
}

function packageVsix(): string {
  const output = execFileSync(process.execPath, [join(root, 'scripts/package.mjs')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (!output.includes('[package]')) throw new Error(`packaging said nothing of its VSIX:\n${output}`);
  return join(root, `foundry-network-${version}.vsix`);
}

runBench(async (): Promise<BenchPart> => {
  const vsix = packageVsix();
  const vsixBytes = statSync(vsix).size;
  const distBytes = readdirSync(join(root, 'dist')).reduce(
    (sum, file) => sum + statSync(join(root, 'dist', file)).size,
    0,
  );
  const activationBundleBytes = statSync(join(root, 'dist/extension.js')).size;
  const azureBundleBytes = statSync(join(root, 'dist/azure.js')).size;
  const loads = measureLoads();
  const startup = {
    activateMs: loads.activate,
    activationBundleRequireMs: loads.activation,
    activationBundleBytes,
    azureBundleRequireMs: loads.azure,
    azureBundleBytes,
    yamlBundleRequireMs: loads.yaml,
  };
  const rows: Row[] = [
    {
      section: 'start-up',
      measure: 'activate() (stub host), ms',
      value: show(loads.activate, 2),
      budget: '≤ 10 ms',
      holds: loads.activate.median <= 10,
    },
    {
      section: 'start-up',
      measure: 'activation bundle dist/extension.js, KB',
      value: show(activationBundleBytes / KB),
      budget: '≤ 50 KB',
      holds: activationBundleBytes <= 50 * KB,
    },
    { section: 'start-up', measure: 'require dist/extension.js, ms', value: show(loads.activation) },
    {
      section: 'start-up',
      measure: `require dist/azure.js (${(azureBundleBytes / KB).toFixed(0)} KB; first expansion), ms`,
      value: show(loads.azure),
      budget: '≤ 100 ms',
      holds: loads.azure.median <= 100,
    },
    { section: 'start-up', measure: 'require dist/yaml.js (first hub YAML), ms', value: show(loads.yaml) },
    { section: 'size', measure: 'dist/ (with the foundry-net CLI), KB', value: show(distBytes / KB, 0) },
    {
      section: 'size',
      measure: 'VSIX, KB',
      value: show(vsixBytes / KB, 0),
      budget: '≤ 4096 KB',
      holds: vsixBytes <= 4096 * KB,
    },
  ];
  return { results: { startup, distBytes, vsixBytes }, rows };
});
