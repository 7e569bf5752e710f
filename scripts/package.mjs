// Builds the production bundles and packages the VSIX with @vscode/vsce, offline.
// Everything is bundled, so node_modules stays out (--no-dependencies).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a Windows drive letter or a space in the path survives it.
const root = fileURLToPath(new URL('..', import.meta.url));
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
  // The project has no public repository (yet): package.json names none rather than a placeholder.
  '--allow-missing-repository',
  '-o',
  VSIX_PATH,
]);
const kilobytes = (path) => `${(statSync(path).size / 1024).toFixed(1)} KB`;
/** The VSIX must stay under this: the sandbox's emulator bundle ships in it. */
const VSIX_LIMIT_BYTES = 4 * 1024 * 1024;
console.log(
  `[package] ${VSIX_PATH}: ${kilobytes(VSIX_PATH)}; dist/extension.js ${kilobytes(join(root, 'dist/extension.js'))}, dist/emulator.js ${kilobytes(join(root, 'dist/emulator.js'))}`,
);
if (statSync(VSIX_PATH).size >= VSIX_LIMIT_BYTES) {
  console.error(`[package] the VSIX is over ${VSIX_LIMIT_BYTES / 1024 / 1024} MB`);
  process.exit(1);
}
