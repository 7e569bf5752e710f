/**
 * A tree node as plain data: what the provider turns into a vscode.TreeItem. Pure, so the presentation of every hub
 * state is unit-tested without VS Code.
 */

/** Posture colours: the provider maps them to theme colours. */
export type Tone = 'secure' | 'exposed' | 'warning' | 'neutral' | 'error';

export interface NodeIcon {
  /** A codicon id, e.g. "lock". */
  readonly codicon: string;
  readonly tone: Tone;
}

/** contextValue words that menus in package.json match on. */
export type NodeContext =
  | 'subscription'
  | 'hub'
  | 'project'
  | 'aiServices'
  | 'publicAccess'
  | 'ipRule'
  | 'privateEndpoints'
  | 'privateEndpointConnection'
  | 'dnsRecord'
  | 'dns'
  | 'dnsZone'
  | 'outbound'
  | 'outboundRule'
  | 'dependentResources'
  | 'dependentResource'
  | 'findings'
  | 'finding'
  | 'dependentEndpoint'
  | 'loadMore'
  | 'error'
  | 'info';

export interface NodeView {
  /** Stable across refreshes, so VS Code keeps expansion state. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown. */
  readonly tooltip?: string;
  readonly icon?: NodeIcon;
  readonly context: NodeContext;
  /** Extra contextValue words, e.g. "pending" so Approve shows only where it applies. */
  readonly contextFlags?: readonly string[];
  /** The ARM resource behind the node: Copy Resource ID, Open in Portal, View Properties. */
  readonly resourceId?: string;
  /** The hub the node belongs to, for wizards started from it. */
  readonly hubId?: string;
  /** Children known now; undefined with `expandable` means they load on expansion. */
  readonly children?: readonly NodeView[];
  readonly expandable?: boolean;
  readonly expanded?: boolean;
  /** A command run on click (e.g. "Load more…", "Retry", reveal a finding's resource). */
  readonly command?: { readonly id: string; readonly title: string; readonly args?: readonly unknown[] };
  /** A finding's fix: the inline button and the context menu run it (never a plain click). */
  readonly fix?: { readonly command: string; readonly title: string; readonly args: readonly unknown[] };
  /** Findings counted on a resource's line, for its badge. */
  readonly badge?: {
    readonly severity: 'error' | 'warning' | 'information';
    readonly count: number;
    readonly tooltip: string;
  };
}

export function contextValueOf(node: NodeView): string {
  return [node.context, ...(node.contextFlags ?? [])].join(' ');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
