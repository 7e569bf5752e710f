/** Quick fixes from the engine, and "fix all" with the safe ones (the same set `foundry-net lint --fix` applies). */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { compatibleSafeFixes, fixAll, type Fix } from '../engine';
import { toTextEdit, type PublishedDiagnostic } from './diagnostics';
import type { CheckedDocument, HubYamlDocuments } from './hubYamlDocuments';
import { minimalReplacement } from './textHelpers';

/** `source.fixAll.foundryNetwork`: what `editor.codeActionsOnSave` can name to fix hub YAML on save. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('foundryNetwork');

export class HubYamlCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly documents: HubYamlDocuments) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const checked = this.documents.current(document);
    if (!checked) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (!only || only.intersects(vscode.CodeActionKind.QuickFix)) actions.push(...quickFixes(checked, range));
    // Only on request (save, the Source Action menu): the lightbulb asks on every cursor move, and fixing all re-parses.
    if (only?.intersects(FIX_ALL_KIND)) {
      const all = fixAllAction(checked, FIX_ALL_KIND);
      if (all) actions.push(all);
    }
    return actions;
  }
}

/** The fixes of the diagnostics under the range; the first safe fix of each is the preferred one (auto-fix applies it). */
function quickFixes(checked: CheckedDocument, range: vscode.Range): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const underRange = checked.diagnostics.filter((item) => item.engine.fixes && item.shown.range.intersection(range));
  for (const item of underRange) {
    const preferred = item.engine.fixes?.find((fix) => fix.safe);
    for (const fix of item.engine.fixes ?? []) actions.push(fixAction(checked.document, item, fix, fix === preferred));
  }
  // Like ESLint's "fix all auto-fixable problems": worth a line in the lightbulb only when it does more than one fix.
  if (underRange.length > 0 && compatibleSafeFixes(checked.diagnostics.map((item) => item.engine)).length > 1) {
    const all = fixAllAction(checked, vscode.CodeActionKind.QuickFix);
    if (all) actions.push(all);
  }
  return actions;
}

function fixAction(
  document: vscode.TextDocument,
  item: PublishedDiagnostic,
  fix: Fix,
  preferred: boolean,
): vscode.CodeAction {
  const kind =
    fix.kind === 'quickfix.remove' ? vscode.CodeActionKind.QuickFix.append('remove') : vscode.CodeActionKind.QuickFix;
  const action = new vscode.CodeAction(fix.title, kind);
  action.diagnostics = [item.shown];
  action.isPreferred = preferred;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(
    document.uri,
    fix.edits.map((edit) => toTextEdit(document, edit)),
  );
  return action;
}

/** Every safe fix of the file at once, re-validating between rounds as the engine does; undefined when none applies. */
function fixAllAction(checked: CheckedDocument, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const before = checked.document.getText();
  const result = fixAll(before, { force: checked.mode === 'force' });
  const edit = minimalReplacement(before, result.text);
  if (!edit || result.applied === 0) return undefined;
  const action = new vscode.CodeAction(
    l10n.t('Fix all safe hub YAML problems in this file ({0})', result.applied),
    kind,
  );
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(checked.document.uri, toTextEdit(checked.document, edit).range, edit.newText);
  action.diagnostics = checked.diagnostics
    .filter((item) => item.engine.fixes?.some((fix) => fix.safe))
    .map((item) => item.shown);
  return action;
}
