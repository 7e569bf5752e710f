import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceClient } from '@azure/core-client';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { readWorkspace } from '../../../src/azure/workspaceApi';

const HUB = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub-a';

/** A ServiceClient whose transport answers from a function: the pipeline (serializer, error mapping) is the real one. */
function clientAnswering(answer: (request: PipelineRequest) => { status: number; body: unknown }): {
  client: ServiceClient;
  urls: string[];
} {
  const urls: string[] = [];
  const httpClient: HttpClient = {
    sendRequest: async (request): Promise<PipelineResponse> => {
      urls.push(request.url);
      const { status, body } = answer(request);
      return {
        request,
        status,
        headers: createHttpHeaders({ 'content-type': 'application/json' }),
        bodyAsText: JSON.stringify(body),
      };
    },
  };
  return { client: new ServiceClient({ endpoint: 'https://arm.test', httpClient }), urls };
}

const workspaceBody = {
  id: HUB,
  name: 'hub-a',
  kind: 'Hub',
  location: 'eastus',
  properties: { publicNetworkAccess: 'Enabled', workspaceId: 'w-1' },
};

describe('reading a workspace', () => {
  it('reads the preview api-version first, keeping nested fields the SDK models would drop', async () => {
    const withAcls = {
      ...workspaceBody,
      properties: {
        ...workspaceBody.properties,
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.1.2.3' }] },
        managedNetwork: { isolationMode: 'AllowInternetOutbound' },
      },
    };
    const { client, urls } = clientAnswering(() => ({ status: 200, body: withAcls }));
    const read = await readWorkspace(client, HUB);
    assert.deepEqual(read.arm.properties?.networkAcls, { defaultAction: 'Deny', ipRules: [{ value: '20.1.2.3' }] });
    assert.equal(read.arm.properties?.managedNetwork?.isolationMode, 'AllowInternetOutbound');
    assert.deepEqual(read.networkAclsRead, { succeeded: true });
    assert.deepEqual(urls, [`https://arm.test${HUB}?api-version=${API_VERSIONS.workspacesPreview}`]);
  });

  it('falls back to the stable api-version when the preview one is refused, and says why', async () => {
    const { client, urls } = clientAnswering((request) =>
      request.url.includes('preview')
        ? {
            status: 400,
            body: {
              error: {
                code: 'InvalidApiVersionParameter',
                message: `The api-version '${API_VERSIONS.workspacesPreview}' is invalid.`,
              },
            },
          }
        : { status: 200, body: workspaceBody },
    );
    const read = await readWorkspace(client, HUB);
    assert.equal(read.arm.name, 'hub-a');
    assert.equal(read.networkAclsRead.succeeded, false);
    assert.match(
      read.networkAclsRead.succeeded ? '' : read.networkAclsRead.message,
      /preview api-version .* was refused/,
    );
    assert.deepEqual(
      urls.map((url) => new URL(url).searchParams.get('api-version')),
      [API_VERSIONS.workspacesPreview, API_VERSIONS.workspaces],
    );
    // The same client remembers the refusal: the next read costs one request, not two.
    await readWorkspace(client, HUB);
    assert.equal(urls.length, 3);
    assert.equal(new URL(urls[2] ?? '').searchParams.get('api-version'), API_VERSIONS.workspaces);
  });

  it('does not hide a missing workspace behind the fallback', async () => {
    const { client, urls } = clientAnswering(() => ({
      status: 404,
      body: { error: { code: 'ResourceNotFound', message: 'not found' } },
    }));
    await assert.rejects(readWorkspace(client, HUB), (error: { statusCode?: number }) => error.statusCode === 404);
    assert.equal(urls.length, 1);
  });
});
