/** Typed builders for the tree model's entries, so node tests say what they show rather than how the model stores it. */
import type { DiscoveredHub, DiscoveredResource } from '../../src/azure/discovery';
import { assessAccount, assessHub } from '../../src/model/assessment';
import type { DependentResource, HubNetworkState } from '../../src/model/hubState';
import type { ResourceEntry } from '../../src/tree/model';
import { HUB_ID, SUBSCRIPTION } from './hubState';

export function discoveredHub(overrides: Partial<DiscoveredHub> = {}): DiscoveredHub {
  return {
    id: HUB_ID,
    name: 'hub-sales',
    kind: 'hub',
    location: 'eastus',
    resourceGroup: 'rg-ai',
    subscriptionId: SUBSCRIPTION,
    publicNetworkAccess: 'Disabled',
    networkDefaultAction: undefined,
    hubResourceId: undefined,
    workspaceId: undefined,
    projects: [],
    ...overrides,
  };
}

export function discoveredAccount(overrides: Partial<DiscoveredResource> = {}): DiscoveredResource {
  return {
    ...discoveredHub(),
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais`,
    name: 'ais',
    kind: 'aiServices',
    publicNetworkAccess: 'Enabled',
    networkDefaultAction: 'Deny',
    ...overrides,
  };
}

/** A hub entry after its details were read (and, with `reading`, while a re-read runs). */
export function readHubEntry(
  state: HubNetworkState,
  options: { reading?: boolean; failure?: string } = {},
): ResourceEntry {
  return {
    id: state.workspace.id,
    kind: 'hub',
    discovered: discoveredHub({ id: state.workspace.id, name: state.workspace.name }),
    reading: options.reading ?? false,
    details: { kind: 'hub', state, assessment: assessHub(state) },
    ...(options.failure !== undefined ? { failure: options.failure } : {}),
  };
}

export function readAccountEntry(account: DependentResource, discovered = discoveredAccount()): ResourceEntry {
  return {
    id: account.id,
    kind: 'aiServices',
    discovered,
    reading: false,
    details: { kind: 'aiServices', state: account, assessment: assessAccount(account) },
  };
}

export function unreadEntry(
  discovered: DiscoveredHub | DiscoveredResource,
  options: { failure?: string } = {},
): ResourceEntry {
  return {
    id: discovered.id,
    kind: discovered.kind === 'aiServices' ? 'aiServices' : 'hub',
    discovered,
    reading: options.failure === undefined,
    ...(options.failure !== undefined ? { failure: options.failure } : {}),
  };
}
