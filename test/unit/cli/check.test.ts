/**
 * `foundry-net check` as a pipeline runs it: its own process, signed in with a service principal from the
 * environment, against the emulator's demo topology. Its SARIF is validated by Microsoft's SARIF multitool.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index';
import { pipelineEnvironment, runCli } from './liveCli';
import { validateSarif } from './sarifValidator';

interface JsonFinding {
  id: string;
  severity: string;
  resourceId: string;
  resourceName: string;
  message: string;
  assessedResourceName: string;
  verdict: string;
  policy?: { azurePolicy?: { id: string } };
  fix?: { command: string };
}

describe('foundry-net check against the emulator', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let env: Record<string, string>;
  let workdir: string;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', lro: 'instant' });
    admin = new EmulatorAdmin(emulator);
    env = pipelineEnvironment(emulator);
    workdir = mkdtempSync(path.join(tmpdir(), 'foundry-check-'));
  });
  after(async () => emulator?.close());

  const check = (...args: string[]) => runCli(['check', '--arm-endpoint', emulator.url, ...args], env, workdir);

  it('prints each resource with its verdict and findings, and exits 1 on errors', async () => {
    const run = await check();
    assert.equal(run.code, 1, run.stderr);
    const heads = run.stdout.split('\n').filter((line) => /^\S.*: /.test(line) && !line.startsWith('6 resources'));
    assert.deepEqual(heads.sort(), [
      'ais-foundry-prod (Foundry resource, Contoso AI (prod)): Restricted (selected networks)',
      'hub-dns-incomplete (hub, Contoso AI (prod)): Broken',
      'hub-pending (hub, Contoso AI (dev)): Broken',
      'hub-private (hub, Contoso AI (dev)): Private',
      'hub-public (hub, Contoso AI (dev)): Public',
      'hub-selected-ips (hub, Contoso AI (dev)): Restricted (selected IPs)',
    ]);
    assert.match(
      run.stdout,
      /^6 resources checked: 1 private, 2 restricted, 1 public, 2 broken; 22 findings \(2 errors, 20 warnings, 0 notes\)$/m,
    );
    assert.equal(run.stderr, 'foundry-net: checking 6 resources…\n');
  });

  it('prints one JSON array of findings with the keys pipelines read', async () => {
    const run = await check('--format', 'json', '--resource', 'hub-public', '--resource', 'HUB-DNS-INCOMPLETE');
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    assert.deepEqual(
      [...new Set(findings.map((finding) => `${finding.assessedResourceName}:${finding.verdict}`))],
      ['hub-public:public', 'hub-dns-incomplete:broken'],
    );
    const open = findings.find((finding) => finding.id === 'public-network-access-enabled')!;
    assert.deepEqual(Object.keys(open).slice(0, 5), ['id', 'severity', 'resourceId', 'resourceName', 'message']);
    assert.equal(open.policy?.azurePolicy?.id, '438c38d2-3772-465a-a9cc-7a6666a275ce');
    assert.equal(open.fix?.command, 'foundryNetwork.setPublicNetworkAccess');
    const zone = findings.find((finding) => finding.id === 'dns-zone-missing')!;
    assert.equal(zone.severity, 'error');
    assert.equal(zone.resourceName, 'privatelink.notebooks.azure.net');
  });

  it('exits by --fail-on: 0 when nothing reaches it, 1 when something does, 0 with none', async () => {
    assert.equal((await check('--resource', 'hub-public')).code, 0, 'a warning only, below error');
    assert.equal((await check('--resource', 'hub-public', '--fail-on', 'warning')).code, 1);
    assert.equal((await check('--resource', 'hub-dns-incomplete', '--fail-on', 'none')).code, 0);
    const byId = await check(
      '--resource',
      '/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-foundry-prod/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod',
      '--fail-on',
      'warning',
    );
    assert.equal(byId.code, 0, byId.stdout);
  });

  it('writes SARIF that the SARIF multitool accepts, with rules, logical locations, fingerprints, and YAML lines', async () => {
    writeFileSync(path.join(workdir, 'hub.yml'), 'name: hub-public\nkind: hub\n\npublic_network_access: Enabled\n');
    const run = await check('--format', 'sarif', '--yaml', 'hub.yml');
    assert.equal(run.code, 1);
    const file = path.join(workdir, 'out.sarif');
    writeFileSync(file, run.stdout);
    assert.deepEqual(await validateSarif(file), []);
    const log = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          partialFingerprints: Record<string, string>;
          locations: {
            logicalLocations?: { fullyQualifiedName: string }[];
            physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const [sarifRun] = log.runs;
    assert.equal(sarifRun!.results.length, 22);
    assert.ok(
      sarifRun!.results.every((result) =>
        result.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName.startsWith('/subscriptions/'),
      ),
    );
    assert.ok(sarifRun!.results.every((result) => Object.values(result.partialFingerprints)[0]?.length === 32));
    const open = sarifRun!.results.find((result) => result.ruleId === 'public-network-access-enabled')!;
    assert.deepEqual(open.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'hub.yml', index: 0 },
      region: { startLine: 4 },
    });
    assert.match(
      sarifRun!.tool.driver.rules.find((rule) => rule.id === 'public-network-access-enabled')!.help.text,
      /438c38d2/,
    );
  });

  it('exits 2 with one line for usage mistakes, and names a --resource that matches nothing', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--fail-on', 'sometimes'],
      ['hub-public'],
      ['--resource', 'hub-nowhere'],
      ['--subscription', 'dev'],
    ]) {
      const run = await check(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^foundry-net: [^\n]+\n$/);
    }
    assert.match(
      (await check('--resource', 'hub-nowhere')).stderr,
      /--resource hub-nowhere: no hub or Foundry resource of this name/,
    );
    const insecure = await runCli(['check', '--arm-endpoint', emulator.url.replace('https:', 'http:')], env, workdir);
    assert.equal(insecure.code, 2);
    const insecureAuthority = await runCli(
      ['check', '--arm-endpoint', emulator.url],
      { ...env, AZURE_AUTHORITY_HOST: `${emulator.url.replace('https:', 'http:')}/adfs` },
      workdir,
    );
    assert.equal(insecureAuthority.code, 2);
    assert.match(insecureAuthority.stderr, /AZURE_AUTHORITY_HOST must be an https URL/);
  });

  it('exits 3 when sign-in fails', async () => {
    const run = await runCli(
      ['check', '--arm-endpoint', emulator.url],
      { ...env, AZURE_CLIENT_SECRET: 'wrong' },
      workdir,
    );
    assert.equal(run.code, 3);
    assert.match(run.stderr, /^foundry-net: Signing in to https:\/\/127\.0\.0\.1:\d+ failed/);
  });

  it('exits 3 when a resource cannot be read, and still checks the others', async () => {
    await admin.injectFault({
      method: 'GET',
      pathPattern: 'workspaces/hub-private$',
      count: 100,
      kind: 'status',
      status: 403,
    });
    try {
      const run = await check('--format', 'json');
      assert.equal(run.code, 3);
      assert.match(run.stderr, /hub-private could not be read: You need the Reader role on hub-private/);
      const checked = new Set((JSON.parse(run.stdout) as JsonFinding[]).map((finding) => finding.assessedResourceName));
      assert.deepEqual([...checked].sort(), ['hub-dns-incomplete', 'hub-pending', 'hub-public', 'hub-selected-ips']);
    } finally {
      await admin.clearFaults();
    }
  });

  it('reports a subscription the identity cannot see, and checks the one it can', async () => {
    const run = await check(
      '--subscription',
      '00000000-0000-4000-8000-000000000002',
      '--subscription',
      '00000000-0000-4000-8000-00000000dead',
      '--format',
      'json',
    );
    assert.equal(run.code, 3);
    assert.match(
      run.stderr,
      /subscription 00000000-0000-4000-8000-00000000dead could not be read: Subscription .* is not visible/,
    );
    assert.ok(
      (JSON.parse(run.stdout) as JsonFinding[]).every((finding) => finding.resourceId.includes('000000000002')),
    );
  });
});
