import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ArmConnection } from '../../../src/azure/clients';
import { listSubscriptions } from '../../../src/azure/subscriptions';
import { startEmulator } from '../../../src/emulator/index';
import { azSteps, renderAzScript, sandboxCloudConfig, type SandboxLogin } from '../../../src/sandbox/azCommands';
import type { EmulatorBundle, SandboxEmulator } from '../../../src/sandbox/emulatorBundle';
import type { SandboxEndpoint } from '../../../src/sandbox/endpoint';
import { sandboxConnectionOptions, sandboxCredential } from '../../../src/sandbox/sandboxConnection';

/** What the sandbox loads from dist/emulator.js, checked against the emulator itself (tsc fails if they part). */
const bundle: EmulatorBundle = { startEmulator };

async function startSandboxEmulator(directory: string, clientSecret = `-${randomBytes(24).toString('base64url')}`) {
  const emulator = await bundle.startEmulator({
    port: 0,
    seed: 'demo',
    statePath: join(directory, 'state.json'),
    lro: 'realistic',
    clientSecret,
  });
  const endpoint: SandboxEndpoint = {
    url: emulator.url,
    certificate: readFileSync(emulator.caCertPath, 'utf8'),
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  };
  return { emulator, endpoint };
}

const connect = (endpoint: SandboxEndpoint, secret = endpoint.clientSecret): ArmConnection =>
  new ArmConnection({
    credential: sandboxCredential({ ...endpoint, clientSecret: secret }),
    resourceManagerEndpoint: endpoint.url,
    ...sandboxConnectionOptions(endpoint),
    retry: { maxRetries: 0 },
  });

async function withSandbox<T>(
  use: (emulator: SandboxEmulator, endpoint: SandboxEndpoint, directory: string) => Promise<T>,
) {
  const directory = mkdtempSync(join(tmpdir(), 'foundry-sandbox-'));
  const { emulator, endpoint } = await startSandboxEmulator(directory);
  try {
    return await use(emulator, endpoint, directory);
  } finally {
    await emulator.close();
  }
}

describe('the sandbox', () => {
  it('signs in with its own secret, trusting the certificate through tlsOptions only', async () => {
    await withSandbox(async (_emulator, endpoint) => {
      const untrusting = new ArmConnection({
        credential: sandboxCredential(endpoint),
        resourceManagerEndpoint: endpoint.url,
        retry: { maxRetries: 0 },
      });
      await assert.rejects(listSubscriptions(untrusting), 'without tlsOptions, nothing in this process trusts it');
      const subscriptions = await listSubscriptions(connect(endpoint));
      assert.deepEqual(
        subscriptions.map((subscription) => subscription.displayName),
        ['Contoso AI (dev)', 'Contoso AI (prod)'],
      );
      await assert.rejects(listSubscriptions(connect(endpoint, 'emulator-demo-secret')), 'the demo secret is refused');
    });
  });

  it('keeps its state across a restart, and goes back to the demo topology on reset', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'foundry-sandbox-'));
    const zone =
      '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-foundry-dev/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
    const zoneExists = async (endpoint: SandboxEndpoint): Promise<boolean> => {
      const zones = connect(endpoint).forSubscription('00000000-0000-4000-8000-000000000001').privateDns.privateZones;
      return zones.get('rg-foundry-dev', 'privatelink.vaultcore.azure.net').then(
        () => true,
        () => false,
      );
    };
    const first = await startSandboxEmulator(directory);
    try {
      const zones = connect(first.endpoint).forSubscription('00000000-0000-4000-8000-000000000001').privateDns;
      await zones.privateZones.beginCreateOrUpdateAndWait('rg-foundry-dev', 'privatelink.vaultcore.azure.net', {
        location: 'global',
      });
    } finally {
      await first.emulator.close();
    }
    const second = await startSandboxEmulator(directory);
    try {
      assert.ok(await zoneExists(second.endpoint), `${zone} survived the restart`);
      await second.emulator.reset();
      assert.equal(await zoneExists(second.endpoint), false, 'reset: the demo topology has no such zone');
    } finally {
      await second.emulator.close();
    }
  });
});

