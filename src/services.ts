import type * as vscode from 'vscode';
import type { Sandbox } from './sandbox/sandbox';
import type { HubsView } from './tree/hubsView';

/** Moments of activation on the extension host's clock (`performance.now()` is process-wide), for the activation test. */
export interface ActivationTiming {
  /** The activation bundle finished evaluating its imports. */
  readonly bundleLoadedAt: number;
  readonly activateStartedAt: number;
  readonly activateFinishedAt: number;
}

/** What command handlers and views share. Created once in activate(). */
export interface ExtensionServices {
  readonly activationTiming: ActivationTiming;
  readonly extension: vscode.ExtensionContext;
  readonly hubsView: HubsView;
  /** "Try the Sandbox": the local emulator in the extension host, and the view signed in against it. */
  readonly sandbox: Sandbox;
  signIn(tenantId?: string): Promise<void>;
}
