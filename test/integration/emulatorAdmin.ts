import { readFileSync } from 'node:fs';
import { EmulatorAdmin } from '../../src/emulator/adminClient';

/**
 * The test emulator's admin API. Its connection (with the admin token) is in a file only this user can read, named by
 * FOUNDRY_TEST_EMULATOR_ADMIN (test/harness/emulatorSettings.mjs, `adminConnectionEnv`): never in the environment, which
 * every terminal and task of the VS Code under test inherits.
 */
export function testEmulatorAdmin(): EmulatorAdmin {
  const file = process.env.FOUNDRY_TEST_EMULATOR_ADMIN;
  if (!file) throw new Error('FOUNDRY_TEST_EMULATOR_ADMIN is not set: run these tests with "npm run test:integration"');
  return new EmulatorAdmin(JSON.parse(readFileSync(file, 'utf8')));
}
