// Builds the production bundles and packages the VSIX with @vscode/vsce, offline.
// Everything is bundled, so node_modules stays out (--no-dependencies).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const VSIX_PATH = join(root, `foundry-network-${version}.vsix`);

execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '-o', VSIX_PATH], {
  stdio: ['ignore', 'inherit', 'inherit'],
  cwd: root,
});
const bundle = statSync(join(root, 'dist/extension.js')).size;
console.log(`[package] ${VSIX_PATH}: ${(statSync(VSIX_PATH).size / 1024).toFixed(1)} KB; dist/extension.js ${(bundle / 1024).toFixed(1)} KB`);
