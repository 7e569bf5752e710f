// Prints how long one `require` of a bundle takes in a fresh Node process: `node bench/requireBundle.mjs dist/azure.js`.
// A plain .mjs (not through tsx, whose loader would transform the bundle and distort the time). The bundles require
// 'vscode', which only the extension host provides: a stub answers every property with itself, enough for a module's
// top level (class X extends vscode.TreeItem, enums read at load).
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

const stub = new Proxy(function vscode() {}, {
  get: (_target, property) => (property === Symbol.toPrimitive ? () => '' : property === '__esModule' ? false : stub),
  apply: () => stub,
  construct: () => stub,
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
require(bundle);
console.log(JSON.stringify({ bundle, requireMs: performance.now() - started }));
