import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The strings of every module (pure ones too) go through @vscode/l10n, so the CLI and the extension share them.
 * Each bundle holds its own copy of @vscode/l10n, so each bundle's entry calls this once: it hands VS Code's
 * translation of l10n/bundle.l10n.json for the display language to that copy (English needs none).
 */
export function useDisplayLanguage(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
