/**
 * The hubs tree's data: subscriptions from the sign-in, hubs from one discovery, each hub's network state read on
 * expansion and cached until a refresh or one of our own writes invalidates it. The provider only presents it.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { TokenCredential } from '@azure/core-auth';
import type { AzureAccess, SkippedTenant, SubscriptionAccess } from '../auth/azureAccess';
import { ArmConnection, type ArmConnectionOptions } from '../azure/clients';
import type { DiscoveredHub, DiscoveredResource } from '../azure/discovery';
import { discoverHubs } from '../azure/discovery';
import type { AzureAccessError } from '../azure/errors';
import { toAzureAccessError } from '../azure/errors';
import { readDependentResource } from '../azure/dependentResources';
import { readHubNetworkState } from '../azure/hubDetails';
import { HubStateCache } from '../azure/hubStateCache';
import type { ArmRequestLogger } from '../azure/requestLog';
import { sameResourceId, tryParseResourceId } from '../model/armIds';
import type { DependentResource, HubNetworkState } from '../model/hubState';

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

export interface TreeModelOptions {
  readonly access: AzureAccess;
  readonly selectedSubscriptions: () => readonly string[];
  readonly requestLogger?: ArmRequestLogger;
  /** Retry and TLS settings for every connection (tests trust the emulator's CA in-process this way). */
  readonly connectionOptions?: Pick<ArmConnectionOptions, 'retry' | 'tlsOptions'>;
}

export class HubsTreeModel {
  private root: Promise<RootState> | undefined;
  /** Cancels the listing in flight when a refresh starts over. */
  private rootAbort: AbortController | undefined;
  private readonly details = new HubStateCache((hubId, abortSignal) => this.readHub(hubId, abortSignal));
  private readonly connections = new Map<TokenCredential, ArmConnection>();
  /** AI Services accounts listed at the top level, read on expansion, by lower-cased id. */
  private readonly accounts = new Map<string, Promise<DependentResource>>();
  /** Hubs shown per subscription id; grows with "Load more…". */
  private readonly shownHubs = new Map<string, number>();

  constructor(private readonly options: TreeModelOptions) {}

  get access(): AzureAccess {
    return this.options.access;
  }

  loadRoot(): Promise<RootState> {
    if (!this.root) {
      this.rootAbort = new AbortController();
      this.root = this.readRoot(this.rootAbort.signal).catch((error: unknown) => ({
        kind: 'failed' as const,
        error: toAzureAccessError(error),
      }));
    }
    return this.root;
  }

  /** The network state of a hub, read once and cached until invalidated. */
  hubDetails(hubId: string, abortSignal?: AbortSignal): Promise<HubNetworkState> {
    return this.details.get(hubId, abortSignal);
  }

  /** Whether the hub's state is cached (or being read). */
  isHubCached(hubId: string): boolean {
    return this.details.has(hubId);
  }

  /**
   * After one of our writes, or a refresh of one node: every hub whose state involves that resource is read again
   * from ARM (never Resource Graph, which lags). Returns the ids of those hubs.
   */
  invalidate(resourceId: string): string[] {
    this.accounts.delete(resourceId.toLowerCase());
    return this.details.invalidate(resourceId);
  }

  /**
   * The network state of an AI Services account, read once (one GET) and cached until invalidated. An account that
   * cannot be read comes back with `readError` set; a failed read is not cached.
   */
  aiServicesDetails(accountId: string, abortSignal?: AbortSignalLike): Promise<DependentResource> {
    const key = accountId.toLowerCase();
    let read = this.accounts.get(key);
    if (!read) {
      read = this.connectionOf(accountId).then((connection) =>
        readDependentResource(connection, { kind: 'aiServices', id: accountId }, abortSignal),
      );
      this.accounts.set(key, read);
      const forget = () => {
        if (this.accounts.get(key) === read) this.accounts.delete(key);
      };
      read.then((account) => account.readError !== undefined && forget(), forget);
    }
    return read;
  }

  /** Starts over: a listing still in flight is cancelled (its promise settles as a cancelled failure). */
  invalidateAll(): void {
    this.rootAbort?.abort();
    this.rootAbort = undefined;
    this.root = undefined;
    this.details.invalidateAll();
    this.accounts.clear();
    this.shownHubs.clear();
  }

  hubsShown(subscriptionId: string, pageSize: number): number {
    return this.shownHubs.get(subscriptionId) ?? pageSize;
  }

  showMoreHubs(subscriptionId: string, pageSize: number): void {
    this.shownHubs.set(subscriptionId, this.hubsShown(subscriptionId, pageSize) + pageSize);
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
        `The subscription of ${resourceId} is not signed in or not selected. Select it with "Foundry: Select Subscriptions…".`,
      );
    return this.connectionFor(subscription.credential);
  }

  async findHub(hubId: string): Promise<DiscoveredHub | undefined> {
    const root = await this.loadRoot();
    if (root.kind !== 'ready') return undefined;
    return root.subscriptions.flatMap((s) => s.hubs).find((hub) => sameResourceId(hub.id, hubId));
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
      const inSubscription = <T extends { subscriptionId: string }>(items: readonly T[], id: string) =>
        items.filter((item) => item.subscriptionId.toLowerCase() === id.toLowerCase());
      return group.map((subscription) => ({
        subscription,
        hubs: inSubscription(result.hubs, subscription.subscriptionId),
        aiServices: inSubscription(result.aiServices, subscription.subscriptionId),
        orphanProjects: inSubscription(result.unmatchedProjects, subscription.subscriptionId),
        error: result.failures.find((f) => f.subscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase())
          ?.error,
      }));
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

  private async readHub(hubId: string, abortSignal?: AbortSignalLike): Promise<HubNetworkState> {
    return readHubNetworkState(await this.connectionOf(hubId), hubId, { abortSignal });
  }
}
