/**
 * Issue 16: the code-server of the suites and `npm run sandbox` asks for a password, and none of its processes holds
 * a token from the environment of the process that started it. (test/unit/security/processEnvironment.test.ts checks
 * the environment and config it is given; this checks the running server.)
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, logIn, waitForWorkbench, type RunningBrowser } from '../harness/browser';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';

/** Set in this test process (node --test runs each file in a process of its own) before code-server starts. */
const PLANTED = {
  GITHUB_TOKEN: 'planted-github-token',
  AZURE_CLIENT_SECRET: 'planted-azure-client-secret',
  FOUNDRY_EMULATOR: '{"adminToken":"planted-admin-token"}',
  PASSWORD: 'planted-code-server-password',
};

/** A file of /proc, or '' when its thread or process has ended since it was listed. */
function procFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** A process and all its descendants, from /proc. */
function processTree(pid: number): number[] {
  const tasks = existsSync(`/proc/${pid}/task`) ? readdirSync(`/proc/${pid}/task`) : [];
  const children = tasks.flatMap((task) =>
    procFile(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(processTree)];
}

function environmentOf(pid: number): Map<string, string> {
  const entries = procFile(`/proc/${pid}/environ`).split('\0').filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('code-server: a password, and none of the environment it was started from', () => {
  let server: RunningCodeServer;
  let browser: RunningBrowser | undefined;
  before(async () => {
    Object.assign(process.env, PLANTED);
    server = await startCodeServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor without the password to the login page, and refuses a wrong one', async () => {
    const anonymous = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.get('location') ?? '', /login/);
    const wrong = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ password: PLANTED.PASSWORD }),
      redirect: 'manual',
    });
    assert.equal(wrong.status, 200, 'the login page again, with its error');
    assert.ok(!(await wrong.text()).includes('monaco-workbench'));
    const config = join(server.runDir, 'config.yaml');
    assert.equal(statSync(config).mode & 0o777, 0o600, 'config.yaml (with the password) is readable by this user only');
    assert.match(readFileSync(config, 'utf8'), /^auth: password$/m);
  });

  it('opens the workbench after logIn with its password', async () => {
    browser = await launchBrowser();
    await logIn(browser.page, server);
    await browser.page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(browser.page);
  });

  it('holds no planted token in any of its processes, and its HOME is its own', () => {
    assert.ok(existsSync(`/proc/${server.pid}`), 'code-server runs');
    const processes = processTree(server.pid);
    assert.ok(
      processes.length > 1,
      'code-server and the processes it started (the workbench opened: its extension host)',
    );
    for (const pid of processes) {
      const environment = environmentOf(pid);
      for (const [name, value] of Object.entries(PLANTED)) {
        assert.ok(!environment.has(name), `process ${pid} has ${name}`);
        assert.ok(![...environment.values()].some((held) => held.includes(value)), `process ${pid} holds ${value}`);
      }
      if (environment.has('HOME'))
        assert.ok(environment.get('HOME')!.startsWith(server.runDir), `process ${pid}'s HOME`);
    }
  });
});
