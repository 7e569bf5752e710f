import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator/index';
import type { EmulatorBundle, SandboxEmulatorOptions } from '../../../src/sandbox/emulatorBundle';
import { setAsideName, startOnSavedState } from '../../../src/sandbox/sandboxState';

const bundle: EmulatorBundle = { startEmulator };

function sandboxOptions(): SandboxEmulatorOptions {
  const directory = mkdtempSync(join(tmpdir(), 'foundry-sandbox-state-'));
  return { port: 0, seed: 'demo', statePath: join(directory, 'state.json'), lro: 'realistic', clientSecret: 'x' };
}

const savedSubscriptions = (statePath: string): string[] =>
  (JSON.parse(readFileSync(statePath, 'utf8')) as { subscriptions: { displayName: string }[] }).subscriptions.map(
    (subscription) => subscription.displayName,
  );

describe('the sandbox on a state it cannot read', () => {
  for (const [kind, content] of [
    ['cut short', '{"version":1,"tenantId":"t","subscriptions":[{"subscriptionId":'],
    ['of another shape', '{"version":2,"hubs":[]}'],
    ['with a resource the store refuses', '{"version":1,"tenantId":"t","subscriptions":[],"resources":[null]}'],
  ]) {
    it(`sets a state ${kind} aside, byte for byte, and starts from the demo topology`, async () => {
      const options = sandboxOptions();
      writeFileSync(options.statePath, content);
      const { emulator, setAsidePath } = await startOnSavedState(
        bundle,
        options,
        () => new Date(Date.UTC(2026, 11, 4)),
      );
      try {
        assert.equal(setAsidePath, join(dirname(options.statePath), 'state.unreadable-2026-12-04T00-00-00-000Z.json'));
        assert.equal(readFileSync(setAsidePath, 'utf8'), content);
        assert.deepEqual(savedSubscriptions(options.statePath), ['Contoso AI (dev)', 'Contoso AI (prod)']);
      } finally {
        await emulator.close();
      }
    });
  }

  it('keeps a readable state and sets nothing aside', async () => {
    const options = sandboxOptions();
    const first = await startOnSavedState(bundle, options);
    await first.emulator.close();
    const second = await startOnSavedState(bundle, options);
    try {
      assert.equal(second.setAsidePath, undefined);
      assert.deepEqual(readdirSync(dirname(options.statePath)), ['state.json']);
    } finally {
      await second.emulator.close();
    }
  });

  it('passes any other failure on and leaves the state where it is', async () => {
    const options = sandboxOptions();
    writeFileSync(options.statePath, 'not json');
    const failing: EmulatorBundle = {
      startEmulator: () => Promise.reject(Object.assign(new Error('listen EACCES 127.0.0.1'), { code: 'EACCES' })),
    };
    await assert.rejects(startOnSavedState(failing, options), /EACCES/);
    assert.deepEqual(readdirSync(dirname(options.statePath)), ['state.json']);
  });

  it('names the set-aside file without a colon (Windows forbids it), next to the state', () => {
    const name = setAsideName(
      join('C:', 'Users', 'me', 'sandbox', 'state.json'),
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    );
    assert.equal(basename(name), 'state.unreadable-2026-01-02T03-04-05-000Z.json');
    assert.ok(!basename(name).includes(':'));
  });
});
