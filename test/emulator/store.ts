import { renameSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { type ArmResource, clone, newEtag, parentId } from './arm';

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  state?: 'Enabled' | 'Disabled' | 'Warned';
  tenantId?: string;
}

/** What `GET/PUT /_emulator/snapshot` and `--state FILE` carry: the raw state, restored as is. */
export interface Snapshot {
  version: 1;
  tenantId: string;
  subscriptions: SubscriptionRecord[];
  resources: ArmResource[];
}

/**
 * Every resource the emulator knows, child resources included, keyed by lower-case id.
 * Reads and writes copy, so a handler can never change the state by accident.
 */
export class ResourceStore {
  private readonly resources = new Map<string, ArmResource>();
  subscriptions: SubscriptionRecord[] = [];
  private listeners: (() => void)[] = [];

  constructor(readonly tenantId: string) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  subscription(subscriptionId: string | undefined): SubscriptionRecord | undefined {
    if (!subscriptionId) return undefined;
    return this.subscriptions.find((subscription) => subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
  }

  get(id: string): ArmResource | undefined {
    const found = this.resources.get(id.toLowerCase());
    return found ? clone(found) : undefined;
  }

  has(id: string): boolean {
    return this.resources.has(id.toLowerCase());
  }

  /** Stores the resource with a new etag and returns the stored copy. */
  put(resource: ArmResource): ArmResource {
    const stored = clone({ ...resource, etag: newEtag() });
    this.resources.set(resource.id.toLowerCase(), stored);
    this.changed();
    return clone(stored);
  }

  /** Deletes the resource and everything under it (child and extension resources). */
  delete(id: string): boolean {
    const key = id.toLowerCase();
    const existed = this.resources.delete(key);
    for (const other of [...this.resources.keys()]) {
      if (other.startsWith(`${key}/`)) this.resources.delete(other);
    }
    if (existed) this.changed();
    return existed;
  }

  /** Direct children of `parent` whose type is `type` (canonical, compared case-insensitively). */
  children(parent: string, type: string): ArmResource[] {
    const parentKey = parent.toLowerCase();
    const typeKey = type.toLowerCase();
    return this.all().filter((resource) => resource.type.toLowerCase() === typeKey && parentId(resource.id).toLowerCase() === parentKey);
  }

  ofType(type: string): ArmResource[] {
    const typeKey = type.toLowerCase();
    return this.all().filter((resource) => resource.type.toLowerCase() === typeKey);
  }

  /** Resources whose id starts with the scope (a subscription or resource group id). */
  under(scope: string): ArmResource[] {
    const prefix = `${scope.toLowerCase()}/`;
    return this.all().filter((resource) => resource.id.toLowerCase().startsWith(prefix));
  }

  all(): ArmResource[] {
    return [...this.resources.values()].map((resource) => clone(resource));
  }

  snapshot(): Snapshot {
    return { version: 1, tenantId: this.tenantId, subscriptions: clone(this.subscriptions), resources: this.all() };
  }

  restore(snapshot: Snapshot): void {
    if (snapshot.version !== 1 || !Array.isArray(snapshot.resources) || !Array.isArray(snapshot.subscriptions)) {
      throw new Error('Not an emulator snapshot: expected {version: 1, subscriptions: [], resources: []}');
    }
    this.clear();
    this.subscriptions = clone(snapshot.subscriptions);
    for (const resource of snapshot.resources) this.resources.set(resource.id.toLowerCase(), clone(resource));
    this.changed();
  }

  clear(): void {
    this.resources.clear();
    this.subscriptions = [];
  }
}

/** Writes atomically: a reader never sees half a file, even if the process dies mid-write. */
export function writeSnapshotFile(path: string, snapshot: Snapshot): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, path);
}

export function readSnapshotFile(path: string): Snapshot | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
}
