/**
 * A cache of HubNetworkState per hub for the tree. Each entry remembers every resource id its state was built from,
 * so `invalidate(id)` after a write drops exactly the hubs that showed that resource (or its parent or children).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import { withoutTrailingSlashes } from '../model/armIds';
import type { HubNetworkState } from '../model/hubState';

export type HubStateLoader = (hubId: string, abortSignal?: AbortSignalLike) => Promise<HubNetworkState>;

interface Entry {
  readonly promise: Promise<HubNetworkState>;
  /** Lower-cased ids the state depends on; filled when the load succeeds. */
  dependencies: readonly string[];
}

export class HubStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly load: HubStateLoader) {}

  /** The cached state, or a load (shared by concurrent callers). A failed load is not kept. */
  get(hubId: string, abortSignal?: AbortSignalLike): Promise<HubNetworkState> {
    const key = normalize(hubId);
    const cached = this.entries.get(key);
    if (cached) {
      return cached.promise;
    }
    const entry: Entry = { promise: this.load(hubId, abortSignal), dependencies: [key] };
    this.entries.set(key, entry);
    entry.promise.then(
      (state) => {
        entry.dependencies = dependenciesOf(state).map(normalize);
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
        }
      },
    );
    return entry.promise;
  }

  has(hubId: string): boolean {
    return this.entries.has(normalize(hubId));
  }

  /** Drops every hub whose state involves this resource, its parent chain or its children. Returns their ids. */
  invalidate(resourceId: string): string[] {
    const target = normalize(resourceId);
    const dropped: string[] = [];
    for (const [hubId, entry] of this.entries) {
      if (entry.dependencies.some((dependency) => related(dependency, target))) {
        this.entries.delete(hubId);
        dropped.push(hubId);
      }
    }
    return dropped;
  }

  invalidateAll(): void {
    this.entries.clear();
  }
}

function normalize(id: string): string {
  return withoutTrailingSlashes(id.trim()).toLowerCase();
}

/** One id is the other, or one contains the other (a zone and its link, a resource group and its resources). */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

function dependenciesOf(state: HubNetworkState): string[] {
  const ids = [state.workspace.id];
  for (const connection of state.privateEndpointConnections) {
    ids.push(connection.id, connection.privateEndpointId);
    for (const group of connection.privateEndpoint?.dnsZoneGroups ?? []) {
      ids.push(group.id, ...group.zoneConfigs.map((config) => config.privateDnsZoneId));
    }
    if (connection.privateEndpoint) {
      ids.push(connection.privateEndpoint.subnetId, connection.privateEndpoint.virtualNetworkId);
    }
  }
  for (const zone of state.dnsZones) {
    if (zone.id) {
      ids.push(zone.id);
    }
  }
  for (const dependent of state.dependentResources) {
    ids.push(dependent.id, ...dependent.privateEndpoints.map((endpoint) => endpoint.id));
  }
  ids.push(...state.projects.map((project) => project.id));
  return ids.filter((id) => id !== '');
}