const login = (overrides: Partial<SandboxLogin> = {}): SandboxLogin => ({
  url: 'https://127.0.0.1:51234',
  tenantId: '72f988bf-0000-4000-8000-00000000e1a0',
  clientId: 'f0a1b2c3-0000-4000-8000-00000000c11e',
  clientSecret: "s3cr'et",
  certificatePath: '/home/me/.config/Code/sandbox/emulator-ca.pem',
  cloudConfigPath: '/home/me/.config/Code/sandbox/cloud.json',
  azureConfigDirectory: '/home/me/.config/Code/sandbox/az',
  ...overrides,
});

describe('the sandbox az commands', () => {
  it('register a cloud whose AD endpoint ends in /adfs, all on the sandbox', () => {
    const config = sandboxCloudConfig('https://127.0.0.1:51234') as { endpoints: Record<string, string> };
    assert.equal(config.endpoints.activeDirectory, 'https://127.0.0.1:51234/adfs');
    for (const [name, value] of Object.entries(config.endpoints))
      assert.ok(value.startsWith('https://127.0.0.1:51234/'), `${name} stays on the sandbox`);
  });

  it('render for bash and PowerShell, the secret quoted, the environment for this shell only', () => {
    const bash = renderAzScript(login(), 'bash');
    assert.match(bash, /^export REQUESTS_CA_BUNDLE=/m);
    assert.match(bash, /^export AZURE_CONFIG_DIR=/m);
    assert.match(bash, /az login --service-principal -u f0a1b2c3-\S+ '--password=s3cr'\\''et' --tenant 72f988bf/);
    const powershell = renderAzScript(
      login({ certificatePath: 'C:\\Users\\me\\sandbox\\emulator-ca.pem' }),
      'powershell',
    );
    assert.match(powershell, /^\$env:REQUESTS_CA_BUNDLE = 'C:\\Users\\me\\sandbox\\emulator-ca.pem'$/m);
    assert.match(powershell, /'--password=s3cr''et'/);
    // A bare @word is splatting in PowerShell: the cloud file's argument is quoted even without a backslash.
    assert.match(
      renderAzScript(login({ cloudConfigPath: '/Users/me/sandbox/cloud.json' }), 'powershell'),
      /--cloud-config '@\/Users\/me\/sandbox\/cloud\.json'$/m,
    );
    assert.match(bash, /--cloud-config @\/home\/me\/\.config\/Code\/sandbox\/cloud\.json$/m);
    assert.doesNotMatch(bash + powershell, /FOUNDRY_EMULATOR|adminToken/);
  });

  const azInstalled = (process.env.PATH ?? '').split(delimiter).some((directory) => existsSync(join(directory, 'az')));
  it(
    'log the real az in to the sandbox, which then lists the demo subscriptions',
    { skip: azInstalled ? false : 'az is not installed (apt-get install -y azure-cli): skipped' },
    async () => {
      await withSandbox(async (emulator, endpoint, directory) => {
        const steps = azSteps({
          url: endpoint.url,
          tenantId: endpoint.tenantId,
          clientId: endpoint.clientId,
          clientSecret: endpoint.clientSecret,
          certificatePath: emulator.caCertPath,
          cloudConfigPath: join(directory, 'cloud.json'),
          azureConfigDirectory: join(directory, 'az'),
        });
        writeFileSync(join(directory, 'cloud.json'), JSON.stringify(sandboxCloudConfig(endpoint.url)));
        const environment = {
          PATH: process.env.PATH,
          HOME: directory,
          AZURE_CORE_COLLECT_TELEMETRY: '0',
          AZURE_CORE_NO_COLOR: '1',
          ...steps.environment,
        };
        let output = '';
        // The emulator runs in this process: az runs asynchronously, or it would wait on a blocked server.
        for (const args of steps.commands)
          output = (await promisify(execFile)('az', [...args], { env: environment, timeout: 120_000 })).stdout;
        assert.match(output, /Contoso AI \(dev\)/);
        assert.match(output, /Contoso AI \(prod\)/);
      });
    },
  );
});
