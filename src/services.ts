import type * as vscode from 'vscode';
import type { HubsView } from './tree/hubsView';

/** What command handlers and views share. Created once in activate(). */
export interface ExtensionServices {
  readonly extension: vscode.ExtensionContext;
  readonly hubsView: HubsView;
  signIn(tenantId?: string): Promise<void>;
}
