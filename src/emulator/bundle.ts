/**
 * The emulator's own bundle, dist/emulator.js: the library the sandbox loads in the extension host, and, run with
 * node (`npm run emulator`), the command line of main.ts.
 */
export { DEMO_IDENTITY, startEmulator } from './index';
export type { EmulatorOptions, RunningEmulator, Topology } from './index';

if (require.main === module) void import('./main');
