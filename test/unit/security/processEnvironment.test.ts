/**
 * Issue 16, the sandbox leak: code-server ran with the developer's whole environment and `auth: none`, so anyone on the
 * machine got a terminal holding their tokens and the emulator's admin token. Now every process the harness starts
 * gets an allow-listed environment, code-server asks for a random password, and the admin token stays out of any
 * environment. The in-product sandbox starts no process at all: the emulator runs inside the extension host.
 * test/ui/codeServerAccess.test.ts checks the same on a running code-server.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { childEnvironment } from '../../harness/childEnvironment.mjs';
import { codeServerConfig, codeServerEnvironment } from '../../harness/codeServer';
import { emulatorEnv } from '../../harness/emulatorSettings.mjs';

/** What a developer's shell holds that must never reach a child: tokens, and variables that change code-server. */
const PLANTED = {
  GITHUB_TOKEN: 'planted-github-token',
  AZURE_CLIENT_SECRET: 'planted-azure-client-secret',
  NPM_TOKEN: 'planted-npm-token',
  FOUNDRY_EMULATOR: '{"adminToken":"planted-admin-token"}',
  PASSWORD: 'planted-code-server-password',
  HASHED_PASSWORD: 'planted-hash',
  NODE_OPTIONS: '--require /tmp/planted.js',
};
const DEVELOPER_SHELL = {
  ...PLANTED,
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LANG: 'en_US.UTF-8',
  SHELL: '/bin/bash',
  HOME: '/home/developer',
  TMPDIR: '/tmp/developer',
};
const RUN_DIRS = { home: '/run/cs/home', xdgConfig: '/run/cs/xdg-config', xdgData: '/run/cs/xdg-data' };

const holdsPlanted = (environment: Record<string, string>): string[] =>
  Object.entries(environment)
    .filter(([name, value]) => name in PLANTED || Object.values(PLANTED).some((planted) => value.includes(planted)))
    .map(([name]) => name);

describe('the environment of the processes the harness starts', () => {
  it("gives code-server the allow-listed variables and a HOME in its run folder, none of the developer's tokens", () => {
    const environment = codeServerEnvironment(RUN_DIRS, { NODE_EXTRA_CA_CERTS: '/run/ca.pem' }, DEVELOPER_SHELL);
    assert.deepEqual(environment, {
      PATH: DEVELOPER_SHELL.PATH,
      LANG: DEVELOPER_SHELL.LANG,
      TMPDIR: DEVELOPER_SHELL.TMPDIR,
      SHELL: DEVELOPER_SHELL.SHELL,
      HOME: RUN_DIRS.home,
      XDG_CONFIG_HOME: RUN_DIRS.xdgConfig,
      XDG_DATA_HOME: RUN_DIRS.xdgData,
      NODE_EXTRA_CA_CERTS: '/run/ca.pem',
    });
    assert.deepEqual(holdsPlanted(environment), []);
  });

  it("gives the emulator's CLI the allow-listed variables only", () => {
    const environment = childEnvironment({}, DEVELOPER_SHELL);
    assert.deepEqual(Object.keys(environment).sort(), ['LANG', 'PATH', 'TMPDIR']);
    assert.deepEqual(holdsPlanted(environment), []);
  });

  it("points the extension at the emulator without the emulator's admin token", () => {
    const emulator = {
      url: 'https://127.0.0.1:1',
      caCertPath: '/run/ca.pem',
      adminToken: 'planted-admin-token',
      tenantId: 'tenant',
      clientId: 'client',
      clientSecret: 'emulator-client-secret',
    };
    const environment = emulatorEnv(emulator);
    assert.deepEqual(Object.keys(environment).sort(), ['FOUNDRY_NETWORK_CLIENT_SECRET', 'NODE_EXTRA_CA_CERTS']);
    assert.ok(!JSON.stringify(environment).includes(emulator.adminToken));
  });

  it('configures code-server for password authentication, never auth: none', () => {
    const config = codeServerConfig('0123456789');
    assert.match(config, /^auth: password$/m);
    assert.match(config, /^password: "0123456789"$/m, 'quoted, so YAML keeps a password of digits a string');
    assert.doesNotMatch(config, /auth:\s*none/);
  });
});

const REPO = path.resolve(__dirname, '../../..');
/** The in-product sandbox and the emulator it loads into the extension host. */
const SANDBOX_FOLDERS = ['src/sandbox', 'src/emulator'];
const PROCESS_MODULES = new Set(
  ['child_process', 'worker_threads', 'cluster'].flatMap((name) => [name, `node:${name}`]),
);

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(REPO, folder)).flatMap((name) => {
    const relative = `${folder}/${name}`;
    if (statSync(path.join(REPO, relative)).isDirectory()) return sourceFiles(relative);
    return name.endsWith('.ts') ? [relative] : [];
  });
}

/** Imports (or requires) of a module that starts a process or thread, and every read of `process.env`. */
function processUses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(REPO, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const specifier =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
        ? node.moduleSpecifier
        : ts.isCallExpression(node) && node.arguments.length === 1
          ? node.arguments[0]
          : undefined;
    if (specifier && ts.isStringLiteral(specifier) && PROCESS_MODULES.has(specifier.text))
      found.push(`${file}: ${specifier.text}`);
    if (ts.isPropertyAccessExpression(node) && node.getText(source) === 'process.env')
      found.push(`${file}: process.env`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the in-product sandbox', () => {
  it('starts no process and reads no environment variable: nothing of the user can reach a child', () => {
    const files = SANDBOX_FOLDERS.flatMap(sourceFiles);
    assert.ok(files.length > 20, `found only ${files.length} files`);
    assert.deepEqual(files.flatMap(processUses), []);
  });

  it('finds a child process or an environment read where there is one', () => {
    const probe = path.join('test', 'unit', 'security', 'processEnvironment.test.ts');
    assert.deepEqual(
      processUses(probe).filter((use) => use.endsWith('process.env')),
      [],
      'this file names process.env only in strings and comments',
    );
    assert.ok(
      processUses('test/unit/emulator/cli.test.ts').includes('test/unit/emulator/cli.test.ts: node:child_process'),
    );
    assert.ok(processUses('test/harness/runIntegration.ts').includes('test/harness/runIntegration.ts: process.env'));
  });
});
