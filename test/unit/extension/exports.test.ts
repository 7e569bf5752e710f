/**
 * What activate() hands other extensions: whatever it returns is `vscode.extensions.getExtension(id).exports` for any
 * caller. The services give ARM credentials, scripted wizard answers and unreviewed writes, so only a test run (which
 * no setting, workspace or environment variable can start) gets them. src/extension.ts is bundled here and activated
 * against a stub of the vscode module, with a context in each ExtensionMode.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

const root = join(import.meta.dirname, '..', '..', '..');
/** vscode.ExtensionMode's values (vscode.d.ts). */
const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;

/**
 * The vscode module, enough for activate(): ExtensionMode is real; every other member answers with the stub itself,
 * so calls, constructors and property chains (window.createTreeView(...).onDidChangeVisibility) all succeed.
 */
function vscodeStub(): unknown {
  const stub: unknown = new Proxy(function vscode() {}, {
    get: (_target, property) => {
      if (property === 'ExtensionMode') return ExtensionMode;
      if (property === Symbol.toPrimitive) return () => '';
      if (property === Symbol.iterator) return function* () {};
      if (property === 'then' || property === '__esModule') return undefined;
      return stub;
    },
    apply: () => stub,
    construct: () => stub as object,
    set: () => true,
    getPrototypeOf: () => stub as object,
  });
  return stub;
}

interface ActivationBundle {
  activate(context: unknown): unknown;
}

async function loadActivationBundle(): Promise<{ bundle: ActivationBundle; exported: string[] }> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    external: ['vscode', './azure.js', './yaml.js', './emulator.js'],
  });
  const vscode = vscodeStub();
  const realRequire = createRequire(join(root, 'dist', 'extension.js'));
  const requireInBundle = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    // The lazy bundles load on first use, never during activate().
    if (id.startsWith('./')) throw new Error(`activate() loaded the lazy bundle ${id}`);
    return realRequire(id);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', result.outputFiles[0]!.text)(requireInBundle, module, module.exports);
  return { bundle: module.exports as unknown as ActivationBundle, exported: Object.keys(module.exports).sort() };
}

function contextIn(extensionMode: number): unknown {
  const globalState = { get: () => undefined, update: async () => undefined, keys: () => [] };
  const members: Record<string, unknown> = { extensionMode, subscriptions: [], globalState };
  return new Proxy(members, { get: (target, property) => target[property as string] ?? vscodeStub() });
}

describe('the exported API', () => {
  it('is nothing in Production and Development: no services, credentials or wizards reach another extension', async () => {
    const { bundle, exported } = await loadActivationBundle();
    assert.deepEqual(exported, ['activate', 'deactivate']);
    assert.equal(bundle.activate(contextIn(ExtensionMode.Production)), undefined);
    assert.equal(bundle.activate(contextIn(ExtensionMode.Development)), undefined);
  });

  it('is the services in Test mode, for the in-host suites', async () => {
    const { bundle } = await loadActivationBundle();
    const services = bundle.activate(contextIn(ExtensionMode.Test)) as Record<string, unknown>;
    assert.ok(services, 'activate() returned the services');
    assert.deepEqual(Object.keys(services).sort(), [
      'activationTiming',
      'extension',
      'hubsView',
      'log',
      'sandbox',
      'signIn',
    ]);
  });
});
