/**
 * The open YAML documents and their validators: one incremental HubYamlValidator per document (an edit re-parses
 * only the YAML document it touched), diagnostics published after a debounce, dropped when the document closes.
 * Only the documents' text is read, never the file system, so untrusted and virtual workspaces work the same.
 */
import * as vscode from 'vscode';
import { readSettings, affectsSettings, type YamlSettings } from '../../config';
import { HubYamlValidator } from '../engine';
import { checkModeOf, type CheckMode } from './checkMode';
import { publish, type PublishedDiagnostic } from './diagnostics';

/** A checked document, up to date with the version it was last validated at. */
export interface CheckedDocument {
  readonly document: vscode.TextDocument;
  readonly mode: Exclude<CheckMode, 'off'>;
  readonly validator: HubYamlValidator;
  readonly diagnostics: readonly PublishedDiagnostic[];
}

interface Tracked {
  mode: CheckMode;
  debounceMs: number;
  validator?: HubYamlValidator;
  /** The document version the validator and diagnostics belong to; -1 before the first validation. */
  version: number;
  diagnostics: PublishedDiagnostic[];
  timer?: ReturnType<typeof setTimeout>;
}

export class HubYamlDocuments implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly collection = vscode.languages.createDiagnosticCollection('foundry-network-yaml');
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a document's diagnostics were published (CodeLens follows it). */
  readonly onDidValidate = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((document) => this.open(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.close(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event, 'yaml')) this.reconfigure();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.open(document);
  }

  /** The document's state validated at its current version, or undefined when it is not checked. */
  current(document: vscode.TextDocument): CheckedDocument | undefined {
    const tracked = this.tracked.get(document.uri.toString());
    if (!tracked?.validator || tracked.mode === 'off') return undefined;
    if (tracked.version !== document.version) this.validate(document, tracked);
    return { document, mode: tracked.mode, validator: tracked.validator, diagnostics: tracked.diagnostics };
  }

  private open(document: vscode.TextDocument): void {
    if (document.languageId !== 'yaml') return;
    const key = document.uri.toString();
    const tracked = this.tracked.get(key) ?? { mode: 'off', debounceMs: 0, version: -1, diagnostics: [] };
    this.tracked.set(key, tracked);
    this.configure(document, tracked, readSettings(document.uri).yaml);
  }

  private schedule(document: vscode.TextDocument): void {
    const tracked = this.tracked.get(document.uri.toString());
    if (!tracked || tracked.mode === 'off') return;
    clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => {
      tracked.timer = undefined;
      if (!document.isClosed) this.validate(document, tracked);
    }, tracked.debounceMs);
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.tracked.get(key)?.timer);
    this.tracked.delete(key);
    this.collection.delete(document.uri);
  }

  private reconfigure(): void {
    for (const document of vscode.workspace.textDocuments) {
      const tracked = this.tracked.get(document.uri.toString());
      if (tracked) this.configure(document, tracked, readSettings(document.uri).yaml);
    }
  }

  /** Applies the settings: a new check mode means a new validator (forcing changes what every document reports). */
  private configure(document: vscode.TextDocument, tracked: Tracked, settings: YamlSettings): void {
    const mode = checkModeOf(document, settings);
    tracked.debounceMs = Math.max(0, settings.debounceMs);
    if (mode === tracked.mode && tracked.validator) return;
    tracked.mode = mode;
    clearTimeout(tracked.timer);
    if (mode === 'off') {
      tracked.validator = undefined;
      tracked.diagnostics = [];
      tracked.version = -1;
      this.collection.delete(document.uri);
      this.changed.fire(document);
      return;
    }
    tracked.validator = new HubYamlValidator({ force: mode === 'force' });
    this.validate(document, tracked);
  }

  private validate(document: vscode.TextDocument, tracked: Tracked): void {
    const validator = tracked.validator;
    if (!validator) return;
    clearTimeout(tracked.timer);
    tracked.timer = undefined;
    const items = validator.update(document.getText());
    for (const error of validator.errors)
      this.log.error(`Hub YAML check skipped a document of ${document.uri.toString(true)}`, error);
    tracked.version = document.version;
    tracked.diagnostics = publish(document, items, this.extensionUri);
    this.collection.set(
      document.uri,
      tracked.diagnostics.map((item) => item.shown),
    );
    this.changed.fire(document);
  }

  dispose(): void {
    for (const tracked of this.tracked.values()) clearTimeout(tracked.timer);
    this.tracked.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
