/** The hub YAML rules engine: pure (no vscode), shared by the VS Code adapters and the CLI. */
export * from './types';
export {
  HubYamlValidator,
  validateHubYaml,
  shiftDiagnostic,
  type ValidateOptions,
  type PlacedDocument,
} from './validator';
export { applyEdits, applyFix, compatibleSafeFixes, fixAll, type FixAllResult } from './fixAll';
export { LineIndex, type Position } from './lineIndex';
export { analyzeDocument, isWorkspaceDocument, type DocumentAnalysis } from './analyzeDocument';
export { completionContextAt, type CompletionContext } from './completionContext';
export { hoverAt, type HoverInfo } from './hover';
export { summarizeDocument, type DocumentSummary, type PublicAccessMode } from './summary';
export {
  HUB_YAML_KEYS,
  keyInfo,
  knownKeys,
  SECTION_LABEL,
  DEFAULT_ACTION_VALUES,
  ISOLATION_MODES,
  ISOLATION_MODES_PASCAL,
  OUTBOUND_RULE_TYPES,
  PUBLIC_NETWORK_ACCESS_VALUES,
  WORKSPACE_KINDS,
  type KeyInfo,
  type Section,
  type IsolationMode,
  type OutboundRuleType,
} from './keys';
export type { IpRuleEntry, IpRuleStatus, IpRulesFacts } from './checkIpRules';
export type { NetworkAccessFacts, PublicNetworkAccess, DefaultAction } from './checkNetworkAccess';
export type { ManagedNetworkFacts } from './checkManagedNetwork';
export { splitSegments, type Segment } from './segments';
