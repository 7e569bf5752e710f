// The environment of every process the harness starts (code-server, the emulator's CLI): the variables named here and
// what the caller adds, never a copy of the developer's environment, which holds their tokens (GITHUB_TOKEN,
// AZURE_CLIENT_SECRET, NPM_TOKEN, …). Plain JavaScript: .vscode-test.mjs, which plain Node loads, uses it too.

/** What a child process takes from this one, and why; none of them holds a secret. */
export const INHERITED_VARIABLES = Object.freeze([
  // Programs: node, a shell, git and az for code-server's terminals and tasks.
  'PATH',
  // The locale: UTF-8 file names and messages.
  'LANG',
  'LC_ALL',
  // Where temporary files go (node's os.tmpdir()), as the developer chose.
  'TMPDIR',
]);

/** The allow-listed variables that are set in `from`, plus `extra` (which wins). */
export function childEnvironment(extra = {}, from = process.env) {
  const environment = {};
  for (const name of INHERITED_VARIABLES) if (typeof from[name] === 'string') environment[name] = from[name];
  return { ...environment, ...extra };
}
