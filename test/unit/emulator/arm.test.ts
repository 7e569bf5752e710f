import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { DEV, DEV_GROUP, Harness, PROD, WORKSPACES } from './helpers';

describe('emulator: transport, identity and ARM conventions', () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start();
  });
  after(() => harness.close());

  it('serves HTTPS on 127.0.0.1 with the metadata endpoints az reads', async () => {
    assert.match(harness.emulator.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const metadata = await harness.raw('GET', '/metadata/endpoints?api-version=2015-01-01');
    assert.equal(metadata.status, 200);
    assert.equal(metadata.body.authentication.loginEndpoint, `${harness.emulator.url}/adfs`);
    assert.deepEqual(metadata.body.authentication.audiences, [`${harness.emulator.url}/`]);
  });

  it('issues tokens for the demo service principal only (ADFS openid-configuration + client_credentials)', async () => {
    const configuration = await harness.raw('GET', '/adfs/.well-known/openid-configuration');
    assert.equal(configuration.body.token_endpoint, `${harness.emulator.url}/adfs/oauth2/token`);
    const form = (secret: string): string =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: harness.emulator.clientId,
        client_secret: secret,
        scope: `${harness.emulator.url}/.default`,
      }).toString();
    const good = await harness.raw('POST', '/adfs/oauth2/token', form(harness.emulator.clientSecret), {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    assert.equal(good.status, 200);
    assert.equal(good.body.token_type, 'Bearer');
    assert.ok(good.body.expires_in > 0);
    const bad = await harness.raw('POST', '/adfs/oauth2/token', form('wrong'), {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error, 'invalid_client');
  });

  it('answers 401 with an ARM error body without a valid bearer token', async () => {
    const missing = await harness.arm('GET', '/subscriptions?api-version=2022-12-01', undefined, {}, null);
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'AuthenticationFailed');
    const forged = await harness.arm('GET', '/subscriptions?api-version=2022-12-01', undefined, {}, 'not-a-token');
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error.code, 'InvalidAuthenticationToken');
  });

  it('lists subscriptions and tenants through the real SDK client and @azure/identity', async () => {
    const client = new SubscriptionClient(harness.credential, harness.clientOptions);
    const subscriptions = [];
    for await (const subscription of client.subscriptions.list()) subscriptions.push(subscription.subscriptionId);
    assert.deepEqual(subscriptions.sort(), [DEV, PROD]);
    const tenants = [];
    for await (const tenant of client.tenants.list()) tenants.push(tenant.tenantId);
    assert.deepEqual(tenants, [harness.emulator.tenantId]);
  });

  it('requires api-version and rejects unknown ones with the supported list', async () => {
    const missing = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-public`);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'MissingApiVersionParameter');
    const unknown = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-public?api-version=2099-01-01`);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'NoRegisteredProviderFound');
    assert.match(unknown.body.error.message, /2025-12-01/);
    const subscriptions = await harness.arm('GET', '/subscriptions?api-version=2099-01-01');
    assert.equal(subscriptions.status, 400);
    assert.equal(subscriptions.body.error.code, 'InvalidApiVersionParameter');
    assert.match(subscriptions.body.error.message, /2022-12-01/);
    for (const version of ['2025-12-01', '2025-10-01-preview', '2024-10-01-preview', '2022-10-01']) {
      assert.equal(
        (await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-public?api-version=${version}`)).status,
        200,
        version,
      );
    }
  });

  it('routes paths and provider names case-insensitively', async () => {
    const lower = await harness.arm(
      'GET',
      `${DEV_GROUP.toLowerCase().replace('resourcegroups', 'resourcegroups')}/providers/microsoft.machinelearningservices/WORKSPACES/HUB-PUBLIC?api-version=2025-12-01`,
    );
    assert.equal(lower.status, 200);
    assert.equal(lower.body.name, 'hub-public');
    assert.equal(lower.body.type, 'Microsoft.MachineLearningServices/workspaces');
  });

  it('answers 404 ResourceNotFound, ResourceGroupNotFound and SubscriptionNotFound', async () => {
    const resource = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/nope?api-version=2025-12-01`);
    assert.equal(resource.status, 404);
    assert.equal(resource.body.error.code, 'ResourceNotFound');
    const group = await harness.arm(
      'GET',
      `/subscriptions/${DEV}/resourceGroups/rg-nope/${WORKSPACES}/x?api-version=2025-12-01`,
    );
    assert.equal(group.status, 404);
    assert.equal(group.body.error.code, 'ResourceGroupNotFound');
    const subscription = await harness.arm(
      'GET',
      `/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups?api-version=2021-04-01`,
    );
    assert.equal(subscription.status, 404);
    assert.equal(subscription.body.error.code, 'SubscriptionNotFound');
  });

  it('gives every resource an etag that changes on write, and honours If-None-Match and If-Match', async () => {
    const path = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net?api-version=2024-06-01`;
    assert.equal((await harness.arm('PUT', path, { location: 'global' })).status, 202);
    const first = await harness.arm('GET', path);
    assert.ok(first.body.etag);
    assert.equal(first.headers.etag, first.body.etag);
    // As recorded: Private DNS accepts the create of a zone that exists, and the operation ends Failed.
    const again = await harness.arm('PUT', path, { location: 'global' }, { 'If-None-Match': '*' });
    assert.equal(again.status, 202);
    const outcome = await harness.follow(String(again.headers['azure-asyncoperation']));
    assert.equal(outcome.body.status, 'Failed');
    assert.equal(outcome.body.error.code, 'PreconditionFailed');
    assert.equal((await harness.arm('GET', path)).body.etag, first.body.etag, 'the zone is untouched');
    assert.equal((await harness.arm('PATCH', path, { tags: { a: 'b' } }, { 'If-Match': first.body.etag })).status, 202);
    const second = await harness.arm('GET', path);
    assert.notEqual(second.body.etag, first.body.etag);
    const stale = await harness.arm('PATCH', path, { tags: { a: 'c' } }, { 'If-Match': first.body.etag });
    assert.equal(stale.status, 412);
  });

  it('creates, reads and deletes resource groups (delete is an LRO that removes what is inside)', async () => {
    const path = `/subscriptions/${DEV}/resourcegroups/rg-temp?api-version=2021-04-01`;
    assert.equal((await harness.arm('PUT', path, { location: 'westus2' })).status, 201);
    const zone = `/subscriptions/${DEV}/resourceGroups/rg-temp/providers/Microsoft.Network/privateDnsZones/example.internal?api-version=2024-06-01`;
    assert.equal((await harness.arm('PUT', zone, { location: 'global' })).status, 202);
    assert.equal((await harness.arm('HEAD', path)).status, 204);
    const deletion = await harness.arm('DELETE', path);
    assert.equal(deletion.status, 202);
    assert.match(String(deletion.headers['retry-after']), /^[1-9]\d*$/);
    assert.equal((await harness.follow(String(deletion.headers.location))).status, 200);
    assert.equal((await harness.arm('GET', path)).status, 404);
    assert.equal((await harness.arm('GET', zone)).status, 404);
  });
});
