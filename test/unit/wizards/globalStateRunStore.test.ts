/**
 * The run store the extension keeps in its global state (src/wizards/vscode/globalStateRunStore.ts), over a fake
 * Memento that stores what VS Code stores: JSON, read back as a new object.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { initialExecutionState } from '../../../src/model/planExecutor';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import type { SavedRun } from '../../../src/wizards/execution/runStore';
import { GlobalStateRunStore } from '../../../src/wizards/vscode/globalStateRunStore';
import { endpointContext } from '../model/planFixtures';

/** The key saved runs live under: a new key would lose the runs of every user who updates. */
const KEY = 'foundryNetwork.wizardRuns';

class FakeMemento implements vscode.Memento {
  readonly stored = new Map<string, string>();

  keys(): readonly string[] {
    return [...this.stored.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    const text = this.stored.get(key);
    return text === undefined ? defaultValue : (JSON.parse(text) as T);
  }

  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.stored.delete(key);
    else this.stored.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

const plan = buildPrivateEndpointPlan(endpointContext());
const aRun = (runId: string, savedAt = '2026-12-04T10:00:00Z'): SavedRun => ({
  runId,
  wizardId: 'addPrivateEndpoint',
  hubId: '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub-sales',
  plan,
  state: initialExecutionState(plan),
  expectations: [],
  savedAt,
});

describe('GlobalStateRunStore', () => {
  it('keeps saved runs under its key, and a new store over the same state (a reloaded window) finds them', async () => {
    const memento = new FakeMemento();
    await new GlobalStateRunStore(memento).save(aRun('r1'));
    assert.deepEqual(memento.keys(), [KEY]);
    const reloaded = new GlobalStateRunStore(memento);
    assert.deepEqual(reloaded.list(), [aRun('r1')]);
  });

  it('replaces a run saved again, moving it last, and removes one by id', async () => {
    const store = new GlobalStateRunStore(new FakeMemento());
    await store.save(aRun('r1'));
    await store.save(aRun('r2'));
    await store.save(aRun('r1', '2026-12-04T11:00:00Z'));
    assert.deepEqual(
      store.list().map((run) => [run.runId, run.savedAt]),
      [
        ['r2', '2026-12-04T10:00:00Z'],
        ['r1', '2026-12-04T11:00:00Z'],
      ],
    );
    await store.remove('r2');
    await store.remove('not-there');
    assert.deepEqual(
      store.list().map((run) => run.runId),
      ['r1'],
    );
  });

  it('leaves out what it cannot resume (another version, damage), and drops it at the next save', async () => {
    const memento = new FakeMemento();
    await memento.update(KEY, [aRun('r1'), { ...aRun('old'), state: { formatVersion: 0 } }, 'garbage', null]);
    const store = new GlobalStateRunStore(memento);
    assert.deepEqual(
      store.list().map((run) => run.runId),
      ['r1'],
    );
    await store.save(aRun('r2'));
    assert.deepEqual(
      (memento.get<{ runId: string }[]>(KEY) ?? []).map((run) => run.runId),
      ['r1', 'r2'],
    );
  });

  it('starts empty, also over a value that is not a list', async () => {
    assert.deepEqual(new GlobalStateRunStore(new FakeMemento()).list(), []);
    const memento = new FakeMemento();
    await memento.update(KEY, { runs: [aRun('r1')] });
    const store = new GlobalStateRunStore(memento);
    assert.deepEqual(store.list(), []);
    await store.save(aRun('r2'));
    assert.deepEqual(
      store.list().map((run) => run.runId),
      ['r2'],
    );
  });
});
