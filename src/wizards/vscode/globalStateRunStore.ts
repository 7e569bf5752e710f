/** Saved wizard runs in the extension's global state, so Resume and Roll back survive a window reload. */
import type * as vscode from 'vscode';
import { readableRuns, type RunStore, type SavedRun } from '../execution/runStore';

const KEY = 'foundryNetwork.wizardRuns';

export class GlobalStateRunStore implements RunStore {
  constructor(private readonly memento: vscode.Memento) {}

  /** Saving rewrites the list from this, so entries no longer readable are dropped then. */
  list(): readonly SavedRun[] {
    return readableRuns(this.memento.get<unknown>(KEY, []));
  }

  async save(run: SavedRun): Promise<void> {
    await this.memento.update(KEY, [...this.list().filter((known) => known.runId !== run.runId), run]);
  }

  async remove(runId: string): Promise<void> {
    await this.memento.update(
      KEY,
      this.list().filter((known) => known.runId !== runId),
    );
  }
}
