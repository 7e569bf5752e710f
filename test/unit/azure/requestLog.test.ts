/**
 * The ARM request log (src/azure/requestLog.ts) never carries a secret: not the Authorization header, not a SAS
 * signature or client secret in the query, not a request or response body with keys. Each request goes through the
 * real pipeline policy, and both what the policy hands the logger (the event) and the output channel's line are read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RestError,
  createHttpHeaders,
  createPipelineRequest,
  type PipelineRequest,
  type PipelineResponse,
  type SendRequest,
} from '@azure/core-rest-pipeline';
import { armRequestLogLine, requestLogPolicy, type ArmRequestEvent } from '../../../src/azure/requestLog';

const SECRETS = ['xyz-bearer-token', 'the-client-secret', 'sv2025sig', 'KEY1VALUE', 'KEY2VALUE', 'Bearer'];
const STORAGE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stai';

function secretRequest(method: 'GET' | 'POST', path: string): PipelineRequest {
  const query = 'api-version=2025-06-01&client_secret=the-client-secret&sig=sv2025sig&se=2030-01-01';
  return createPipelineRequest({
    url: `https://management.azure.com${path}?${query}`,
    method,
    headers: createHttpHeaders({
      Authorization: 'Bearer xyz-bearer-token',
      'x-ms-client-secret': 'the-client-secret',
      'content-type': 'application/x-www-form-urlencoded',
    }),
    body: 'grant_type=client_credentials&client_secret=the-client-secret&sig=sv2025sig',
  });
}

/** What the pipeline hands the policy's `next`: an answer with keys in its body, or a failure that quotes the request. */
function answering(status: number, bodyAsText: string): SendRequest {
  return async (request) =>
    ({
      request,
      status,
      headers: createHttpHeaders({ 'set-cookie': 'session=KEY2VALUE' }),
      bodyAsText,
    }) satisfies PipelineResponse;
}

async function logged(request: PipelineRequest, next: SendRequest): Promise<ArmRequestEvent> {
  const events: ArmRequestEvent[] = [];
  await requestLogPolicy((event) => events.push(event))
    .sendRequest(request, next)
    .catch(() => undefined);
  assert.equal(events.length, 1, 'one event per attempt');
  return events[0]!;
}

function assertNoSecret(event: ArmRequestEvent): void {
  const { line } = armRequestLogLine(event);
  for (const secret of SECRETS) {
    assert.ok(!line.includes(secret), `the log line "${line}" holds ${secret}`);
    assert.ok(!JSON.stringify(event).includes(secret), `the event ${JSON.stringify(event)} holds ${secret}`);
  }
  assert.ok(!/client_secret|sig=|authorization/i.test(line), line);
}

describe('the ARM request log', () => {
  it('logs method, path, status and duration of a successful listKeys, and no header, query or body', async () => {
    const event = await logged(
      secretRequest('POST', `${STORAGE_ID}/listKeys`),
      answering(200, '{"keys":[{"keyName":"key1","value":"KEY1VALUE"}]}'),
    );
    assertNoSecret(event);
    assert.equal(event.apiVersion, '2025-06-01');
    assert.match(
      armRequestLogLine(event).line,
      /^POST \/subscriptions\/.*\/storageAccounts\/stai\/listKeys → 200 \(\d+ ms\)$/,
    );
    assert.equal(armRequestLogLine(event).failed, false);
  });

  it('logs a failed attempt as failed, still without the secrets the request or the error carried', async () => {
    const request = secretRequest('GET', STORAGE_ID);
    const failing: SendRequest = async () => {
      throw new RestError('Forbidden: Bearer xyz-bearer-token, client_secret=the-client-secret', {
        code: 'AuthorizationFailed',
        statusCode: 403,
        request,
      });
    };
    const event = await logged(request, failing);
    assertNoSecret(event);
    assert.deepEqual(armRequestLogLine(event), {
      line: `GET ${STORAGE_ID} → 403 (${event.durationMs} ms)`,
      failed: true,
    });
  });

  it('logs an attempt that got no answer by its error code alone', async () => {
    const request = secretRequest('GET', STORAGE_ID);
    const reset: SendRequest = async () => {
      throw Object.assign(new Error('socket hang up after Bearer xyz-bearer-token'), { code: 'ECONNRESET' });
    };
    const event = await logged(request, reset);
    assertNoSecret(event);
    assert.match(armRequestLogLine(event).line, / → ECONNRESET \(/);
  });
});
