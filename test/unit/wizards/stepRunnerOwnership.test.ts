/**
 * What the step runner may overwrite or delete: a Failed resource only when this run created it, an endpoint only when
 * it is the same one (group id included), a zone only when no page of its record sets holds someone else's; and the
 * role a refused write needs.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sendArm, sendArmLongRunning } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import type { ArmOperation, PlanStep } from '../../../src/model/plan';
import { createPlan } from '../../../src/model/plan';
import { initialExecutionState, rollbackPlan, runPlan, type RunnableStep } from '../../../src/model/planExecutor';
import { WizardStepRunner } from '../../../src/wizards/execution/stepRunner';
import {
  API_ZONE,
  DEV_GROUP,
  PROD_GROUP,
  endpointIdOf,
  hubIdOf,
  linkOf,
  startWizardHarness,
  zoneIdOf,
  type WizardHarness,
} from './support';

const signal = new AbortController().signal;
const OTHER_VNET = `${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod`;
const LINK = linkOf(DEV_GROUP, API_ZONE, 'link-vnet-prod');

const step = (operation: ArmOperation, extra: Partial<RunnableStep> = {}): RunnableStep => ({
  id: 'step',
  title: 'step',
  operation,
  az: '',
  ...extra,
});

const linkCreation: ArmOperation = {
  method: 'PUT',
  resourceId: LINK,
  apiVersion: API_VERSIONS.privateDns,
  body: { location: 'global', properties: { virtualNetwork: { id: OTHER_VNET }, registrationEnabled: false } },
  ifNoneMatch: '*',
};

describe('the step runner: what it may overwrite, and the role a refused write needs', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness({ maxRetries: 0 });
  });
  after(() => harness.close());
  beforeEach(async () => {
    await harness.admin.reset();
    await harness.admin.clearFaults();
  });

  /** Someone else's link, with their own settings, left Failed by their write. */
  async function someoneElsesFailedLink(): Promise<void> {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'virtualNetworkLinks/link-vnet-prod$',
      kind: 'lroFailed',
    });
    const body = {
      location: 'global',
      tags: { owner: 'network-team' },
      properties: { virtualNetwork: { id: OTHER_VNET }, registrationEnabled: true },
    };
    await sendArmLongRunning(
      harness.connection.arm,
      { method: 'PUT', path: LINK, apiVersion: API_VERSIONS.privateDns, body },
      { pollIntervalInMs: 1 },
    ).catch(() => undefined);
    assert.equal((await harness.admin.getProperties(LINK))?.provisioningState, 'Failed');
  }

  it('does not rewrite a Failed resource of the same name that this run did not create', async () => {
    await someoneElsesFailedLink();
    await assert.rejects(
      new WizardStepRunner(harness.connection).runStep(step(linkCreation), signal),
      /link-vnet-prod exists but is in a Failed state; repair or delete it, then Resume\./,
    );
    const link = await harness.admin.getResource(LINK);
    assert.equal(link?.properties?.registrationEnabled, true, 'their settings stay');
    assert.deepEqual(link?.tags, { owner: 'network-team' });
  });

  it('rewrites a Failed resource this run created (Resume after a roll back whose delete failed)', async () => {
    await someoneElsesFailedLink();
    const planStep: PlanStep = {
      ...step(linkCreation),
      creates: true,
      destructive: false,
      exposing: false,
      undo: {
        title: 'undo',
        operation: { method: 'DELETE', resourceId: LINK, apiVersion: API_VERSIONS.privateDns },
        az: '',
      },
    };
    const plan = createPlan('link', [planStep], [], undefined);
    const previous = {
      ...initialExecutionState(plan),
      steps: [{ stepId: 'step', outcome: 'done' as const, created: true, rollback: 'failed' as const }],
    };
    const state = await runPlan(plan, new WizardStepRunner(harness.connection), {}, previous);
    assert.deepEqual(
      state.steps.map((record) => [record.outcome, record.created]),
      [['skipped', true]],
    );
    const link = await harness.admin.getResource(LINK);
    assert.equal(link?.properties?.provisioningState, 'Succeeded');
    assert.equal(link?.properties?.registrationEnabled, false, 'written again as planned');
  });

  it("keeps a half-created resource whose clean-up failed as the run's: the message says so, and Roll back deletes it", async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'virtualNetworkLinks/link-vnet-prod$',
      kind: 'lroFailed',
    });
    await harness.admin.injectFault({
      method: 'DELETE',
      pathPattern: 'virtualNetworkLinks/link-vnet-prod$',
      kind: 'status',
      status: 500,
    });
    const planStep: PlanStep = {
      ...step(linkCreation),
      creates: true,
      destructive: false,
      exposing: false,
      undo: {
        title: 'undo',
        operation: { method: 'DELETE', resourceId: LINK, apiVersion: API_VERSIONS.privateDns },
        az: '',
      },
    };
    const plan = createPlan('link', [planStep], [], undefined);
    const failed = await runPlan(plan, new WizardStepRunner(harness.connection));
    assert.deepEqual(
      failed.steps.map((record) => [record.outcome, record.created]),
      [['failed', true]],
      failed.steps[0]?.error,
    );
    assert.match(failed.steps[0]?.error ?? '', /could not be deleted; Resume writes it again, Roll back deletes it\./);
    assert.doesNotMatch(failed.steps[0]?.error ?? '', /was deleted/);
    assert.equal((await harness.admin.getProperties(LINK))?.provisioningState, 'Failed', 'still there');
    const rolledBack = await rollbackPlan(plan, failed, new WizardStepRunner(harness.connection));
    assert.equal(rolledBack.steps[0]?.rollback, 'done');
    assert.equal(await harness.admin.getResource(LINK), undefined, 'no orphan');
  });

  it('does not take an endpoint to the same service for another group id as "the same endpoint"', async () => {
    const existingId = endpointIdOf(PROD_GROUP, 'pe-stfoundryprod-blob');
    const existing = await harness.admin.getProperties(existingId);
    const connection = existing?.privateLinkServiceConnections?.[0];
    assert.deepEqual(connection?.properties?.groupIds, ['blob']);
    const body = {
      location: 'westeurope',
      properties: {
        subnet: { id: existing?.subnet?.id },
        privateLinkServiceConnections: [
          {
            name: 'pe-stfoundryprod-blob',
            properties: { privateLinkServiceId: connection?.properties?.privateLinkServiceId, groupIds: ['file'] },
          },
        ],
      },
    };
    const operation: ArmOperation = {
      method: 'PUT',
      resourceId: existingId,
      apiVersion: API_VERSIONS.network,
      body,
      ifNoneMatch: '*',
    };
    await assert.rejects(
      new WizardStepRunner(harness.connection).runStep(step(operation), signal),
      /pe-stfoundryprod-blob already exists with other settings \(properties\.privateLinkServiceConnections\)/,
    );
    // The same group id, whatever its case, is the same endpoint: reused.
    const sameGroup = {
      ...body,
      properties: {
        ...body.properties,
        privateLinkServiceConnections: [
          {
            ...body.properties.privateLinkServiceConnections[0]!,
            properties: { ...body.properties.privateLinkServiceConnections[0]!.properties, groupIds: ['Blob'] },
          },
        ],
      },
    };
    assert.equal(
      (await new WizardStepRunner(harness.connection).runStep(step({ ...operation, body: sameGroup }), signal)).outcome,
      'skipped',
    );
  });

  it('keeps a zone whose record sets of other people are on a later page of the list', async () => {
    const zoneId = zoneIdOf(DEV_GROUP, 'contoso.internal');
    await sendArmLongRunning(
      harness.connection.arm,
      { method: 'PUT', path: zoneId, apiVersion: API_VERSIONS.privateDns, body: { location: 'global' } },
      { pollIntervalInMs: 1 },
    );
    // The SOA record set comes first, someone else's TXT record set after it.
    await sendArm(harness.connection.arm, {
      method: 'PUT',
      path: `${zoneId}/TXT/owner`,
      apiVersion: API_VERSIONS.privateDns,
      body: { properties: { ttl: 300, txtRecords: [{ value: ['network-team'] }] } },
    });
    await harness.admin.setListPageSize(1);
    const first = await sendArm<{ value: unknown[]; nextLink?: string }>(harness.connection.arm, {
      method: 'GET',
      path: `${zoneId}/ALL`,
      apiVersion: API_VERSIONS.privateDns,
    });
    assert.equal(first.body.value.length, 1);
    assert.ok(first.body.nextLink, 'the list pages');
    const result = await new WizardStepRunner(harness.connection).runStep(
      step({ method: 'DELETE', resourceId: zoneId, apiVersion: API_VERSIONS.privateDns }, { writtenByRun: [] }),
      signal,
    );
    assert.equal(result.outcome, 'kept');
    assert.match(result.note ?? '', /record set owner/);
    assert.ok(await harness.admin.getResource(zoneId), 'the zone stays');
  });

  it('names the role the refused write needs: Contributor for a hub, Network Contributor for an endpoint', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-public');
    await harness.admin.injectFault({
      method: 'PATCH',
      pathPattern: 'workspaces/hub-public$',
      kind: 'status',
      status: 403,
    });
    const patch: ArmOperation = {
      method: 'PATCH',
      resourceId: hubId,
      apiVersion: API_VERSIONS.workspaces,
      body: { properties: { publicNetworkAccess: 'Disabled' } },
    };
    await assert.rejects(
      new WizardStepRunner(harness.connection).runStep(step(patch), signal),
      /You need the Contributor role on hub-public\./,
    );
    await harness.admin.injectFault({
      method: 'DELETE',
      pathPattern: 'privateEndpoints/pe-hub-private$',
      kind: 'status',
      status: 403,
    });
    const remove: ArmOperation = {
      method: 'DELETE',
      resourceId: endpointIdOf(DEV_GROUP, 'pe-hub-private'),
      apiVersion: API_VERSIONS.network,
    };
    await assert.rejects(
      new WizardStepRunner(harness.connection).runStep(step(remove), signal),
      /You need the Network Contributor role on/,
    );
  });
});
