/** Hovers: the facts of an IP rule (range, size, public or not, overlaps), or what a key does and the portal mode it sets. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { hoverAt, summarizeDocument, type HoverInfo, type PlacedDocument } from '../engine';
import { toRange } from './diagnostics';
import type { HubYamlDocuments } from './hubYamlDocuments';

/** Keys that decide the "Public network access" mode of the portal's Networking tab. */
const PUBLIC_ACCESS_KEYS = new Set(['public_network_access', 'network_acls', 'default_action', 'ip_rules']);

export class HubYamlHover implements vscode.HoverProvider {
  constructor(private readonly documents: HubYamlDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.documents.current(document);
    if (!checked) return undefined;
    const offset = document.offsetAt(position);
    const info = hoverAt(checked.validator, offset);
    if (!info) return undefined;
    const markdown = new vscode.MarkdownString(info.markdown);
    const mode = info.kind === 'key' ? portalMode(info, checked.validator.documentAt(offset)) : undefined;
    if (mode) markdown.appendMarkdown(`\n\n${mode}`);
    return new vscode.Hover(markdown, toRange(document, info.range));
  }
}

/** What the portal would show for this document, on the keys that decide it. */
function portalMode(info: Extract<HoverInfo, { kind: 'key' }>, placed: PlacedDocument | undefined): string | undefined {
  if (!placed) return undefined;
  const summary = summarizeDocument(placed.analysis, placed.offset);
  if (!summary) return undefined;
  const inPublicAccess =
    info.section === 'workspace'
      ? PUBLIC_ACCESS_KEYS.has(info.info.key)
      : info.section === 'network_acls' || info.section === 'ip_rule';
  if (inPublicAccess) {
    return summary.mode
      ? l10n.t('In the portal (Networking → Public access): **{0}**.', summary.mode)
      : l10n.t('In the portal: unclear until the problems of `network_acls` are fixed.');
  }
  if (
    info.section === 'managed_network' ||
    info.section === 'outbound_rule' ||
    (info.section === 'workspace' && info.info.key === 'managed_network')
  ) {
    return summary.isolationMode ? l10n.t('Managed network isolation: **{0}**.', summary.isolationMode) : undefined;
  }
  return undefined;
}
