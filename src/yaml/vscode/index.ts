/**
 * Entry of the lazily loaded YAML bundle (dist/yaml.js): the hub YAML language features. src/extension.ts loads it
 * on the first YAML document, so activation never pulls in the `yaml` parser or the rules engine.
 */
import * as vscode from 'vscode';
import { useDisplayLanguage } from '../../displayLanguage';
import { HubYamlCodeActions } from './codeActions';
import { HubYamlCodeLens } from './codeLens';
import { COMPLETION_TRIGGERS, HubYamlCompletion } from './completion';
import { HubYamlDocuments } from './hubYamlDocuments';
import { HubYamlHover } from './hover';

/** Files and untitled buffers alike, and any virtual file system: the features only read the document's text. */
const YAML: vscode.DocumentSelector = { language: 'yaml' };

export function activateYamlFeatures(
  extension: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const started = performance.now();
  useDisplayLanguage();
  const documents = new HubYamlDocuments(extension.extensionUri, log);
  const codeLens = new HubYamlCodeLens(documents);
  const disposables: vscode.Disposable[] = [
    documents,
    codeLens,
    vscode.languages.registerCodeActionsProvider(YAML, new HubYamlCodeActions(documents), HubYamlCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(YAML, new HubYamlCompletion(documents), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(YAML, new HubYamlHover(documents)),
    vscode.languages.registerCodeLensProvider(YAML, codeLens),
  ];
  log.info(`Hub YAML features ready in ${(performance.now() - started).toFixed(1)} ms`);
  return vscode.Disposable.from(...disposables);
}
