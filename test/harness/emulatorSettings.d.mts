/** Types for emulatorSettings.mjs. */
export interface EmulatorConnection {
  readonly url: string;
  readonly caCertPath: string;
  readonly adminToken: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}
export declare const SANDBOX_SECRET_ENV: string;
export declare function emulatorSettings(emulator: EmulatorConnection): Record<string, unknown>;
export declare function emulatorEnv(emulator: EmulatorConnection): Record<string, string>;
export declare const ADMIN_CONNECTION_ENV: string;
export declare function adminConnectionEnv(emulator: EmulatorConnection, path: string): Record<string, string>;
