import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenCredential } from '@azure/identity';
import { emulatorCredential } from '../../../src/emulator/credential';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { ArmConnection } from '../../../src/azure/clients';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { CLOUDS } from '../../../src/model/clouds';
import { DEV_GROUP, DEV_SUBSCRIPTION, PROD_GROUP, hubIdOf, useHarness } from './support';

/** The api-version each provider path must carry on the wire. */
function expectedApiVersions(path: string): string[] {
  if (/Microsoft\.MachineLearningServices/i.test(path))
    return [API_VERSIONS.workspaces, API_VERSIONS.workspacesPreview];
  // Extension resources first: a role assignment on a storage account is an Authorization request.
  if (/Microsoft\.Authorization/i.test(path)) return [API_VERSIONS.authorization];
  if (/privateDnsZones/i.test(path)) return [API_VERSIONS.privateDns];
  if (/Microsoft\.Network/i.test(path)) return [API_VERSIONS.network];
  if (/Microsoft\.Storage/i.test(path)) return [API_VERSIONS.storage];
  if (/Microsoft\.KeyVault/i.test(path)) return [API_VERSIONS.keyVault];
  if (/Microsoft\.ContainerRegistry/i.test(path)) return [API_VERSIONS.containerRegistry];
  if (/Microsoft\.CognitiveServices/i.test(path)) return [API_VERSIONS.cognitiveServices];
  if (/Microsoft\.ResourceGraph/i.test(path)) return [API_VERSIONS.resourceGraph];
  return [API_VERSIONS.subscriptions];
}

describe('SDK clients', () => {
  const harness = useHarness();

  it('send the api-versions of apiVersions.ts, through every SDK a hub read uses', async () => {
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
