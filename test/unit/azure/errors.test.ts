import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestError } from '@azure/core-rest-pipeline';
import {
  CancelledError,
  ConcurrentChangeError,
  NetworkError,
  PermissionDeniedError,
  PrivateLinkOnlyError,
  ROLE_ASSIGNMENT_ADMINISTRATOR,
  ResourceNotFoundError,
  ServiceUnavailableError,
  SignInRequiredError,
  ThrottledError,
  isRoleAssignmentExists,
  toAzureAccessError,
  toDataPlaneError,
} from '../../../src/azure/errors';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { lostUpdate } from '../../../src/model/concurrency';
import { DEV_GROUP, hangReached, hubIdOf, useHarness } from './support';
import { holdTimers } from '../heldTimers';

const HUB = hubIdOf(DEV_GROUP, 'hub-public');
const HUB_PATH = 'workspaces/hub-public$';

describe('errors and retries against the emulator', () => {
  const harness = useHarness();

  const hubAttempts = () => harness.events.filter((event) => event.path.endsWith('/workspaces/hub-public'));

  it('waits for Retry-After on 429, then succeeds', async (t) => {
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: HUB_PATH,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
    });
    // The retry policy's wait is a timer of the Retry-After: held, the second attempt must not start before it fires.
    const timers = holdTimers(t, 1000);
    let settled = false;
    const reading = readHubNetworkState(harness.connect(), HUB).finally(() => (settled = true));
    await timers.scheduled(1, () => settled);
    assert.equal(timers.pending.length, 1, 'the retry waits on a 1 s timer');
    assert.deepEqual(
      hubAttempts().map((event) => event.status),
      [429],
      'no second attempt while it waits',
    );
    timers.releaseOne();
    const state = await reading;
    assert.equal(state.workspace.name, 'hub-public');
    assert.deepEqual(
      hubAttempts().map((event) => event.status),
      [429, 200],
    );
  });

  it('maps throttling that outlasts the retries to ThrottledError', async () => {
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: HUB_PATH,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
    });
    await assert.rejects(readHubNetworkState(harness.connect({ retry: { maxRetries: 0 } }), HUB), (error: unknown) => {
      assert.ok(error instanceof ThrottledError);
      assert.match(error.action, /try again/i);
      return true;
    });
  });

  it('retries a 5xx and succeeds; maps one that persists to ServiceUnavailableError', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'status', status: 500 });
    await readHubNetworkState(harness.connect(), HUB);
    assert.deepEqual(
      hubAttempts().map((event) => event.status),
      [500, 200],
    );
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'status', status: 502, count: 3 });
    await assert.rejects(readHubNetworkState(harness.connect(), HUB), ServiceUnavailableError);
  });

  it('retries a reset connection; maps one that keeps resetting to NetworkError', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'reset' });
    assert.equal((await readHubNetworkState(harness.connect(), HUB)).workspace.name, 'hub-public');
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'reset', count: 3 });
    await assert.rejects(readHubNetworkState(harness.connect(), HUB), NetworkError);
  });

  it('maps 401 to "sign in again"', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'status', status: 401 });
    await assert.rejects(
      readHubNetworkState(harness.connect(), HUB),
      (error: unknown) => error instanceof SignInRequiredError && /Sign in to Azure again/.test(error.action),
    );
  });

  it('maps 403 to the role that is missing on the resource', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'status', status: 403 });
    await assert.rejects(readHubNetworkState(harness.connect(), HUB), (error: unknown) => {
      assert.ok(error instanceof PermissionDeniedError);
      assert.equal(error.userMessage, 'You need the Reader role on hub-public.');
      return true;
    });
  });

  it('maps 404 to gone', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'status', status: 404 });
    await assert.rejects(
      readHubNetworkState(harness.connect(), HUB),
      (error: unknown) => error instanceof ResourceNotFoundError && /no longer exists/.test(error.userMessage),
    );
  });

  it('aborts a hanging request', async () => {
    await harness.admin.injectFault({ method: 'GET', pathPattern: HUB_PATH, kind: 'hang', hangMs: 30_000 });
    const controller = new AbortController();
    const reading = readHubNetworkState(harness.connect(), HUB, { abortSignal: controller.signal });
    await hangReached(harness.admin);
    controller.abort();
    await assert.rejects(reading, CancelledError);
  });
});

describe('error mapping without a server', () => {
  const restError = (statusCode: number, code?: string) =>
    new RestError('failed', { statusCode, ...(code ? { code } : {}) });

  it('412 is a concurrent change', () => {
    const error = toAzureAccessError(restError(412, 'PreconditionFailed'), { resourceId: HUB, access: 'write' });
    assert.ok(error instanceof ConcurrentChangeError);
    assert.match(error.userMessage, /hub-public was changed by someone else/);
  });

  it('a write 403 names the role that type of resource needs, unless told another role; a read names Reader', () => {
    const endpoint = `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub`;
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: HUB, access: 'write' }).userMessage,
      'You need the Contributor role on hub-public.',
    );
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: endpoint, access: 'write' }).userMessage,
      'You need the Network Contributor role on pe-hub.',
    );
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: endpoint, access: 'read' }).userMessage,
      'You need the Reader role on pe-hub.',
    );
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: HUB, requiredRole: 'Contributor' }).userMessage,
      'You need the Contributor role on hub-public.',
    );
  });

  it('a role assignment is named by its scope, and writing one needs an RBAC role; 409 RoleAssignmentExists is recognised', () => {
    const assignment = `${HUB}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-4000-8000-000000000001`;
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: assignment, access: 'write' }).userMessage,
      `You need the ${ROLE_ASSIGNMENT_ADMINISTRATOR} role on hub-public.`,
    );
    assert.equal(
      toAzureAccessError(restError(403), { resourceId: assignment, access: 'read' }).userMessage,
      'You need the Reader role on hub-public.',
    );
    assert.ok(isRoleAssignmentExists(restError(409, 'RoleAssignmentExists')));
    assert.ok(!isRoleAssignmentExists(restError(409, 'Conflict')));
  });

  it('public-access-disabled codes and refused data-plane connections say "private link only"', () => {
    const storage = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;
    const fromCode = toAzureAccessError(restError(403, 'PublicNetworkAccessDisabled'), { resourceId: storage });
    assert.ok(fromCode instanceof PrivateLinkOnlyError);
    assert.match(fromCode.userMessage, /stfoundrydev only accepts traffic through its private endpoint/);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.ok(toDataPlaneError(refused, { resourceId: storage }) instanceof PrivateLinkOnlyError);
    assert.ok(toAzureAccessError(refused) instanceof NetworkError);
  });

  it('a lost update found by re-reading (src/model/concurrency.ts) is a concurrent change too', () => {
    const error = toAzureAccessError(lostUpdate('hub-public', ['properties.publicNetworkAccess']), { resourceId: HUB });
    assert.ok(error instanceof ConcurrentChangeError);
    assert.match(error.userMessage, /properties\.publicNetworkAccess/);
  });

  it('keeps the SDK error as the cause', () => {
    const original = restError(404, 'ResourceNotFound');
    assert.equal(toAzureAccessError(original).cause, original);
  });
});
