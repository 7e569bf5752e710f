// Builds the production bundles and packages the VSIX with @vscode/vsce, offline.
// Everything is bundled, so node_modules stays out (--no-dependencies).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const VSIX_PATH = join(root, `foundry-network-${version}.vsix`);

function run(title, args) {
  try {
    execFileSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  } catch {
    console.error(`[package] ${title} failed (see above)`);
    process.exit(1);
  }
}

run('build', [join(root, 'scripts/build.mjs'), '--production']);
// The README's images are relative (media/screenshots): VS Code shows them from the VSIX as they are.
run('vsce package', [
  join(root, 'node_modules/@vscode/vsce/vsce'),
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '-o',
  VSIX_PATH,
]);
const bundle = statSync(join(root, 'dist/extension.js')).size;
console.log(
  `[package] ${VSIX_PATH}: ${(statSync(VSIX_PATH).size / 1024).toFixed(1)} KB; dist/extension.js ${(bundle / 1024).toFixed(1)} KB`,
);
