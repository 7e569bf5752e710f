import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialExecutionState } from '../../../src/model/planExecutor';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { readableRuns, type SavedRun } from '../../../src/wizards/execution/runStore';
import { endpointContext } from '../model/planFixtures';

describe('saved runs read back from storage', () => {
  const plan = buildPrivateEndpointPlan(endpointContext());
  const run: SavedRun = {
    runId: 'r1',
    wizardId: 'addPrivateEndpoint',
    hubId: '/h',
    plan,
    state: initialExecutionState(plan),
    expectations: [],
    savedAt: '2026-11-24T00:00:00Z',
  };
  const stored = (value: unknown) => readableRuns(JSON.parse(JSON.stringify(value)));

  it('keeps well-formed runs and drops damaged or foreign ones', () => {
    const otherPlan = buildPrivateEndpointPlan(endpointContext({ dns: { kind: 'customDns' } }));
    const runs = stored([
      run,
      { ...run, runId: 'r2', state: initialExecutionState(otherPlan) },
      { ...run, runId: 'r3', state: { ...run.state, formatVersion: 0 } },
      { ...run, runId: 'r4', plan: { ...plan, steps: 'nope' } },
      { ...run, runId: 'r5', expectations: undefined },
      null,
      'text',
    ]);
    assert.deepEqual(
      runs.map((kept) => kept.runId),
      ['r1'],
    );
  });

  it('reads nothing from a value that is not a list', () => {
    assert.deepEqual(readableRuns(undefined), []);
    assert.deepEqual(readableRuns({ runs: [run] }), []);
  });
});
