/**
 * Starts wizards inside the extension: the QuickInput UI (or, in ExtensionMode.Test only, one a test injects), the
 * tree as directory, and the saved runs in global state (in memory until the extension hands its storage over).
 */
import type * as vscode from 'vscode';
import { API_VERSIONS } from '../../azure/apiVersions';
import type { HubsTreeModel } from '../../tree/model';
import type { HubsTreeProvider } from '../../tree/provider';
import { startWizard } from '../catalog';
import { MemoryRunStore, type RunStore } from '../execution/runStore';
import type { WizardUi } from '../framework/ui';
import type { WizardResult } from '../framework/wizard';
import type { WizardId } from '../ids';
import { GlobalStateRunStore } from './globalStateRunStore';
import { QuickInputWizardUi } from './quickInputUi';
import { TreeHubDirectory } from './treeDirectory';

export class WizardHost {
  private runs: RunStore = new MemoryRunStore();
  private testUi: WizardUi | undefined;
  private readonly directory: TreeHubDirectory;

  constructor(
    model: HubsTreeModel,
    provider: HubsTreeProvider,
    private readonly log: vscode.LogOutputChannel,
    private readonly options: { readonly acceptsTestUi: boolean },
  ) {
    this.directory = new TreeHubDirectory(model, provider);
  }

  /** Keeps saved runs across reloads. */
  useStorage(memento: vscode.Memento): void {
    if (!(this.runs instanceof GlobalStateRunStore)) this.runs = new GlobalStateRunStore(memento);
  }

  /**
   * Test hook: drive the wizards with scripted answers instead of QuickInput (undefined restores QuickInput). A UI
   * that answers every confirmation must never reach a user's own runs, so outside ExtensionMode.Test it is refused.
   */
  useUi(ui: WizardUi | undefined): void {
    if (ui && !this.options.acceptsTestUi)
      throw new Error('A scripted wizard UI is accepted only in ExtensionMode.Test.');
    this.testUi = ui;
  }

  run(id: WizardId, args: readonly unknown[]): Promise<WizardResult> {
    const ui = this.testUi ?? new QuickInputWizardUi(this.log);
    return startWizard(id, args, { ui, directory: this.directory, runs: this.runs, apiVersions: API_VERSIONS });
  }
}
