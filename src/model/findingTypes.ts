/** The shape of a posture finding, shared by the rule files. */

export type FindingSeverity = 'error' | 'warning' | 'information';

export interface FindingFix {
  /** A command id from the command table. */
  readonly command: string;
  readonly args: readonly unknown[];
  /** The button text. */
  readonly title: string;
}

export interface Finding {
  /** Stable: users filter on it. */
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly title: string;
  /** Why it matters and what to do next. */
  readonly detail: string;
  readonly resourceId: string;
  readonly fix?: FindingFix;
}

/**
 * The commands fixes point at. They are registered in src/commands.ts; keep the ids in step.
 */
export const FIX_COMMANDS = {
  changePublicAccess: 'foundryNetwork.setPublicNetworkAccess',
  approveConnection: 'foundryNetwork.approveOrRejectConnection',
  deletePrivateEndpoint: 'foundryNetwork.removePrivateEndpoint',
  addPrivateEndpoint: 'foundryNetwork.addPrivateEndpoint',
  fixPrivateDns: 'foundryNetwork.configurePrivateDns',
  exportCustomDnsRecords: 'foundryNetwork.exportCustomDnsRecords',
  restrictPublicAccess: 'foundryNetwork.disableDependencyPublicAccess',
  addDependencyPrivateEndpoints: 'foundryNetwork.addDependencyPrivateEndpoints',
} as const;

/** Says why an IP rule is not accepted (invalid, IPv6, reserved), or undefined. Supplied by ipRules.ts's caller. */
export type IpRuleCheck = (value: string) => string | undefined;
