/**
 * Starting the sandbox's emulator on the state it kept in global storage. A state file it cannot read (cut short by a
 * crash or a full disk, edited by hand, left by another version) must not lock the user out of the sandbox, and must
 * not be lost either: it is set aside under a new name, and the sandbox starts from the demo topology. No vscode import.
 */
import { rename } from 'node:fs/promises';
import type { EmulatorBundle, SandboxEmulator, SandboxEmulatorOptions } from './emulatorBundle';

export interface StartedSandboxEmulator {
  readonly emulator: SandboxEmulator;
  /** Where an unreadable state was moved to, if it was. */
  readonly setAsidePath?: string;
}

/** The emulator's UnreadableStateError, recognised by its code: it comes from another bundle. */
const isUnreadableState = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'UnreadableState';

/** `state.json` → `state.unreadable-2026-12-04T18-30-00-000Z.json`: no colon, which Windows forbids in file names. */
export function setAsideName(statePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return statePath.replace(/(\.json)?$/i, `.unreadable-${stamp}.json`);
}

export async function startOnSavedState(
  bundle: EmulatorBundle,
  options: SandboxEmulatorOptions,
  now: () => Date = () => new Date(),
): Promise<StartedSandboxEmulator> {
  try {
    return { emulator: await bundle.startEmulator(options) };
  } catch (error) {
    if (!isUnreadableState(error)) throw error;
    const setAsidePath = setAsideName(options.statePath, now());
    await rename(options.statePath, setAsidePath);
    return { emulator: await bundle.startEmulator(options), setAsidePath };
  }
}
