/**
 * The only file of src/yaml/vscode in the activation bundle (dist/extension.js): it waits for the first YAML document
 * and only then loads the YAML bundle. It must import neither the engine nor `yaml`.
 */
import * as vscode from 'vscode';

/**
 * Calls `start` once, when a YAML document is open (already, or later), and disposes what it returns with the
 * extension. A failure to load is logged and does not break activation.
 */
export function startOnFirstYamlDocument(
  start: () => vscode.Disposable,
  log: () => vscode.LogOutputChannel,
): vscode.Disposable {
  let started: vscode.Disposable | undefined;
  let watcher: vscode.Disposable | undefined;
  const startOnce = (document: vscode.TextDocument): void => {
    if (started || document.languageId !== 'yaml') return;
    watcher?.dispose();
    try {
      started = start();
    } catch (error) {
      started = new vscode.Disposable(() => undefined);
      log().error('The hub YAML features could not start', error);
    }
  };
  const open = vscode.workspace.textDocuments.find((document) => document.languageId === 'yaml');
  if (open) startOnce(open);
  else watcher = vscode.workspace.onDidOpenTextDocument(startOnce);
  return new vscode.Disposable(() => {
    watcher?.dispose();
    started?.dispose();
  });
}
