/**
 * The build's rule for modules in several extension-host bundles (scripts/bundleOverlap.mjs): its logic over made-up
 * metafile inputs, and the real bundles' inputs, which must hold no shared stateful module (src/log.ts was in two).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import {
  SHARED_MODULES,
  bundleOverlapProblems,
  modulesInSeveralBundles,
  topLevelState,
} from '../../../scripts/bundleOverlap.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const noSource = (module: string): string => assert.fail(`${module} was read, but no allowed src module is shared`);

describe('bundleOverlap', () => {
  it('finds the modules held by two or more bundles, and which bundles hold them', () => {
    const shared = modulesInSeveralBundles({
      extension: ['src/extension.ts', 'src/log.ts', 'src/config.ts'],
      azure: ['src/features.ts', 'src/log.ts', 'src/config.ts', '<define:process.env>'],
      yaml: ['src/yaml/vscode/index.ts', 'src/config.ts', 'package.json'],
    });
    assert.deepEqual(
      [...shared],
      [
        ['src/log.ts', ['extension', 'azure']],
        ['src/config.ts', ['extension', 'azure', 'yaml']],
      ],
    );
  });

  it('fails a module that is in two bundles and not on the allow-list (the second log channel)', () => {
    const problems = bundleOverlapProblems(
      { extension: ['src/extension.ts', 'src/log.ts'], azure: ['src/features.ts', 'src/log.ts'] },
      noSource,
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^src\/log\.ts is bundled into extension, azure: /);
  });

  it('passes modules in one bundle each, and allowed stateless modules in several', () => {
    const sources: Record<string, string> = { 'src/ids.ts': "export const IDS = { a: 'a' } as const;\n" };
    const problems = bundleOverlapProblems(
      {
        extension: ['src/extension.ts', 'src/ids.ts'],
        azure: ['src/features.ts', 'src/ids.ts', 'node_modules/x/a.js'],
      },
      (module) => sources[module]!,
      { 'src/ids.ts': { reason: 'constants' } },
    );
    assert.deepEqual(problems, []);
  });

  it('fails an allowed src module that grew module-level state nobody reviewed', () => {
    const sources: Record<string, string> = {
      'src/shared.ts': 'let count = 0;\nconst cache = new Map<string, number>();\nexport const bump = () => ++count;\n',
    };
    const inputs = { extension: ['src/shared.ts'], yaml: ['src/shared.ts'] };
    const read = (module: string) => sources[module]!;
    const unreviewed = bundleOverlapProblems(inputs, read, { 'src/shared.ts': { reason: 'pure' } });
    assert.equal(unreviewed.length, 1);
    assert.match(unreviewed[0]!, /module-level state \(count, cache\)/);
    const reviewed = bundleOverlapProblems(inputs, read, {
      'src/shared.ts': { reason: 'reviewed', state: ['count', 'cache'] },
    });
    assert.deepEqual(reviewed, []);
  });

  it('reads top-level let, var, const-held objects and static fields as state; constants, functions and locals as none', () => {
    const source = [
      "import * as vscode from 'vscode';",
      'let channel: vscode.OutputChannel | undefined;',
      'var legacy = 1;',
      'const emitter = new vscode.EventEmitter<void>();',
      'const registry = new Map<string, number>() as ReadonlyMap<string, number>;',
      "export const NAME = 'Foundry Network';",
      'export const TABLE = { a: 1 } as const;',
      'const SIZES = Array.from({ length: 3 }, (_, i) => i);',
      'export function f(): number { let local = 0; local++; return local; }',
      'export class Counter { static count = 0; static readonly START = 0; private total = 0; }',
    ].join('\n');
    assert.deepEqual(topLevelState(source), ['channel', 'legacy', 'emitter', 'registry', 'Counter.count']);
  });

  it('names a reason for every module it allows', () => {
    for (const [module, entry] of Object.entries(SHARED_MODULES)) assert.ok(entry.reason.length > 10, module);
  });

  it('finds one place that creates an output channel: src/log.ts', () => {
    const creators = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/${file.replaceAll('\\', '/')}`)
      .filter((file) => readFileSync(join(root, file), 'utf8').includes('createOutputChannel('));
    assert.deepEqual(creators, ['src/log.ts']);
  });

  it('holds for the real bundles: src/log.ts is in the activation bundle alone', async () => {
    const inputsByBundle: Record<string, string[]> = {};
    const entries = {
      extension: 'src/extension.ts',
      azure: 'src/features.ts',
      yaml: 'src/yaml/vscode/index.ts',
      emulator: 'src/emulator/bundle.ts',
    };
    for (const [name, entry] of Object.entries(entries)) {
      const result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: { [name]: entry },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        metafile: true,
        logLevel: 'silent',
        outdir: 'dist',
        external: ['vscode', './azure.js', './yaml.js', './emulator.js'],
      });
      inputsByBundle[name] = Object.keys(result.metafile.inputs);
    }
    assert.ok(inputsByBundle.extension!.includes('src/log.ts'));
    for (const lazy of ['azure', 'yaml', 'emulator']) assert.ok(!inputsByBundle[lazy]!.includes('src/log.ts'), lazy);
    assert.deepEqual(
      bundleOverlapProblems(inputsByBundle, (module) => readFileSync(join(root, module), 'utf8')),
      [],
    );
  });
});
