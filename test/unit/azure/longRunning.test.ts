/**
 * Long-running writes answered the ways the recordings show Azure answers them: a Private DNS precondition that
 * arrives as a failed operation, a 202 that carries the resource (Cognitive Services), and both polling headers (ML).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRestError } from '@azure/core-rest-pipeline';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { sendArm, sendArmLongRunning } from '../../../src/azure/armRequest';
import { isPreconditionFailed } from '../../../src/model/concurrency';
import { DEV_GROUP, PROD_GROUP, armRequests, hubIdOf, useHarness } from './support';

const ZONE = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
const ACCOUNT = `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`;

describe('long-running writes as Azure answers them', () => {
  const harness = useHarness();

  it('reports a zone that exists as PreconditionFailed, though Azure accepts the PUT and fails the operation', async () => {
    const connection = harness.connect();
    const error = await sendArmLongRunning(connection.arm, {
      method: 'PUT',
      path: ZONE,
      apiVersion: API_VERSIONS.privateDns,
      body: { location: 'global' },
      ifNoneMatch: '*',
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(isRestError(error), 'a RestError, like the immediate 412 of other RPs');
    assert.equal(error.code, 'PreconditionFailed');
    assert.ok(isPreconditionFailed(error));
    const put = (await armRequests(harness.admin)).find((entry) => entry.method === 'PUT');
    assert.equal(put?.status, 202, 'the emulator answers as recorded: 202, then a Failed operation');
  });

  it('polls a Cognitive Services PATCH answered 202 with the resource (Accepted) to its end', async () => {
    await harness.admin.setLroMode('realistic', 150);
    const connection = harness.connect();
    await sendArmLongRunning(connection.arm, {
      method: 'PATCH',
      path: ACCOUNT,
      apiVersion: API_VERSIONS.cognitiveServices,
      body: {
        properties: {
          networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.61.0.0/16' }, { value: '200.0.0.1' }] },
        },
      },
    });
    const account = await sendArm<{
      properties: { provisioningState: string; networkAcls: { ipRules: { value: string }[] } };
    }>(connection.arm, { method: 'GET', path: ACCOUNT, apiVersion: API_VERSIONS.cognitiveServices });
    assert.equal(account.body.properties.provisioningState, 'Succeeded', 'the Accepted body was not taken for the end');
    assert.deepEqual(
      account.body.properties.networkAcls.ipRules.map((rule) => rule.value),
      ['20.61.0.0/16', '200.0.0.1'],
    );
    const polls = (await armRequests(harness.admin)).filter((entry) => /\/operationResults\//i.test(entry.path));
    assert.ok(polls.length > 0, 'the operation was polled');
    await harness.admin.setLroMode('instant');
  });

  it('polls an ML workspace PATCH answered with both polling headers to its end', async () => {
    const connection = harness.connect();
    const hub = hubIdOf(DEV_GROUP, 'hub-public');
    await sendArmLongRunning(
      connection.arm,
      { method: 'PATCH', path: hub, apiVersion: API_VERSIONS.workspaces, body: { tags: { owner: 'recordings' } } },
      { resourceLocationConfig: 'location' },
    );
    const read = await sendArm<{ tags: Record<string, string>; etag: unknown }>(connection.arm, {
      method: 'GET',
      path: hub,
      apiVersion: API_VERSIONS.workspaces,
    });
    assert.equal(read.body.tags.owner, 'recordings');
    assert.equal(read.body.etag, null, 'ML shows a null etag');
    assert.equal(read.etag, undefined, 'and no ETag header');
  });
});
