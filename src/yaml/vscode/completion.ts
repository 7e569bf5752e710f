/**
 * Completion in hub YAML: the keys of the section under the cursor (from the engine's key table), the accepted values
 * of enum keys, and skeletons of list items (an IP rule, an outbound rule of each type).
 */
import * as vscode from 'vscode';
import {
  completionContextAt,
  HUB_YAML_KEYS,
  OUTBOUND_RULE_TYPES,
  type CompletionContext,
  type KeyInfo,
  type OutboundRuleType,
} from '../engine';
import { toRange } from './diagnostics';
import type { HubYamlDocuments } from './hubYamlDocuments';

/** A space after `key:` is where a value starts: the enum values pop up without Ctrl+Space. */
export const COMPLETION_TRIGGERS = [' '];

const NETWORK_SECTIONS = ['network_acls', 'public_network_access', 'managed_network'];

/** Keys whose value is a block: completing them writes the block's skeleton. */
const BLOCK_SNIPPETS: Readonly<Record<string, string>> = {
  network_acls: 'network_acls:\n\tdefault_action: ${1|Deny,Allow|}\n\tip_rules:\n\t\t- value: "$2"',
  ip_rules: 'ip_rules:\n\t- value: "$1"',
  managed_network:
    'managed_network:\n\tisolation_mode: ${1|allow_only_approved_outbound,allow_internet_outbound,disabled|}',
  outbound_rules:
    'outbound_rules:\n\t- name: $1\n\t  type: ${2|fqdn,service_tag,private_endpoint|}\n\t  destination: $0',
};

const OUTBOUND_RULE_SNIPPETS: Readonly<Record<OutboundRuleType, string>> = {
  fqdn: '- name: ${1:pypi}\n  type: fqdn\n  destination: ${2:pypi.org}',
  service_tag:
    '- name: ${1:storage}\n  type: service_tag\n  destination:\n\t\tservice_tag: ${2:Storage}\n\t\tprotocol: ${3|TCP,UDP,ICMP,*|}\n\t\tport_ranges: "${4:443}"',
  private_endpoint:
    '- name: ${1:keyvault}\n  type: private_endpoint\n  destination:\n\t\tservice_resource_id: ${2:/subscriptions/…}\n\t\tsubresource_target: ${3:vault}\n\t\tspark_enabled: ${4|false,true|}',
};

export class HubYamlCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly documents: HubYamlDocuments) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    const checked = this.documents.current(document);
    if (!checked) return undefined;
    const offset = document.offsetAt(position);
    const context = completionContextAt(document.getText(), offset);
    const isHubDocument = checked.mode === 'force' || checked.validator.documentAt(offset)?.analysis.checked === true;
    // Typing the first network key of a document makes it a hub document only once it is written.
    if (!isHubDocument && !NETWORK_SECTIONS.includes(context.path[0] ?? '')) return undefined;
    const range = toRange(document, context.replaceRange);
    if (context.slot === 'value') return valueItems(context, range);
    return [...keyItems(context, range), ...listItemSkeletons(context, range)];
  }
}

function valueItems(context: CompletionContext, range: vscode.Range): vscode.CompletionItem[] {
  return (context.keyInfo?.values ?? []).map((value, index) => {
    const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
    item.range = range;
    item.detail = `${context.key} value`;
    item.sortText = String(index).padStart(3, '0');
    return item;
  });
}

function keyItems(context: CompletionContext, range: vscode.Range): vscode.CompletionItem[] {
  if (!context.section) return [];
  const present = new Set(context.presentKeys);
  return HUB_YAML_KEYS[context.section]
    .filter((info) => !present.has(info.key))
    .map((info) => {
      const item = new vscode.CompletionItem(info.key, vscode.CompletionItemKind.Property);
      item.range = range;
      item.detail = info.required ? 'required' : undefined;
      item.documentation = new vscode.MarkdownString(info.doc);
      item.insertText = new vscode.SnippetString(keySnippet(info));
      // Required keys first, then the table's order (which puts the common keys first).
      item.sortText = `${info.required ? 0 : 1}${info.key}`;
      return item;
    });
}

function keySnippet(info: KeyInfo): string {
  const block = BLOCK_SNIPPETS[info.key];
  if (block) return block;
  if (info.values && info.values.length > 0) return `${info.key}: \${1|${info.values.map(escapeChoice).join(',')}|}`;
  return `${info.key}: $0`;
}

/** In a snippet choice, `,`, `|` and `\` must be escaped. */
function escapeChoice(value: string): string {
  return value.replace(/[,|\\]/g, '\\$&');
}

/** Under `ip_rules:` or `outbound_rules:` (no `- ` typed yet): a whole list item. `\t` follows the editor's indent. */
function listItemSkeletons(context: CompletionContext, range: vscode.Range): vscode.CompletionItem[] {
  if (context.section !== undefined || context.path.length !== 2) return [];
  const [section, list] = context.path;
  if (section === 'network_acls' && list === 'ip_rules') {
    const item = new vscode.CompletionItem('- value: "…"', vscode.CompletionItemKind.Snippet);
    item.range = range;
    item.insertText = new vscode.SnippetString('- value: "$1"');
    item.documentation = new vscode.MarkdownString(HUB_YAML_KEYS.ip_rule[0]?.doc ?? '');
    item.detail = 'IP rule';
    return [item];
  }
  if (section === 'managed_network' && list === 'outbound_rules') {
    return OUTBOUND_RULE_TYPES.map((type) => {
      const item = new vscode.CompletionItem(`- ${type} outbound rule`, vscode.CompletionItemKind.Snippet);
      item.range = range;
      item.insertText = new vscode.SnippetString(OUTBOUND_RULE_SNIPPETS[type]);
      item.detail = 'outbound rule';
      return item;
    });
  }
  return [];
}
