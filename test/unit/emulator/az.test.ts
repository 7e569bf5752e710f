import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { CLOUDS } from '../../../src/model/clouds';
import { renderPlanScript, renderRollbackScript } from '../../../src/model/plan';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { DEV, DEV_GROUP, Harness, WORKSPACES } from './helpers';

const run = promisify(execFile);
const SHIM = '/work/shared/tools/az-debian-shim';

const azInstalled = (): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((directory) => existsSync(join(directory, 'az')));

const available = azInstalled();
const skip = available ? false : 'az is not installed (apt-get install -y azure-cli): the az CLI test is skipped';

/**
 * Debian's az 2.45 against the emulator, as a user runs it: a registered cloud whose AD endpoint ends in /adfs,
 * a service-principal login, REQUESTS_CA_BUNDLE for the self-signed certificate, and the network shim on PYTHONPATH.
 * The emulator runs in this process, so az must run asynchronously (a sync spawn would block the server).
 */
describe('emulator: Debian az CLI 2.45', { skip }, () => {
  let harness: Harness;
  let environment: NodeJS.ProcessEnv;
  const az = async (...args: string[]): Promise<unknown> => {
    const { stdout } = await run('az', [...args, '-o', 'json'], {
      env: environment,
      timeout: 120_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout.trim() ? JSON.parse(stdout) : undefined;
  };

  before(async () => {
    harness = await Harness.start();
    const url = harness.emulator.url;
    const directory = mkdtempSync(join(tmpdir(), 'emulator-az-'));
    const cloud = join(directory, 'cloud.json');
    writeFileSync(
      cloud,
      JSON.stringify({
        endpoints: {
          resourceManager: `${url}/`,
          management: `${url}/`,
          activeDirectory: `${url}/adfs`,
          activeDirectoryResourceId: `${url}/`,
          activeDirectoryGraphResourceId: `${url}/`,
          microsoftGraphResourceId: `${url}/`,
        },
        suffixes: {
          storageEndpoint: 'core.windows.net',
          keyvaultDns: '.vault.azure.net',
          acrLoginServerEndpoint: '.azurecr.io',
        },
      }),
    );
    environment = {
      PATH: process.env.PATH,
      HOME: directory,
      AZURE_CONFIG_DIR: join(directory, 'config'),
      REQUESTS_CA_BUNDLE: harness.emulator.caCertPath,
      PYTHONPATH: SHIM,
      AZURE_CORE_COLLECT_TELEMETRY: '0',
      AZURE_CORE_ONLY_SHOW_ERRORS: '1',
      AZURE_CORE_NO_COLOR: '1',
    };
    await az('cloud', 'register', '-n', 'Local', '--cloud-config', `@${cloud}`);
    await az('cloud', 'set', '-n', 'Local');
  });
  after(() => harness?.close());

  it('logs in with the service principal and lists the demo subscriptions', async () => {
    const { emulator } = harness;
    const accounts = (await az(
      'login',
      '--service-principal',
      '-u',
      emulator.clientId,
      '-p',
      emulator.clientSecret,
      '--tenant',
      emulator.tenantId,
    )) as { id: string }[];
    assert.deepEqual(accounts.map((account) => account.id).sort(), [
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    const log = await harness.admin.requests();
    assert.ok(log.some((entry) => entry.path.startsWith('/adfs/.well-known/openid-configuration')));
    assert.ok(
      log.some(
        (entry) => entry.method === 'POST' && entry.path.startsWith('/adfs/oauth2/token') && entry.status === 200,
      ),
    );
  });

  it('creates a private DNS zone and links it to a VNet', async () => {
    const zone = (await az(
      'network',
      'private-dns',
      'zone',
      'create',
      '-g',
      'rg-foundry-dev',
      '-n',
      'privatelink.blob.core.windows.net',
    )) as { provisioningState: string };
    assert.equal(zone.provisioningState, 'Succeeded');
    await az(
      'network',
      'private-dns',
      'zone',
      'create',
      '-g',
      'rg-foundry-dev',
      '-n',
      'privatelink.file.core.windows.net',
    );
    const link = (await az(
      'network',
      'private-dns',
      'link',
      'vnet',
      'create',
      '-g',
      'rg-foundry-dev',
      '-z',
      'privatelink.blob.core.windows.net',
      '-n',
      'link-hub',
      '-v',
      'vnet-hub',
      '-e',
      'false',
    )) as { virtualNetworkLinkState: string };
    assert.equal(link.virtualNetworkLinkState, 'Completed');
  });

  it('creates, shows and deletes a private endpoint with a DNS zone group', async () => {
    const storage = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;
    const endpoint = (await az(
      'network',
      'private-endpoint',
      'create',
      '-g',
      'rg-foundry-dev',
      '-n',
      'pe-az-blob',
      '--vnet-name',
      'vnet-hub',
      '--subnet',
      'snet-pe',
      '--private-connection-resource-id',
      storage,
      '--group-id',
      'blob',
      '--connection-name',
      'c1',
      '-l',
      'eastus',
    )) as { provisioningState: string; customDnsConfigs: { fqdn: string; ipAddresses: string[] }[] };
    assert.equal(endpoint.provisioningState, 'Succeeded');
    assert.equal(endpoint.customDnsConfigs[0].fqdn, 'stfoundrydev.blob.core.windows.net');
    const address = endpoint.customDnsConfigs[0].ipAddresses[0];
    await az(
      'network',
      'private-endpoint',
      'dns-zone-group',
      'create',
      '-g',
      'rg-foundry-dev',
      '--endpoint-name',
      'pe-az-blob',
      '-n',
      'default',
      '--private-dns-zone',
      'privatelink.blob.core.windows.net',
      '--zone-name',
      'blob',
    );
    const group = (await az(
      'network',
      'private-endpoint',
      'dns-zone-group',
      'add',
      '-g',
      'rg-foundry-dev',
      '--endpoint-name',
      'pe-az-blob',
      '-n',
      'default',
      '--private-dns-zone',
      'privatelink.file.core.windows.net',
      '--zone-name',
      'file',
    )) as { privateDnsZoneConfigs: { name: string }[] };
    assert.deepEqual(
      group.privateDnsZoneConfigs.map((config) => config.name),
      ['blob', 'file'],
    );
    const record = await harness.admin.getResource(
      `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net/A/stfoundrydev`,
    );
    assert.deepEqual(record?.properties?.aRecords, [{ ipv4Address: address }]);
    const shown = (await az('network', 'private-endpoint', 'show', '-g', 'rg-foundry-dev', '-n', 'pe-az-blob')) as {
      privateLinkServiceConnections: { privateLinkServiceConnectionState: { status: string } }[];
    };
    assert.equal(shown.privateLinkServiceConnections[0].privateLinkServiceConnectionState.status, 'Approved');
    await az('network', 'private-endpoint', 'delete', '-g', 'rg-foundry-dev', '-n', 'pe-az-blob');
    assert.equal(
      await harness.admin.getResource(`${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-az-blob`),
      undefined,
    );
    assert.equal(
      await harness.admin.getResource(
        `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net/A/stfoundrydev`,
      ),
      undefined,
    );
  });

  // ARM's resourceGroupName pattern is ^[-\w\._\(\)]+$: a group may start with "-" (network and DNS zone names may
  // not, so the groups carry the "-" here). Before issue 16, `-g "$DNS_RESOURCE_GROUP"` made az read it as an option.
  it('runs a plan script and its rollback for resource groups named "-…", end to end', async () => {
    const endpointGroup = '-rg-dash';
    const dnsGroup = '-dns-dash';
    for (const group of [endpointGroup, dnsGroup]) await az('group', 'create', `--name=${group}`, '--location=eastus');
    const plan = buildPrivateEndpointPlan({
      cloud: CLOUDS.AzureCloud,
      apiVersions: API_VERSIONS,
      target: { id: `${DEV_GROUP}/${WORKSPACES}/hub-public`, name: 'hub-public', groupId: 'amlworkspace' },
      privateEndpoint: {
        subscriptionId: DEV,
        resourceGroup: endpointGroup,
        name: 'pe-dash',
        location: 'eastus',
        connectionName: 'pe-dash',
        manualApproval: false,
      },
      subnetId: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`,
      dns: {
        kind: 'privateDnsZones',
        subscriptionId: DEV,
        resourceGroup: dnsGroup,
        zoneGroupName: 'default',
        virtualNetworkLinkName: 'link-vnet-hub',
        existingZoneNames: [],
        zonesLinkedToVirtualNetwork: [],
      },
    });
    const endpointId = `/subscriptions/${DEV}/resourceGroups/${endpointGroup}/providers/Microsoft.Network/privateEndpoints/pe-dash`;
    const zoneId = `/subscriptions/${DEV}/resourceGroups/${dnsGroup}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
    await run('bash', ['-c', renderPlanScript(plan)], { env: environment, timeout: 600_000 });
    assert.equal((await harness.admin.getResource(endpointId))?.properties?.provisioningState, 'Succeeded');
    assert.ok(await harness.admin.getResource(`${zoneId}/virtualNetworkLinks/link-vnet-hub`));
    const group = await harness.admin.getResource(`${endpointId}/privateDnsZoneGroups/default`);
    assert.equal((group?.properties?.privateDnsZoneConfigs as unknown[] | undefined)?.length, 2);

    await run('bash', ['-c', renderRollbackScript(plan)], { env: environment, timeout: 600_000 });
    assert.equal(await harness.admin.getResource(endpointId), undefined);
    assert.equal(await harness.admin.getResource(zoneId), undefined);
  });

  it('reads and patches workspaces with az rest (stable and preview api-versions)', async () => {
    const hub = `${harness.emulator.url}${DEV_GROUP}/${WORKSPACES}/hub-public`;
    const stable = (await az('rest', '--method', 'get', '--url', `${hub}?api-version=2025-12-01`)) as {
      properties: { publicNetworkAccess: string; networkAcls?: unknown };
    };
    assert.equal(stable.properties.publicNetworkAccess, 'Enabled');
    assert.equal(stable.properties.networkAcls, undefined);
    await az(
      'rest',
      '--method',
      'patch',
      '--url',
      `${hub}?api-version=2025-10-01-preview`,
      '--body',
      JSON.stringify({ properties: { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.2.3' }] } } }),
    );
    const preview = (await az('rest', '--method', 'get', '--url', `${hub}?api-version=2025-10-01-preview`)) as {
      properties: { networkAcls: { ipRules: { value: string }[] } };
    };
    assert.deepEqual(preview.properties.networkAcls.ipRules, [{ value: '52.1.2.3' }]);
    await assert.rejects(
      az(
        'rest',
        '--method',
        'patch',
        '--url',
        `${hub}?api-version=2025-10-01-preview`,
        '--body',
        JSON.stringify({ properties: { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '10.0.0.1' }] } } }),
      ),
      /reserved|InvalidNetworkAcls/,
    );
  });
});
