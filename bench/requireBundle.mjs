// Prints how long one `require` of a bundle takes in a fresh Node process: `node bench/requireBundle.mjs dist/azure.js`.
// With --activate it then calls the bundle's activate() with a context whose every other member is the stub, and
// prints the extension's own activation timing (services.activationTiming).
// A plain .mjs (not through tsx, whose loader would transform the bundle and distort the time). The bundles require
// 'vscode', which only the extension host provides: a stub answers every property with itself, enough for a module's
// top level (class X extends vscode.TreeItem, enums read at load).
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

const stub = new Proxy(function vscode() {}, {
  get: (_target, property) => (property === Symbol.toPrimitive ? () => '' : property === '__esModule' ? false : stub),
  apply: () => stub,
  construct: () => stub,
  // Writes (statusBarItem.name = …) are accepted and forgotten: a function's own `name` is read-only.
  set: () => true,
  // esbuild's ESM interop copies a module onto an object created from its prototype: lookups fall through to here.
  getPrototypeOf: () => stub,
});
const require = createRequire(import.meta.url);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };

const bundle = resolve(process.argv[2] ?? '');
const started = performance.now();
const loaded = require(bundle);
const requireMs = performance.now() - started;
if (process.argv.includes('--activate')) {
  // Nothing remembered: a sandbox left running by an earlier session is not resumed here.
  const globalState = { get: () => undefined, update: async () => undefined, keys: () => [] };
  const context = new Proxy(
    { subscriptions: [], globalState },
    { get: (target, property) => target[property] ?? stub },
  );
  const timing = loaded.activate(context).activationTiming;
  const activateMs = timing.activateFinishedAt - timing.activateStartedAt;
  console.log(JSON.stringify({ bundle, requireMs, activateMs, registrations: context.subscriptions.length }));
} else {
  console.log(JSON.stringify({ bundle, requireMs }));
}
