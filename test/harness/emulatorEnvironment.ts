import type { RunningEmulator, startEmulator } from '../../src/emulator/index';
import { emulatorEnv, emulatorSettings } from './emulatorSettings.mjs';

export {
  ADMIN_CONNECTION_ENV,
  SANDBOX_SECRET_ENV,
  adminConnectionEnv,
  emulatorEnv,
  emulatorSettings,
} from './emulatorSettings.mjs';

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  /** User settings that point the extension at the emulator. */
  readonly settings: Record<string, unknown>;
  /** Environment for code-server and so the extension host: no admin token (see `adminConnectionEnv`). */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export async function startTestEmulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<TestEmulator> {
  // Loaded on demand: suites that need no Azure never start (or load) the emulator.
  const { startEmulator: start } = await import('../../src/emulator/index');
  const emulator = await start({ seed: 'demo', lro: 'instant', ...options });
  return {
    emulator,
    settings: emulatorSettings(emulator),
    env: emulatorEnv(emulator),
    close: () => emulator.close(),
  };
}
