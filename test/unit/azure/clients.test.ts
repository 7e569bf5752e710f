import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { TokenCredential } from '@azure/identity';
import { emulatorCredential } from '../../../src/emulator/credential';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { ArmConnection } from '../../../src/azure/clients';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { CLOUDS } from '../../../src/model/clouds';
import { DEV_GROUP, DEV_SUBSCRIPTION, PROD_GROUP, hubIdOf, useHarness } from './support';

/**
 * What @azure/arm-network sends: it has no api-version option, so the version is the one its operations were generated
 * with, read from the installed package itself (not from src/azure/apiVersions.ts, which only records it).
 */
function networkSdkApiVersion(): string {
  const parameters = join(dirname(require.resolve('@azure/arm-network')), 'models', 'parameters.js');
  const version = /exports\.apiVersion = \{[\s\S]*?defaultValue: "([^"]+)"/.exec(readFileSync(parameters, 'utf8'))?.[1];
  assert.ok(version, `no api-version in ${parameters}`);
  return version;
}

/**
 * The api-version each provider path must carry on the wire, written out from the team's Azure notes
 * (azure-semantics.md, "Resources and api-versions"), so a wrong constant in apiVersions.ts fails here.
 */
function expectedApiVersions(path: string): string[] {
  if (/Microsoft\.MachineLearningServices/i.test(path)) return ['2025-12-01', '2025-10-01-preview'];
  // Extension resources first: a role assignment on a storage account is an Authorization request.
  if (/Microsoft\.Authorization/i.test(path)) return ['2022-04-01'];
  if (/privateDnsZones/i.test(path)) return ['2024-06-01'];
  if (/Microsoft\.Network/i.test(path)) return [networkSdkApiVersion()];
  if (/Microsoft\.Storage/i.test(path)) return ['2025-06-01'];
  if (/Microsoft\.KeyVault/i.test(path)) return ['2024-11-01'];
  if (/Microsoft\.ContainerRegistry/i.test(path)) return ['2025-04-01'];
  if (/Microsoft\.ResourceGraph/i.test(path)) return ['2024-04-01'];
  // foundry-resource.md: account and networkAcls in any current stable; networkAcls.bypass stable from 2024-10-01.
  if (/Microsoft\.CognitiveServices/i.test(path)) return ['2024-10-01'];
  // What @azure/arm-resources-subscriptions sends for subscriptions and tenants.
  if (/^\/(subscriptions|tenants)(\/[^/]+)?$/i.test(path.split('?')[0]!)) return ['2022-12-01'];
  assert.fail(`no expected api-version for ${path}: add it from the notes`);
}

describe('SDK clients', () => {
  const harness = useHarness();

  it("send the notes' api-versions (the network SDK's own for Microsoft.Network), through every SDK a hub read uses", async () => {
    await readHubNetworkState(harness.connect(), hubIdOf(PROD_GROUP, 'hub-dns-incomplete'));
    const providers = new Set(
      harness.events.map((event) => /providers\/([^/]+)/i.exec(event.path)?.[1]?.toLowerCase()),
    );
    for (const provider of [
      'microsoft.machinelearningservices',
      'microsoft.network',
      'microsoft.storage',
      'microsoft.keyvault',
      'microsoft.containerregistry',
    ]) {
      assert.ok(providers.has(provider), `${provider} was called`);
    }
    for (const event of harness.events) {
      assert.ok(
        expectedApiVersions(event.path).includes(event.apiVersion ?? ''),
        `${event.path} sent ${event.apiVersion}`,
      );
    }
  });

  it('report method, path, status and duration of each request, and nothing secret', async () => {
    await readHubNetworkState(harness.connect(), hubIdOf(DEV_GROUP, 'hub-public'));
    const workspaceGet = harness.events.find((event) => event.path.endsWith('/workspaces/hub-public'));
    assert.equal(workspaceGet?.method, 'GET');
    assert.equal(workspaceGet?.status, 200);
    assert.equal(typeof workspaceGet?.durationMs, 'number');
    const text = JSON.stringify(harness.events);
    // A path may name Microsoft.Authorization (role assignments); a header or a token never appears.
    assert.doesNotMatch(text, /bearer |"authorization"|eyJ/i);
  });

  it('ask the credential for <endpoint>/.default from every SDK, classic and TypeSpec-generated', async () => {
    const scopes = new Set<string>();
    const inner = emulatorCredential(harness.emulator);
    const recording: TokenCredential = {
      getToken: (requested, options) => {
        for (const scope of [requested].flat()) scopes.add(scope);
        return inner.getToken(requested, options);
      },
    };
    await readHubNetworkState(harness.connect({ credential: recording }), hubIdOf(DEV_GROUP, 'hub-private'));
    assert.deepEqual([...scopes], [`${harness.emulator.url}/.default`]);
  });

  it('are cached per subscription and connection', () => {
    const connection = harness.connect();
    const clients = connection.forSubscription(DEV_SUBSCRIPTION);
    assert.equal(connection.forSubscription(DEV_SUBSCRIPTION.toUpperCase()), clients);
    assert.equal(clients.network, clients.network);
    assert.equal(clients.storage, clients.storage);
    assert.notEqual(harness.connect().forSubscription(DEV_SUBSCRIPTION), clients);
  });
});

describe('ARM connection settings', () => {
  const credential: TokenCredential = { getToken: async () => null };

  it('uses a sovereign cloud endpoint and scope', () => {
    const connection = new ArmConnection({ credential, cloud: CLOUDS.AzureUSGovernment });
    assert.equal(connection.endpoint, 'https://management.usgovcloudapi.net');
    assert.deepEqual(connection.credentialScopes, ['https://management.usgovcloudapi.net/.default']);
    assert.equal(
      connection.modularClientOptions(API_VERSIONS.storage).credentials.scopes[0],
      'https://management.usgovcloudapi.net/.default',
    );
  });

  it('recognises a known cloud from its endpoint, and treats other endpoints as custom with public DNS', () => {
    assert.equal(
      new ArmConnection({ credential, resourceManagerEndpoint: 'https://management.chinacloudapi.cn/' }).cloud.name,
      'AzureChinaCloud',
    );
    const custom = new ArmConnection({ credential, resourceManagerEndpoint: 'https://127.0.0.1:8443/' });
    assert.equal(custom.endpoint, 'https://127.0.0.1:8443');
    assert.equal(custom.cloud.name, 'Custom');
    assert.equal(custom.cloud.dnsCloud, 'AzureCloud');
  });

  it('defaults to the public cloud', () => {
    const connection = new ArmConnection({ credential });
    assert.equal(connection.endpoint, 'https://management.azure.com');
    assert.deepEqual(connection.credentialScopes, ['https://management.azure.com/.default']);
  });
});
