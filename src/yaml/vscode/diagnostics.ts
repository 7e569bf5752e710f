/** Engine diagnostics and edits as VS Code objects: offsets become positions of the document they were computed on. */
import * as vscode from 'vscode';
import {
  docsAnchor,
  type Diagnostic,
  type DiagnosticCode,
  type OffsetRange,
  type Severity,
  type TextEdit,
} from '../engine';

export const DIAGNOSTIC_SOURCE = 'foundry-network';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** An engine diagnostic and what VS Code shows for it (code actions need the engine's fixes back). */
export interface PublishedDiagnostic {
  readonly engine: Diagnostic;
  readonly shown: vscode.Diagnostic;
}

export function toRange(document: vscode.TextDocument, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

export function toTextEdit(document: vscode.TextDocument, edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(document, edit), edit.newText);
}

/**
 * Where a code's explanation lives: docs/yaml-rules.md as shipped inside the extension (one heading per code). A
 * file in the extension works offline, in code-server and in virtual workspaces, and always matches the installed
 * version, where a web page could describe another one.
 */
export function docsTarget(extensionUri: vscode.Uri, code: DiagnosticCode): vscode.Uri {
  const [path, anchor] = docsAnchor(code).split('#');
  return vscode.Uri.joinPath(extensionUri, path).with({ fragment: anchor ?? '' });
}

export function toVsDiagnostic(
  document: vscode.TextDocument,
  item: Diagnostic,
  extensionUri: vscode.Uri,
): vscode.Diagnostic {
  const shown = new vscode.Diagnostic(toRange(document, item.range), item.message, SEVERITY[item.severity]);
  shown.source = DIAGNOSTIC_SOURCE;
  shown.code = { value: item.code, target: docsTarget(extensionUri, item.code) };
  return shown;
}

export function publish(
  document: vscode.TextDocument,
  items: readonly Diagnostic[],
  extensionUri: vscode.Uri,
): PublishedDiagnostic[] {
  return items.map((engine) => ({ engine, shown: toVsDiagnostic(document, engine, extensionUri) }));
}
