/**
 * The hubs tree's data, and the only cache of it: subscriptions from the sign-in, resources from one discovery, and
 * per resource its state as last read from ARM (reading, read, or failed) with its assessment. It reads the details
 * of every listed resource in the background (a few at a time), re-reads exactly the resources a write touched, and
 * says which resources changed. No vscode import: the presenter and the provider only map it.
 */
import { setMaxListeners } from 'node:events';
import * as l10n from '@vscode/l10n';
import type { AbortSignalLike } from '@azure/abort-controller';
import type { TokenCredential } from '@azure/core-auth';
import type { AzureAccess, SkippedTenant, SubscriptionAccess } from '../auth/azureAccess';
import { ArmConnection, type ArmConnectionOptions } from '../azure/clients';
import type { DiscoveredHub, DiscoveredResource } from '../azure/discovery';
import { discoverHubs } from '../azure/discovery';
import { readDependentResource } from '../azure/dependentResources';
import type { AzureAccessError } from '../azure/errors';
import { isAzureAccessError, toAzureAccessError } from '../azure/errors';
import { readHubNetworkState } from '../azure/hubDetails';
import type { ArmRequestLogger } from '../azure/requestLog';
import { relatedResourceIds, sameResourceId, tryParseResourceId } from '../model/armIds';
import { assessAccount, assessHub, type AccountAssessment, type HubAssessment } from '../model/assessment';
import { resourceIdsOf, type DependentResource, type HubNetworkState } from '../model/hubState';

export interface SubscriptionHubs {
  readonly subscription: SubscriptionAccess;
  readonly hubs: readonly DiscoveredHub[];
  readonly aiServices: readonly DiscoveredResource[];
  /** Projects whose hub is elsewhere (another subscription we do not show, or unreadable). */
  readonly orphanProjects: readonly DiscoveredResource[];
  readonly error?: AzureAccessError;
}

export type RootState =
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'failed'; readonly error: AzureAccessError }
  | {
      readonly kind: 'ready';
      readonly subscriptions: readonly SubscriptionHubs[];
      readonly skippedTenants: readonly SkippedTenant[];
    };

/** What the tree knows of one listed resource. */
export type ResourceDetails =
  | { readonly kind: 'hub'; readonly state: HubNetworkState; readonly assessment: HubAssessment }
  | { readonly kind: 'aiServices'; readonly state: DependentResource; readonly assessment: AccountAssessment };

export interface ResourceEntry {
  readonly id: string;
  readonly kind: 'hub' | 'aiServices';
  readonly discovered: DiscoveredHub | DiscoveredResource;
  /** A read is in flight (the first one, or a re-read after a write or a refresh). */
  readonly reading: boolean;
  /** The last successful read; kept while a re-read runs, so expanded children stay. */
  readonly details?: ResourceDetails;
  /** The last read failed (cleared by the next successful one). */
  readonly failure?: string;
}

export interface TreeModelOptions {
  readonly access: AzureAccess;
  readonly selectedSubscriptions: () => readonly string[];
  readonly requestLogger?: ArmRequestLogger;
  /** Retry and TLS settings for every connection (tests and the sandbox trust the emulator's CA this way). */
  readonly connectionOptions?: Pick<ArmConnectionOptions, 'retry' | 'tlsOptions'>;
  /** Resources read at once in the background (default 4). */
  readonly readConcurrency?: number;
}

/** Resource ids whose entry changed, or 'all' after the listing itself changed. */
export type ModelChange = readonly string[] | 'all';

interface MutableEntry {
  id: string;
  kind: 'hub' | 'aiServices';
  discovered: DiscoveredHub | DiscoveredResource;
  reading: boolean;
  details?: ResourceDetails;
  failure?: string;
  /** Lower-cased ids the details were built from. */
  dependencies: readonly string[];
  /** Bumped on each read, so a stale read that finishes late is dropped. */
  generation: number;
}

/** Hubs shown per subscription before "Load more…". */
export const HUBS_PAGE_SIZE = 50;

