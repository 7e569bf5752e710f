/**
 * `npm run bench -- --quick` runs end to end, so the bench cannot rot. It asserts that every bench ran and that the
 * results carry the keys issue 15 names; never anything about time (the figures are the bench's to print).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../../..', import.meta.url).pathname;

describe('npm run bench -- --quick', () => {
  it('runs every bench and writes the results issue 15 names', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'foundry-bench-test-'));
    try {
      const out = join(scratch, 'bench-results.json');
      const run = spawnSync(process.execPath, [join(root, 'scripts/bench.mjs'), '--quick', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /4 benches ran, 0 failed/);
      const results = JSON.parse(readFileSync(out, 'utf8'));
      const discovery = results.discovery[0];
      for (const key of ['subscriptions', 'hubs', 'oursMs', 'perSubscriptionMs', 'ratio', 'requests', 'roundTrips'])
        assert.ok(key in discovery, `discovery[].${key}`);
      assert.ok('clientCpuMs' in discovery);
      assert.ok(results.details.ms && results.details.roundTrips > 0);
      for (const key of ['rules200Ms', 'lines10kMs', 'oneMbMs', 'lexerRatio10k', 'ratioVsYamlLanguageServer', 'editMs'])
        assert.ok(key in results.yaml, `yaml.${key}`);
      for (const key of ['activateMs', 'activationBundleBytes', 'azureBundleRequireMs', 'yamlBundleRequireMs'])
        assert.ok(key in results.startup, `startup.${key}`);
      assert.ok(results.distBytes > 0 && results.vsixBytes > 0);
      assert.ok(results.tree.length > 0 && Object.keys(results.memory).length > 0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
