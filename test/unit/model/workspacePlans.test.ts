import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOUDS } from '../../../src/model/clouds';
import {
  buildConnectionDecisionPlan,
  buildDeletePrivateEndpointPlan,
  buildPublicAccessPlan,
} from '../../../src/model/workspacePlans';
import { API_VERSIONS, WORKSPACE_ID } from './planFixtures';

const CONNECTION_ID = `${WORKSPACE_ID}/privateEndpointConnections/pe-hub.1234`;

describe('buildPublicAccessPlan', () => {
  it('PATCHes selected IPs through az rest on the preview api (golden)', () => {
    const plan = buildPublicAccessPlan({
      cloud: CLOUDS.AzureCloud,
      apiVersions: API_VERSIONS,
      workspace: { id: WORKSPACE_ID, name: 'hub-sales' },
      current: { kind: 'disabled' },
      target: { kind: 'selectedIps', ipRules: ['52.10.0.0/16'] },
    });
    const [step] = plan.steps;
    assert.equal(
      step?.az,
      'az rest --method=patch --url="https://management.azure.com${HUB_ID}?api-version=2025-10-01-preview" ' +
        `--body='{"properties":{"publicNetworkAccess":"Enabled","networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"52.10.0.0/16"}]}}}'`,
    );
    assert.equal(step?.operation.method, 'PATCH');
    assert.equal(step?.operation.apiVersion, '2025-10-01-preview');
    assert.equal(step?.exposing, true);
    assert.equal(step?.destructive, false);
    assert.match(step?.consequence ?? '', /listed public IPs/);
  });

  it('uses the stable api and If-Match when only publicNetworkAccess changes', () => {
    const plan = buildPublicAccessPlan({
      cloud: CLOUDS.AzureChinaCloud,
      apiVersions: API_VERSIONS,
      workspace: { id: WORKSPACE_ID, name: 'hub-sales', etag: '"0x8D"' },
      current: { kind: 'allNetworks' },
      target: { kind: 'disabled' },
    });
    const [step] = plan.steps;
    assert.equal(
      step?.az,
      'az rest --method=patch --url="https://management.chinacloudapi.cn${HUB_ID}?api-version=2025-12-01" ' +
        `--body='{"properties":{"publicNetworkAccess":"Disabled"}}' --headers='If-Match="0x8D"'`,
    );
    assert.equal(step?.operation.ifMatch, '"0x8D"');
    assert.equal(step?.exposing, false);
    assert.match(step?.consequence ?? '', /approved private endpoint/);
  });

  it('marks resetting rules as destructive and says how many go', () => {
    const plan = buildPublicAccessPlan({
      cloud: CLOUDS.AzureCloud,
      apiVersions: API_VERSIONS,
      workspace: { id: WORKSPACE_ID, name: 'hub-sales' },
      current: { kind: 'selectedIps', ipRules: ['52.1.1.1', '20.1.1.1'] },
      target: { kind: 'allNetworks' },
    });
    const [step] = plan.steps;
    assert.equal(step?.destructive, true);
    assert.equal(step?.exposing, true);
    assert.match(step?.consequence ?? '', /2 existing IP rules are removed\./);
    assert.equal(step?.operation.apiVersion, '2025-10-01-preview');
  });
});

describe('buildConnectionDecisionPlan', () => {
  it('approves with the documented command (golden)', () => {
    const plan = buildConnectionDecisionPlan({
      apiVersions: API_VERSIONS,
      workspaceName: 'hub-sales',
      connectionId: CONNECTION_ID,
      decision: 'Approved',
      description: 'Approved by the platform team',
    });
    const [step] = plan.steps;
    assert.equal(
      step?.az,
      `az network private-endpoint-connection approve --id="$CONNECTION_ID" --description='Approved by the platform team'`,
    );
    assert.deepEqual(step?.operation, {
      method: 'PUT',
      resourceId: CONNECTION_ID,
      apiVersion: '2025-12-01',
      body: {
        properties: {
          privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved by the platform team' },
        },
      },
    });
    assert.equal(step?.exposing, true);
  });

  it('rejects as a destructive step', () => {
    const plan = buildConnectionDecisionPlan({
      apiVersions: API_VERSIONS,
      workspaceName: 'hub-sales',
      connectionId: CONNECTION_ID,
      decision: 'Rejected',
      description: 'unknown',
    });
    assert.equal(
      plan.steps[0]?.az,
      'az network private-endpoint-connection reject --id="$CONNECTION_ID" --description=unknown',
    );
    assert.equal(plan.steps[0]?.destructive, true);
    assert.match(plan.steps[0]?.consequence ?? '', /cannot be undone/);
  });
});

describe('buildDeletePrivateEndpointPlan', () => {
  it('deletes with the documented command', () => {
    const plan = buildDeletePrivateEndpointPlan({
      apiVersions: API_VERSIONS,
      workspaceName: 'hub-sales',
      privateEndpointId: '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-hub',
    });
    const [step] = plan.steps;
    assert.equal(
      step?.az,
      'az network private-endpoint delete --name="$PRIVATE_ENDPOINT" --resource-group="$RESOURCE_GROUP"',
    );
    assert.equal(step?.operation.method, 'DELETE');
    assert.equal(step?.creates, false);
    assert.equal(step?.destructive, true);
    assert.deepEqual(plan.variables, [
      { name: 'SUBSCRIPTION_ID', value: 's1' },
      { name: 'PRIVATE_ENDPOINT', value: 'pe-hub' },
      { name: 'RESOURCE_GROUP', value: 'rg-net' },
    ]);
  });
});
