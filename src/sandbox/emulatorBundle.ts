/**
 * The local ARM emulator, loaded from its own bundle (dist/emulator.js, next to this one) only when the sandbox starts.
 * The features never import the emulator's code: these are the few parts of its API the sandbox uses, and a unit test
 * checks that the emulator still offers them.
 */

export interface SandboxEmulatorOptions {
  /** 0: a free port. */
  readonly port: number;
  readonly seed: 'demo';
  /** The state persists here across restarts. */
  readonly statePath: string;
  readonly lro: 'realistic';
  readonly clientSecret: string;
}

export interface SandboxEmulator {
  readonly url: string;
  readonly caCertPath: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatorBundle {
  startEmulator(options: SandboxEmulatorOptions): Promise<SandboxEmulator>;
}

export function loadEmulatorBundle(): EmulatorBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./emulator.js') as EmulatorBundle;
}
