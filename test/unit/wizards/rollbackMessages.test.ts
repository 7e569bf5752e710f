import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPlan, type PlanStep } from '../../../src/model/plan';
import type { ExecutionState } from '../../../src/model/planExecutor';
import { newRun } from '../../../src/wizards/framework/wizard';
import { rollbackSummary } from '../../../src/wizards/framework/execute';

const ENDPOINT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-st-blob';
const STORAGE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
const VAULT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';

const step = (id: string, title: string, resourceId: string, creates: boolean): PlanStep => ({
  id,
  title,
  operation: { method: creates ? 'PUT' : 'PATCH', resourceId, apiVersion: '2025-01-01' },
  az: 'az …',
  creates,
  ...(creates
    ? {
        undo: {
          title: `Delete ${title.replace(/^Create /, '')}`,
          operation: { method: 'DELETE' as const, resourceId, apiVersion: '2025-01-01' },
          az: 'az … delete',
        },
      }
    : {}),
  destructive: !creates,
  exposing: false,
});

describe('what a roll back says it left', () => {
  const plan = createPlan(
    'Add private endpoints to the dependencies of hub-a',
    [
      step('endpoint', 'Create private endpoint pe-st-blob', ENDPOINT, true),
      step('close-storage', 'Set public network access of st to Disabled', STORAGE, false),
      step('close-vault', 'Set public network access of kv to Disabled', VAULT, false),
    ],
    [],
  );

  /** The summary of a roll back after a run that left these records. */
  const summaryAfter = (steps: ExecutionState['steps']) =>
    rollbackSummary({
      ...newRun('addDependencyPrivateEndpoints', '/hub', plan, []),
      state: { formatVersion: 1, planId: plan.id, cancelled: false, steps },
    });

  it('names the in-place changes it does not undo, instead of saying nothing was touched', () => {
    const summary = summaryAfter([
      { stepId: 'endpoint', outcome: 'done', created: true, rollback: 'done' },
      { stepId: 'close-storage', outcome: 'done', created: false },
      { stepId: 'close-vault', outcome: 'failed', created: false, error: '503' },
    ]);
    assert.match(summary, /Removed: private endpoint pe-st-blob\./);
    assert.match(
      summary,
      /Not undone, because Roll back deletes only what the run created: Set public network access of st to Disabled\./,
    );
    assert.doesNotMatch(summary, /kv to Disabled/, 'the failed step changed nothing');
    assert.doesNotMatch(summary, /^.*Nothing that existed before was touched/);
  });

  it('says nothing that existed before was touched when the run only created resources', () => {
    const summary = summaryAfter([
      { stepId: 'endpoint', outcome: 'done', created: true, rollback: 'done' },
      { stepId: 'close-storage', outcome: 'failed', created: false, error: '503' },
      { stepId: 'close-vault', outcome: 'notRun', created: false },
    ]);
    assert.match(summary, /Nothing that existed before was touched\.$/);
  });
});
