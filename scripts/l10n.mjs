// `npm run l10n`: moves every human-readable string of package.json into package.nls.json (as %key%), and exports
// the strings of the code (l10n.t calls) into l10n/bundle.l10n.json with @vscode/l10n-dev.
// `--check` changes nothing and exits 1 when either file is out of date (the unit tests run it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const manifestPath = join(root, 'package.json');
const nlsPath = join(root, 'package.nls.json');
const bundlePath = join(root, 'l10n', 'bundle.l10n.json');

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const nls = JSON.parse(readFileSync(nlsPath, 'utf8'));
const problems = [];

/** Replaces a raw string by %key% and records it; a %key% must exist in package.nls.json. */
function externalize(holder, field, key) {
  const value = holder?.[field];
  if (typeof value !== 'string' || value === '') return;
  const reference = /^%(.+)%$/.exec(value);
  if (reference) {
    if (!(reference[1] in nls)) problems.push(`package.json names %${reference[1]}% but package.nls.json lacks it`);
    used.add(reference[1]);
    return;
  }
  problems.push(`package.json: "${value.slice(0, 60)}" is not localizable (it becomes %${key}%)`);
  nls[key] = value;
  holder[field] = `%${key}%`;
  used.add(key);
}

const used = new Set();
const short = (id) => id.replace(/^foundryNetwork\./, '');
const contributes = manifest.contributes ?? {};

externalize(manifest, 'displayName', 'displayName');
externalize(manifest, 'description', 'description');
externalize(manifest.capabilities?.untrustedWorkspaces, 'description', 'capabilities.untrustedWorkspaces.description');
for (const command of contributes.commands ?? []) {
  externalize(command, 'title', `command.${short(command.command)}.title`);
  externalize(command, 'shortTitle', `command.${short(command.command)}.shortTitle`);
  externalize(command, 'category', 'command.category');
}
for (const [place, containers] of Object.entries(contributes.viewsContainers ?? {}))
  for (const container of containers) externalize(container, 'title', `viewsContainer.${place}.${short(container.id)}`);
for (const views of Object.values(contributes.views ?? {}))
  for (const view of views) {
    externalize(view, 'name', `view.${short(view.id)}.name`);
    externalize(view, 'contextualTitle', `view.${short(view.id)}.contextualTitle`);
  }
(contributes.viewsWelcome ?? []).forEach((welcome, index) =>
  externalize(welcome, 'contents', `viewsWelcome.${short(welcome.view)}.${index}`),
);
for (const configuration of [contributes.configuration ?? []].flat()) {
  externalize(configuration, 'title', 'configuration.title');
  for (const [name, property] of Object.entries(configuration.properties ?? {})) {
    const key = `config.${short(name)}`;
    for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage'])
      externalize(property, field, `${key}.${field}`);
    (property.enumDescriptions ?? []).forEach((_, index) =>
      externalize(property.enumDescriptions, index, `${key}.enum.${property.enum?.[index] ?? index}`),
    );
  }
}
for (const walkthrough of contributes.walkthroughs ?? []) {
  const key = `walkthrough.${walkthrough.id}`;
  externalize(walkthrough, 'title', `${key}.title`);
  externalize(walkthrough, 'description', `${key}.description`);
  for (const step of walkthrough.steps ?? []) {
    externalize(step, 'title', `${key}.${step.id}.title`);
    externalize(step, 'description', `${key}.${step.id}.description`);
    externalize(step.media, 'altText', `${key}.${step.id}.altText`);
  }
}
for (const key of Object.keys(nls))
  if (!used.has(key)) {
    problems.push(`package.nls.json: ${key} is not used by package.json`);
    delete nls[key];
  }

// The code's strings: @vscode/l10n-dev reads every l10n.t(...) call (vscode.l10n.t and @vscode/l10n alike).
const exportDir = mkdtempSync(join(tmpdir(), 'foundry-l10n-'));
try {
  const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
  execFileSync(process.execPath, [cli, 'export', '--outDir', exportDir, join(root, 'src')], { stdio: 'pipe' });
  // With no l10n.t call at all the exporter writes nothing.
  const exportedPath = join(exportDir, 'bundle.l10n.json');
  const exported = existsSync(exportedPath) ? JSON.parse(readFileSync(exportedPath, 'utf8')) : {};
  const current = (() => {
    try {
      return readFileSync(bundlePath, 'utf8');
    } catch {
      return '';
    }
  })();
  const next = `${JSON.stringify(exported, null, 2)}\n`;
  if (current !== next) {
    problems.push('l10n/bundle.l10n.json does not hold exactly the strings of the l10n.t calls in src');
    if (!check) writeFileSync(bundlePath, next);
  }
} finally {
  rmSync(exportDir, { recursive: true, force: true });
}

if (!check) {
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const sorted = Object.fromEntries(Object.entries(nls).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(nlsPath, `${JSON.stringify(sorted, null, 2)}\n`);
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  execFileSync(process.execPath, [prettier, '--write', manifestPath, nlsPath, bundlePath], { stdio: 'ignore' });
  console.log(problems.length ? `updated: ${problems.length} change(s)` : 'up to date');
} else if (problems.length) {
  console.error(problems.join('\n'));
  console.error('Run `npm run l10n` to update package.nls.json and l10n/bundle.l10n.json.');
  process.exit(1);
}
