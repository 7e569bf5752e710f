/** One YAML document: is it a workspace document, and if so, every check on it in one walk of the parsed tree. */
import { checkDuplicateKeys } from './checkKeys';
import { CheckContext } from './checkContext';
import { checkManagedNetwork, type ManagedNetworkFacts } from './checkManagedNetwork';
import { checkNetworkAccess, type NetworkAccessFacts } from './checkNetworkAccess';
import { WORKSPACE_KINDS } from './keys';
import { diagnostic, type Diagnostic, type OffsetRange } from './types';
import { keyName, lastPair, stringValue } from './yamlNodes';
import { type ParsedDocument, type YamlNode, isMap } from './yamlTree';

/** What one document is and what the checks found, in offsets of the text it was parsed from. */
export interface DocumentAnalysis {
  readonly range: OffsetRange;
  /** Where the document's summary (CodeLens) goes: its first `network_acls` key, or another key of SUMMARY_ANCHOR_KEYS. */
  readonly summaryAnchor: number;
  /** True when the document is a workspace document (or checking was forced). */
  readonly checked: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly network?: NetworkAccessFacts;
  readonly managedNetwork?: ManagedNetworkFacts;
  /** The index of the document in the text it was parsed from (hovers parse it again, on demand). */
  readonly index: number;
}

const NETWORK_KEYS = ['network_acls', 'public_network_access', 'managed_network'];
/** The top-level keys a summary is shown on, best first: the summary is mostly about network_acls. */
const SUMMARY_ANCHOR_KEYS = [...NETWORK_KEYS, 'kind', '$schema'];

/** True when the top-level mapping marks a workspace document (see the spec's "Which documents are checked"). */
export function isWorkspaceDocument(root: YamlNode | null | undefined): boolean {
  if (!isMap(root)) return false;
  const schema = stringValue(lastPair(root, '$schema')?.value);
  if (schema?.includes('workspace.schema.json')) return true;
  const kind = stringValue(lastPair(root, 'kind')?.value)?.toLowerCase();
  if (kind !== undefined && (WORKSPACE_KINDS as readonly string[]).includes(kind)) return true;
  return NETWORK_KEYS.some((key) => lastPair(root, key) !== undefined);
}

/**
 * Analyses one parsed document. The result keeps no reference to the parsed tree: retaining trees made the garbage
 * collector a quarter of the time on large files.
 */
export function analyzeDocument(
  document: ParsedDocument,
  index: number,
  text: string,
  force: boolean,
): DocumentAnalysis {
  const range = { start: document.range[0], end: document.range[2] };
  const root = document.root;
  const summaryAnchor = summaryAnchorOf(root, range.start);
  if (!force && !isWorkspaceDocument(root)) return { range, summaryAnchor, checked: false, diagnostics: [], index };
  const context = new CheckContext(text);
  for (const error of document.errors) {
    // The parser can point one past the end (a missing closing quote at end of input).
    const start = Math.min(error.start, text.length);
    const end = Math.min(Math.max(start, error.end), text.length);
    context.diagnostics.push(diagnostic('yaml-syntax', { start, end }, syntaxMessage(error.message)));
  }
  checkDuplicateKeys(root, context);
  let network: NetworkAccessFacts | undefined;
  let managedNetwork: ManagedNetworkFacts | undefined;
  if (isMap(root)) {
    network = checkNetworkAccess(root, context);
    managedNetwork = checkManagedNetwork(root, context);
  }
  const diagnostics = withoutRepeats(context.diagnostics);
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { range, summaryAnchor, checked: true, diagnostics, network, managedNetwork, index };
}

/** A node reached through two aliases is checked twice: report each finding once. */
function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const seen = new Set<string>();
  return diagnostics.filter((item) => {
    const key = `${item.code} ${item.range.start} ${item.range.end} ${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function summaryAnchorOf(root: YamlNode, documentStart: number): number {
  if (!isMap(root)) return documentStart;
  for (const key of SUMMARY_ANCHOR_KEYS) {
    const pair = root.items.find((item) => keyName(item) === key);
    const start = pair?.key?.range[0];
    if (start !== undefined) return start;
  }
  return documentStart;
}

function syntaxMessage(message: string): string {
  const firstLine = message
    .split('\n', 1)[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
  return `YAML syntax error: ${firstLine}. Fix the syntax; the other checks may be incomplete until then.`;
}
