/** Whether a YAML document is checked, from the `foundryNetwork.yaml.*` settings. */
import * as vscode from 'vscode';
import type { YamlSettings } from '../../config';

/**
 * `off`: never (validation off, or an `exclude` glob matches); `force`: every document of the file, as an `include`
 * glob asks; `auto`: the documents the engine recognises as workspace documents.
 */
export type CheckMode = 'off' | 'auto' | 'force';

export function checkModeOf(document: vscode.TextDocument, settings: YamlSettings): CheckMode {
  if (document.languageId !== 'yaml' || settings.validate === 'off') return 'off';
  if (matchesAny(document, settings.exclude)) return 'off';
  return matchesAny(document, settings.include) ? 'force' : 'auto';
}

/**
 * VS Code's own glob matching (`languages.match`), so the settings behave like `files.exclude`: a pattern is tried
 * against the whole path and, for `infra/*.yaml`-style patterns, relative to each workspace folder.
 */
function matchesAny(document: vscode.TextDocument, globs: readonly string[]): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return globs.some(
    (glob) =>
      glob.trim() !== '' &&
      (vscode.languages.match({ pattern: glob }, document) > 0 ||
        folders.some(
          (folder) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0,
        )),
  );
}
