import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SandboxInUseError, lockSandbox } from '../../../src/sandbox/sandboxLock';

const directory = (): string => mkdtempSync(join(tmpdir(), 'foundry-sandbox-lock-'));

/** A process id that no longer runs: a child that has exited. */
async function exitedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

describe('the sandbox lock: one sandbox per profile, whatever the windows', () => {
  it('lets one window hold it, refuses another while the holder runs, and frees it on release', async () => {
    const folder = directory();
    // Another window: another extension host, here a process that is running (this test's parent or this one's).
    const otherWindow = process.ppid;
    const held = await lockSandbox(folder, otherWindow);
    await assert.rejects(lockSandbox(folder), (error: unknown) => {
      assert.ok(error instanceof SandboxInUseError);
      assert.equal(error.holder, otherWindow);
      assert.match(error.message, /another VS Code window/);
      return true;
    });
    await held.release();
    const mine = await lockSandbox(folder);
    assert.equal(readFileSync(join(folder, 'sandbox.lock'), 'utf8'), String(process.pid));
    mine.releaseSync();
    assert.equal(existsSync(join(folder, 'sandbox.lock')), false);
  });

  it('takes over the lock of a window that crashed', async () => {
    const folder = directory();
    writeFileSync(join(folder, 'sandbox.lock'), String(await exitedProcessId()));
    const lock = await lockSandbox(folder);
    assert.equal(readFileSync(join(folder, 'sandbox.lock'), 'utf8'), String(process.pid));
    await lock.release();
  });

  it('never releases a lock that another window holds now', async () => {
    const folder = directory();
    const mine = await lockSandbox(folder);
    writeFileSync(join(folder, 'sandbox.lock'), String(process.ppid));
    await mine.release();
    mine.releaseSync();
    assert.equal(readFileSync(join(folder, 'sandbox.lock'), 'utf8'), String(process.ppid));
  });
});
