/**
 * src/auth/vscodeAccess.ts against a fake `vscode`: `microsoft-sovereign-cloud.environment` belongs to VS Code's
 * sovereign-cloud sign-in and every Azure extension shares it, so it is written only after the user allows it.
 */
import { ConfigurationTarget, fake } from '../fakeVscode';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { VsCodeAzureAccess } from '../../../src/auth/vscodeAccess';
import type { KnownCloudName } from '../../../src/model/clouds';

const logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as vscode.LogOutputChannel;
const ENVIRONMENT = 'microsoft-sovereign-cloud.environment';

describe('VsCodeAzureAccess.create (src/auth/vscodeAccess.ts)', () => {
  beforeEach(() => fake.reset());

  it('writes nothing and asks nothing when VS Code already signs in to that cloud', async () => {
    (await VsCodeAzureAccess.create('AzureCloud', logger)).dispose();
    fake.settings.set(ENVIRONMENT, { globalValue: 'ChinaCloud' });
    (await VsCodeAzureAccess.create('AzureChinaCloud', logger)).dispose();
    assert.deepEqual(fake.updates, []);
    assert.deepEqual(fake.warnings, []);
  });

  it("asks in a modal before switching every Azure extension's cloud, and writes it only when allowed", async () => {
    fake.warningAnswers.push('Switch for All Azure Extensions');
    const access = await VsCodeAzureAccess.create('AzureUSGovernment', logger);
    access.dispose();
    assert.equal(fake.warnings.length, 1);
    assert.equal(fake.warnings[0]!.options?.modal, true);
    assert.match(fake.warnings[0]!.message, /from AzureCloud to USGovernment/);
    assert.deepEqual(fake.updates, [
      { setting: ENVIRONMENT, value: 'USGovernment', target: ConfigurationTarget.Global },
    ]);
    assert.equal(access.cloud.name, 'AzureUSGovernment');
  });

  it('leaves the setting alone and stops with a clear message when the user declines', async () => {
    fake.settings.set(ENVIRONMENT, { globalValue: 'ChinaCloud' });
    fake.warningAnswers.push(undefined);
    await assert.rejects(
      VsCodeAzureAccess.create('AzureCloud', logger),
      /foundryNetwork\.cloud is AzureCloud, but VS Code signs in to ChinaCloud \(microsoft-sovereign-cloud\.environment/,
    );
    assert.deepEqual(fake.updates, []);
  });

  for (const name of ['__proto__', 'constructor', 'Custom']) {
    it(`refuses the cloud name ${name} without writing anything`, async () => {
      await assert.rejects(
        VsCodeAzureAccess.create(name as KnownCloudName, logger),
        /is not a cloud VS Code can sign in to/,
      );
      assert.deepEqual(fake.updates, []);
      assert.deepEqual(fake.warnings, []);
    });
  }
});
