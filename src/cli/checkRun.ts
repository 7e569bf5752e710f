/**
 * What `foundry-net check` does against live Azure: discover the hubs and Foundry resources of the subscriptions, read
 * each one (a few at a time), and assess it with the same model as the extension's tree and Verify.
 */
import type { ArmConnection } from '../azure/clients';
import { mapWithConcurrency } from '../azure/concurrency';
import { readDependentResource } from '../azure/dependentResources';
import { discoverHubs, type DiscoveredResource } from '../azure/discovery';
import { toAzureAccessError } from '../azure/errors';
import { readHubNetworkState } from '../azure/hubDetails';
import { sameResourceId } from '../model/armIds';
import { assessAccount, assessHub, type Assessment } from '../model/assessment';
import { UsageError } from './io';

export interface CheckTarget {
  readonly resource: DiscoveredResource;
  readonly subscriptionName: string;
}

export interface CheckedResource extends CheckTarget {
  readonly assessment: Assessment;
}

/** Something that could not be read: reported, and the run exits 3, but everything else is still checked. */
export interface AccessFailure {
  readonly what: string;
  readonly message: string;
}

export interface CheckRunResult {
  readonly checked: readonly CheckedResource[];
  readonly failures: readonly AccessFailure[];
}

export interface CheckRunOptions {
  readonly connection: ArmConnection;
  readonly subscriptions: readonly { readonly subscriptionId: string; readonly displayName: string }[];
  /** `--resource` names or ids; empty means every hub and Foundry resource. */
  readonly resourceFilters: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly concurrency?: number;
}

export async function runCheck(options: CheckRunOptions): Promise<CheckRunResult> {
  const failures: AccessFailure[] = [];
  const names = new Map(options.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const discovery = await discoverHubs(
    options.connection,
    options.subscriptions.map((s) => s.subscriptionId),
  );
  for (const failure of discovery.failures) {
    failures.push({
      what: `subscription ${names.get(failure.subscriptionId.toLowerCase()) ?? failure.subscriptionId}`,
      message: `${failure.error.userMessage} ${failure.error.action}`,
    });
  }
  const targets = selectTargets([...discovery.hubs, ...discovery.aiServices], options.resourceFilters).map(
    (resource) => ({
      resource,
      subscriptionName: names.get(resource.subscriptionId.toLowerCase()) ?? resource.subscriptionId,
    }),
  );
  let done = 0;
  options.onProgress?.(0, targets.length);
  const outcomes = await mapWithConcurrency(targets, options.concurrency ?? 4, async (target) => {
    const outcome = await assessTarget(options.connection, target);
    options.onProgress?.(++done, targets.length);
    return outcome;
  });
  const checked: CheckedResource[] = [];
  for (const outcome of outcomes) {
    if ('failure' in outcome) failures.push(outcome.failure);
    else checked.push(outcome);
  }
  return { checked, failures };
}

/** `--resource` takes a name (case-insensitive) or an id; each must match something, or the run stops with exit 2. */
function selectTargets(resources: readonly DiscoveredResource[], filters: readonly string[]): DiscoveredResource[] {
  if (filters.length === 0) return [...resources];
  const selected: DiscoveredResource[] = [];
  for (const filter of filters) {
    const byId = filter.startsWith('/');
    const matches = resources.filter((resource) =>
      byId ? sameResourceId(resource.id, filter) : resource.name.toLowerCase() === filter.toLowerCase(),
    );
    if (matches.length === 0) {
      throw new UsageError(
        `--resource ${filter}: no hub or Foundry resource ${byId ? 'with this id' : 'of this name'} in the checked subscriptions (${resources.length} found).`,
      );
    }
    for (const match of matches) if (!selected.includes(match)) selected.push(match);
  }
  return selected;
}

async function assessTarget(
  connection: ArmConnection,
  target: CheckTarget,
): Promise<CheckedResource | { failure: AccessFailure }> {
  const { resource } = target;
  try {
    if (resource.kind === 'hub') {
      return { ...target, assessment: assessHub(await readHubNetworkState(connection, resource.id)) };
    }
    const account = await readDependentResource(connection, { kind: 'aiServices', id: resource.id });
    if (account.readError !== undefined) return { failure: { what: resource.name, message: account.readError } };
    return { ...target, assessment: assessAccount(account) };
  } catch (error) {
    const failure = toAzureAccessError(error, { resourceId: resource.id, access: 'read' });
    return { failure: { what: resource.name, message: `${failure.userMessage} ${failure.action}` } };
  }
}
