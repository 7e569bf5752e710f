/** One CodeLens per hub document, on its `network_acls` line: "Selected IPs: 12 rules", as the portal would say it. */
import * as vscode from 'vscode';
import { summarizeDocument } from '../engine';
import type { HubYamlDocuments } from './hubYamlDocuments';

export class HubYamlCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly documents: HubYamlDocuments) {
    this.subscription = documents.onDidValidate(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const checked = this.documents.current(document);
    if (!checked) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const placed of checked.validator.documents()) {
      const summary = summarizeDocument(placed.analysis, placed.offset);
      if (!summary) continue;
      const position = document.positionAt(summary.anchor);
      // A lens with an empty command is plain text: the summary informs, there is nothing to click.
      lenses.push(new vscode.CodeLens(new vscode.Range(position, position), { title: summary.text, command: '' }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
