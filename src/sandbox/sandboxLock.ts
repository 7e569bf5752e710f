/**
 * One sandbox at a time per VS Code profile. Every window has its own extension host, and two emulators on one state
 * file would each overwrite what the other changed; so the first window to start the sandbox holds this lock, and the
 * others say so instead of starting a second emulator. No vscode import.
 *
 * Hand-written rather than proper-lockfile: that one loads signal-exit, which rewrites process.emit and
 * process.reallyExit of the extension host that every extension shares. A file holding the holder's process id is
 * enough here: a window that crashed leaves a file whose process is gone, and the next start takes it over.
 */
import * as l10n from '@vscode/l10n';
import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class SandboxInUseError extends Error {
  constructor(readonly holder: number) {
    super(
      l10n.t(
        'The sandbox is open in another VS Code window (process {0}): use it there, or exit it there first.',
        holder,
      ),
    );
    this.name = 'SandboxInUseError';
  }
}

export interface SandboxLock {
  release(): Promise<void>;
  /** For dispose(), which cannot wait. */
  releaseSync(): void;
}

/** Signal 0 only asks whether the process exists; EPERM means it does, under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockSandbox(directory: string, pid = process.pid): Promise<SandboxLock> {
  const path = join(directory, 'sandbox.lock');
  const holdsIt = (text: string): boolean => text.trim() === String(pid);
  const lock: SandboxLock = {
    release: async () => {
      if (holdsIt(await readFile(path, 'utf8').catch(() => ''))) await rm(path, { force: true });
    },
    releaseSync: () => {
      try {
        if (holdsIt(readFileSync(path, 'utf8'))) unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(pid), { flag: 'wx' });
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && isRunning(holder))
      throw new SandboxInUseError(holder);
    // Its holder is gone (or it is this process's own, left by an earlier start): take it over.
    await rm(path, { force: true });
  }
  throw new Error(`${path} keeps coming back: another window is starting the sandbox right now.`);
}
