import type { IncomingHttpHeaders } from 'node:http';
import { type Reply, ArmError, parseArmPath } from './arm';
import type { RequestContext } from './context';
import { TokenIssuer, type Identity } from './auth';
import { FaultTable, RequestLog } from './faults';
import { LroEngine, type LroMode } from './lro';
import { ResourceGraphQuotas, type ResourceGraphQuotaSettings } from './providers/resourceGraphQuota';
import { dispatch } from './registry';
import { ResourceStore, type Snapshot } from './store';
import { type Topology } from './topology';

/** ARM pages long lists at 100 items. */
export const DEFAULT_LIST_PAGE_SIZE = 100;

export interface CoreOptions {
  identity: Identity;
  lro: LroMode;
  lroDurationMs: number;
  latencyMs: number;
  resourceGraphQuota?: ResourceGraphQuotaSettings;
}

/** The emulator's state and behaviour, independent of HTTP: the server and the admin API both drive it. */
export class EmulatorCore {
  readonly store: ResourceStore;
  readonly lro: LroEngine;
  readonly tokens: TokenIssuer;
  readonly faults = new FaultTable();
  readonly log = new RequestLog();
  readonly resourceGraphQuotas: ResourceGraphQuotas;
  latencyMs: number;
  listPageSize = DEFAULT_LIST_PAGE_SIZE;
  baseUrl = 'https://127.0.0.1';

  constructor(readonly options: CoreOptions) {
    this.store = new ResourceStore(options.identity.tenantId);
    this.lro = new LroEngine(options.lro, options.lroDurationMs);
    this.tokens = new TokenIssuer(options.identity, () => this.baseUrl);
    this.latencyMs = options.latencyMs;
    this.resourceGraphQuotas = new ResourceGraphQuotas(options.resourceGraphQuota);
  }

  context(
    method: string,
    pathname: string,
    query: URLSearchParams,
    body: unknown,
    headers: IncomingHttpHeaders,
    failNextLro = false,
  ): RequestContext {
    return {
      method,
      path: parseArmPath(pathname),
      query,
      body,
      headers,
      apiVersion: query.get('api-version') ?? '',
      baseUrl: this.baseUrl,
      store: this.store,
      lro: this.lro,
      seeding: false,
      failNextLro,
      tenantId: this.options.identity.tenantId,
      listPageSize: this.listPageSize,
      resourceGraphQuotas: this.resourceGraphQuotas,
    };
  }

  handleArm(context: RequestContext): Reply {
    this.lro.settle();
    return dispatch(context);
  }

  /** Replaces the state with the topology, applying each resource through its provider like a PUT. */
  seed(topology: Topology): void {
    this.store.clear();
    this.lro.clear();
    this.resourceGraphQuotas.clear();
    this.store.subscriptions = topology.subscriptions.map((subscription) => ({
      state: 'Enabled',
      ...subscription,
      subscriptionId: subscription.subscriptionId.toLowerCase(),
    }));
    this.apply(topology.resources);
  }

  /** Adds resources to the current state through their providers, as a seed does (ids and GUIDs given are kept). */
  apply(resources: Topology['resources']): void {
    for (const resource of resources) {
      const context = this.context('PUT', resource.id, new URLSearchParams({ 'api-version': 'seed' }), resource, {});
      try {
        dispatch({ ...context, seeding: true });
      } catch (error) {
        const message = error instanceof ArmError ? `${error.code}: ${error.message}` : String(error);
        throw new Error(`Seeding ${resource.id} failed: ${message}`);
      }
    }
    this.store.changed();
  }

  snapshot(): Snapshot {
    this.lro.settle();
    return this.store.snapshot();
  }

  restore(snapshot: Snapshot): void {
    this.lro.clear();
    this.resourceGraphQuotas.clear();
    this.store.restore(snapshot);
  }
}