export class HubsTreeModel {
  private root: Promise<RootState> | undefined;
  /** Cancels the listing in flight when a refresh starts over. */
  private rootAbort: AbortController | undefined;
  private readonly entries = new Map<string, MutableEntry>();
  private readonly connections = new Map<TokenCredential, ArmConnection>();
  /** Hubs shown per subscription id; grows with "Load more…". */
  private readonly shownHubs = new Map<string, number>();
  private readonly listeners = new Set<(change: ModelChange) => void>();
  private readonly queue: MutableEntry[] = [];
  private running = 0;

  constructor(private readonly options: TreeModelOptions) {}

  get access(): AzureAccess {
    return this.options.access;
  }

  onDidChange(listener: (change: ModelChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  loadRoot(): Promise<RootState> {
    if (!this.root) {
      const abort = new AbortController();
      // Discovery sends its Resource Graph pages in parallel, each listening for the cancel: not a leak.
      setMaxListeners(0, abort.signal);
      this.rootAbort = abort;
      this.root = this.readRoot(abort.signal).then(
        (root) => {
          if (this.rootAbort === abort) this.adopt(root);
          return root;
        },
        (error: unknown) => ({ kind: 'failed' as const, error: toAzureAccessError(error) }),
      );
    }
    return this.root;
  }

  /** The entry of a listed resource (hub or AI Services account), by id in any case. */
  entry(resourceId: string): ResourceEntry | undefined {
    return this.entries.get(resourceId.toLowerCase());
  }

  /** Every listed resource's entry, in listing order. */
  resources(): ResourceEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Reads the resource now, unless it is read, or its last read failed (a refresh retries that). A resource still
   * waiting behind the background reads moves to the front: at thousands of hubs it would otherwise wait minutes.
   */
  ensureRead(resourceId: string): void {
    const entry = this.entries.get(resourceId.toLowerCase());
    if (!entry || entry.details || entry.failure !== undefined) return;
    if (!entry.reading) this.schedule(entry, true);
    else this.promote(entry);
  }

  /**
   * After one of our writes, or a refresh of one node: every listed resource whose state involves that resource is
   * read again from ARM (never Resource Graph, which lags), expanded or not. Returns their ids.
   */
  resourceChanged(resourceId: string): string[] {
    const touched = [...this.entries.values()].filter(
      (entry) =>
        relatedResourceIds(entry.id, resourceId) ||
        entry.dependencies.some((dependency) => relatedResourceIds(dependency, resourceId)),
    );
    for (const entry of touched) this.schedule(entry, true);
    if (touched.length > 0) this.fire(touched.map((entry) => entry.id));
    return touched.map((entry) => entry.id);
  }

  /** Starts over: a listing still in flight is cancelled (its promise settles as a cancelled failure). */
  invalidateAll(): void {
    this.rootAbort?.abort();
    this.rootAbort = undefined;
    this.root = undefined;
    this.entries.clear();
    this.queue.length = 0;
    this.shownHubs.clear();
    this.fire('all');
  }

  hubsShown(subscriptionId: string): number {
    return this.shownHubs.get(subscriptionId.toLowerCase()) ?? HUBS_PAGE_SIZE;
  }

  showMoreHubs(subscriptionId: string): void {
    this.shownHubs.set(subscriptionId.toLowerCase(), this.hubsShown(subscriptionId) + HUBS_PAGE_SIZE);
    void this.loadRoot().then((root) => {
      if (root.kind === 'ready') this.readShown(root);
    });
  }

  /** The connection (clients, pipeline, request log) for a subscription's credential. */
  connectionFor(credential: TokenCredential): ArmConnection {
    let connection = this.connections.get(credential);
    if (!connection) {
      connection = new ArmConnection({
        ...this.options.connectionOptions,
        credential,
        cloud: this.options.access.cloud,
        requestLogger: this.options.requestLogger,
      });
      this.connections.set(credential, connection);
    }
    return connection;
  }

  async findSubscriptionOf(resourceId: string): Promise<SubscriptionAccess | undefined> {
    const root = await this.loadRoot();
    if (root.kind !== 'ready') return undefined;
    const subscriptionId = tryParseResourceId(resourceId)?.subscriptionId.toLowerCase();
    return root.subscriptions.find((s) => s.subscription.subscriptionId.toLowerCase() === subscriptionId)?.subscription;
  }

  /** The connection whose credential reaches the resource's subscription. */
  async connectionOf(resourceId: string): Promise<ArmConnection> {
    const subscription = await this.findSubscriptionOf(resourceId);
    if (!subscription)
      throw new Error(
        l10n.t(
          'The subscription of {0} is not signed in or not selected. Select it with "Foundry: Select Subscriptions…".',
          resourceId,
        ),
      );
    return this.connectionFor(subscription.credential);
  }

  async findHub(hubId: string): Promise<DiscoveredHub | undefined> {
    const root = await this.loadRoot();
    if (root.kind !== 'ready') return undefined;
    return root.subscriptions.flatMap((s) => s.hubs).find((hub) => sameResourceId(hub.id, hubId));
  }

  /** A listing arrived: an entry per resource, and the shown ones read in the background. */
  private adopt(root: RootState): void {
    if (root.kind !== 'ready') return;
    for (const section of root.subscriptions) {
      for (const hub of section.hubs) this.addEntry(hub, 'hub');
      for (const account of section.aiServices) this.addEntry(account, 'aiServices');
    }
    this.readShown(root);
  }

  private addEntry(discovered: DiscoveredHub | DiscoveredResource, kind: 'hub' | 'aiServices'): void {
    const key = discovered.id.toLowerCase();
    if (!this.entries.has(key)) {
      this.entries.set(key, { id: discovered.id, kind, discovered, reading: false, dependencies: [], generation: 0 });
    }
  }

  /** The first line of a resource needs its details: read what is shown, in list order. */
  private readShown(root: Extract<RootState, { kind: 'ready' }>): void {
    for (const section of root.subscriptions) {
      const shown = section.hubs.slice(0, this.hubsShown(section.subscription.subscriptionId));
      for (const resource of [...shown, ...section.aiServices]) {
        const entry = this.entries.get(resource.id.toLowerCase());
        if (entry && !entry.reading && !entry.details && entry.failure === undefined) this.schedule(entry, false);
      }
    }
  }

  /** Queues a read; `first` puts it ahead of the background reads (a write, a refresh, an expansion). */
  private schedule(entry: MutableEntry, first: boolean): void {
    // Only an entry already reading can be queued: listing thousands of resources never searches the queue.
    const queued = entry.reading ? this.queue.indexOf(entry) : -1;
    entry.generation += 1;
    entry.reading = true;
    if (queued >= 0) this.queue.splice(queued, 1);
    if (first) this.queue.unshift(entry);
    else this.queue.push(entry);
    this.pump();
  }

  /** A queued read goes first; a read in flight stays as it is. */
  private promote(entry: MutableEntry): void {
    const queued = this.queue.indexOf(entry);
    if (queued <= 0) return;
    this.queue.splice(queued, 1);
    this.queue.unshift(entry);
  }

  private pump(): void {
    const limit = this.options.readConcurrency ?? 4;
    while (this.running < limit && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      this.running += 1;
      void this.read(entry).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async read(entry: MutableEntry): Promise<void> {
    const generation = entry.generation;
    let outcome: { details: ResourceDetails; dependencies: string[] } | { failure: string };
    try {
      const connection = await this.connectionOf(entry.id);
      outcome =
        entry.kind === 'hub'
          ? await readHub(connection, entry.id, projectIdsOf(entry.discovered))
          : await readAccount(connection, entry.id);
    } catch (error) {
      outcome = { failure: messageOf(error) };
    }
    // A newer read was scheduled meanwhile (another write), or the listing started over: this result is stale.
    if (entry.generation !== generation || this.entries.get(entry.id.toLowerCase()) !== entry) return;
    entry.reading = false;
    if ('failure' in outcome) {
      entry.failure = outcome.failure;
    } else {
      entry.failure = undefined;
      entry.details = outcome.details;
      entry.dependencies = outcome.dependencies;
    }
    this.fire([entry.id]);
  }

  private fire(change: ModelChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private async readRoot(abortSignal?: AbortSignal): Promise<RootState> {
    const access = this.options.access;
    if (!(await access.isSignedIn())) return { kind: 'signedOut' };
    const listing = await access.listSubscriptions();
    const selected = new Set(this.options.selectedSubscriptions().map((id) => id.toLowerCase()));
    const subscriptions = listing.subscriptions.filter(
      (s) => selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()),
    );
    // One discovery per credential (tenant): Resource Graph answers for all of its subscriptions at once.
    const byCredential = new Map<TokenCredential, SubscriptionAccess[]>();
    for (const subscription of subscriptions) {
      byCredential.set(subscription.credential, [...(byCredential.get(subscription.credential) ?? []), subscription]);
    }
    const sections = await Promise.all(
      [...byCredential.entries()].map(([credential, group]) => this.discover(credential, group, abortSignal)),
    );
    return {
      kind: 'ready',
      subscriptions: sections.flat().sort((a, b) => a.subscription.name.localeCompare(b.subscription.name)),
      skippedTenants: listing.skippedTenants,
    };
  }

  private async discover(
    credential: TokenCredential,
    group: SubscriptionAccess[],
    abortSignal?: AbortSignal,
  ): Promise<SubscriptionHubs[]> {
    const connection = this.connectionFor(credential);
    try {
      const result = await discoverHubs(
        connection,
        group.map((s) => s.subscriptionId),
        { abortSignal },
      );
      // One pass per list, not one per subscription: at 200 subscriptions that is 200 times fewer comparisons.
      const hubs = bySubscription(result.hubs);
      const aiServices = bySubscription(result.aiServices);
      const orphanProjects = bySubscription(result.unmatchedProjects);
      const failures = bySubscription(result.failures);
      return group.map((subscription) => {
        const key = subscription.subscriptionId.toLowerCase();
        return {
          subscription,
          hubs: hubs.get(key) ?? [],
          aiServices: aiServices.get(key) ?? [],
          orphanProjects: orphanProjects.get(key) ?? [],
          error: failures.get(key)?.[0]?.error,
        };
      });
    } catch (error) {
      // A tenant that fails never blanks the others: its subscriptions show the error.
      const failure = toAzureAccessError(error);
      if (failure.kind === 'cancelled') throw failure;
      return group.map((subscription) => ({
        subscription,
        hubs: [],
        aiServices: [],
        orphanProjects: [],
        error: failure,
      }));
    }
  }
}

function bySubscription<T extends { subscriptionId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.subscriptionId.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The projects discovery grouped under a hub: read by id rather than by listing the subscription again. */
function projectIdsOf(discovered: DiscoveredHub | DiscoveredResource): readonly string[] | undefined {
  return 'projects' in discovered ? discovered.projects.map((project) => project.id) : undefined;
}

async function readHub(
  connection: ArmConnection,
  hubId: string,
  projectIds: readonly string[] | undefined,
  abortSignal?: AbortSignalLike,
): Promise<{ details: ResourceDetails; dependencies: string[] }> {
  const state = await readHubNetworkState(connection, hubId, { abortSignal, projectIds });
  return {
    details: { kind: 'hub', state, assessment: assessHub(state) },
    dependencies: resourceIdsOf(state).map((id) => id.toLowerCase()),
  };
}

async function readAccount(
  connection: ArmConnection,
  accountId: string,
): Promise<{ details: ResourceDetails; dependencies: string[] }> {
  const state = await readDependentResource(connection, { kind: 'aiServices', id: accountId });
  // An account that cannot be read is a failed read, not an account whose fields are all unknown.
  if (state.readError !== undefined) throw new Error(state.readError);
  return {
    details: { kind: 'aiServices', state, assessment: assessAccount(state) },
    dependencies: [accountId, ...state.privateEndpoints.map((endpoint) => endpoint.id)].map((id) => id.toLowerCase()),
  };
}

/** An Azure error's message and what to do next; any other error's message. */
export function messageOf(error: unknown): string {
  if (isAzureAccessError(error)) return `${error.userMessage} ${error.action}`;
  return error instanceof Error ? error.message : String(error);
}
