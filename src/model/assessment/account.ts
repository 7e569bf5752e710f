/**
 * The assessment of an AI Services (Foundry) account from what the tree reads of it today: public access, network
 * rules and private endpoint connections. Its DNS is not judged here, so an account that is closed to the internet is
 * never called Private on that basis alone.
 */
import type { DependentResource } from '../hubState';
import {
  accessFindings,
  accessModeOf,
  count,
  describeAccessMode,
  type AccessMode,
  type AccessSettings,
} from './access';
import { connectionFindings, isWorking, type ConnectionFacts } from './connections';
import { sortFindings, type Finding, type Verdict } from './types';

export interface AccountAssessment {
  readonly kind: 'account';
  readonly resourceId: string;
  readonly resourceName: string;
  readonly verdict: Verdict;
  readonly access: AccessMode;
  readonly findings: readonly Finding[];
}

export function assessAccount(account: DependentResource): AccountAssessment {
  const base = { kind: 'account' as const, resourceId: account.id, resourceName: account.name };
  if (account.readError !== undefined) {
    return {
      ...base,
      verdict: { kind: 'unknown', label: 'Unknown', reason: `The account could not be read: ${account.readError}` },
      access: { kind: 'unknown', reason: account.readError },
      findings: [],
    };
  }
  const settings: AccessSettings = {
    resourceId: account.id,
    resourceName: account.name,
    publicNetworkAccess: account.publicNetworkAccess,
    defaultAction: account.networkDefaultAction,
    ipRules: account.ipRules ?? [],
    virtualNetworkRules: account.virtualNetworkSubnetIds ?? [],
  };
  const access = accessModeOf(settings);
  const connections: ConnectionFacts[] = account.privateEndpoints.map((endpoint) => ({
    connectionId: endpoint.id,
    privateEndpointId: endpoint.id,
    status: endpoint.status,
  }));
  const working = connections.filter(isWorking).length;
  const findings = [...accessFindings(settings, access), ...connectionFindings(account.name, connections, false)];
  return { ...base, verdict: accountVerdict(access, working), access, findings: sortFindings(findings) };
}

function accountVerdict(access: AccessMode, working: number): Verdict {
  const endpoints = working > 0 ? ` · ${count(working, 'private endpoint')}` : '';
  switch (access.kind) {
    case 'unknown':
      return { kind: 'unknown', label: 'Unknown', reason: access.reason };
    case 'allNetworks':
      return { kind: 'public', label: 'Public', reason: `Public access from all networks${endpoints}.` };
    case 'selectedNetworks':
      if (access.ipRules.length === 0 && access.virtualNetworkRules.length === 0 && working === 0) {
        return {
          kind: 'broken',
          label: 'Broken',
          reason:
            'Public access is limited to selected networks, but no rule lets anyone in and no private endpoint is approved.',
        };
      }
      return {
        kind: 'restricted',
        label: 'Restricted (selected networks)',
        reason: `Public access only from ${describeAccessMode(access)}${endpoints}.`,
      };
    case 'disabled':
      return working === 0
        ? {
            kind: 'broken',
            label: 'Broken',
            reason: 'Public access is disabled and no private endpoint is approved: nobody can reach this account.',
          }
        : {
            kind: 'unknown',
            label: 'Unknown',
            reason: `Public access is disabled with ${count(working, 'approved private endpoint')}; the private DNS of AI Services accounts is not checked yet.`,
          };
  }
}
