import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { type ArmResource, clone, newEtag, parentId } from './arm';

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  state?: 'Enabled' | 'Disabled' | 'Warned';
  tenantId?: string;
}

const isSnapshot = (value: unknown): value is Snapshot =>
  typeof value === 'object' &&
  value !== null &&
  (value as Snapshot).version === 1 &&
  Array.isArray((value as Snapshot).subscriptions) &&
  Array.isArray((value as Snapshot).resources);

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
  /** Lower-case type → lower-case ids: lookups by type stay fast on big generated topologies. */
  private readonly byType = new Map<string, Set<string>>();
  /** Lower-case parent id → lower-case ids of its direct children: children() was a scan of the whole type. */
  private readonly byParent = new Map<string, Set<string>>();
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
    return this.subscriptions.find(
      (subscription) => subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
    );
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
    const stored = clone({ ...resource, etag: etagFor(resource.type) });
    this.index(stored);
    this.changed();
    return clone(stored);
  }

  /** Deletes the resource and everything under it (child and extension resources). */
  delete(id: string): boolean {
    const key = id.toLowerCase();
    const existed = this.remove(key);
    for (const other of [...this.resources.keys()]) {
      if (other.startsWith(`${key}/`)) this.remove(other);
    }
    if (existed) this.changed();
    return existed;
  }

  /** Direct children of `parent` whose type is `type` (canonical, compared case-insensitively). */
  children(parent: string, type: string): ArmResource[] {
    const typeKey = type.toLowerCase();
    const matches: ArmResource[] = [];
    for (const key of this.byParent.get(parent.toLowerCase()) ?? []) {
      const resource = this.resources.get(key);
      if (resource && resource.type.toLowerCase() === typeKey) matches.push(clone(resource));
    }
    return matches;
  }

  ofType(type: string): ArmResource[] {
    const typeKey = type.toLowerCase();
    return this.selectType(typeKey, () => true);
  }

  /** Resources of one type whose id starts with the scope, copied after filtering (big topologies list fast). */
  ofTypeUnder(type: string, scope: string): ArmResource[] {
    const prefix = `${scope.toLowerCase()}/`;
    return this.selectType(type.toLowerCase(), (resource) => resource.id.toLowerCase().startsWith(prefix));
  }

  /** Resources whose id starts with the scope (a subscription or resource group id). */
  under(scope: string): ArmResource[] {
    const prefix = `${scope.toLowerCase()}/`;
    return this.select((resource) => resource.id.toLowerCase().startsWith(prefix));
  }

  all(): ArmResource[] {
    return this.select(() => true);
  }

  private selectType(typeKey: string, predicate: (resource: ArmResource) => boolean): ArmResource[] {
    const matches: ArmResource[] = [];
    for (const key of this.byType.get(typeKey) ?? []) {
      const resource = this.resources.get(key);
      if (resource && predicate(resource)) matches.push(clone(resource));
    }
    return matches;
  }

  private index(resource: ArmResource): void {
    const key = resource.id.toLowerCase();
    const previous = this.resources.get(key);
    if (previous) this.byType.get(previous.type.toLowerCase())?.delete(key);
    this.resources.set(key, resource);
    const parentKey = parentId(key);
    if (!this.byParent.has(parentKey)) this.byParent.set(parentKey, new Set());
    this.byParent.get(parentKey)!.add(key);
    const typeKey = resource.type.toLowerCase();
    if (!this.byType.has(typeKey)) this.byType.set(typeKey, new Set());
    this.byType.get(typeKey)!.add(key);
  }

  private remove(key: string): boolean {
    const resource = this.resources.get(key);
    if (!resource) return false;
    this.byType.get(resource.type.toLowerCase())?.delete(key);
    this.byParent.get(parentId(key))?.delete(key);
    return this.resources.delete(key);
  }

  /** Filters the stored objects first and copies only the matches. */
  private select(predicate: (resource: ArmResource) => boolean): ArmResource[] {
    const matches: ArmResource[] = [];
    for (const resource of this.resources.values()) if (predicate(resource)) matches.push(clone(resource));
    return matches;
  }

  snapshot(): Snapshot {
    return { version: 1, tenantId: this.tenantId, subscriptions: clone(this.subscriptions), resources: this.all() };
  }

  restore(snapshot: Snapshot): void {
    if (!isSnapshot(snapshot)) {
      throw new Error('Not an emulator snapshot: expected {version: 1, subscriptions: [], resources: []}');
    }
    this.clear();
    this.subscriptions = clone(snapshot.subscriptions);
    for (const resource of snapshot.resources) this.index(clone(resource));
    this.changed();
  }

  clear(): void {
    this.resources.clear();
    this.byType.clear();
    this.byParent.clear();
    this.subscriptions = [];
  }
}

/** Each RP writes its etags its own way: a bare GUID (DNS zones, record sets), quoted (VNet links, Cognitive
 * Services), weak `W/"…"` (Network and the rest). ML shows none (`null`, see workspaceView). */
function etagFor(type: string): string {
  const key = type.toLowerCase();
  if (key === 'microsoft.network/privatednszones/virtualnetworklinks' || key.startsWith('microsoft.cognitiveservices/'))
    return `"${randomUUID()}"`;
  if (key.startsWith('microsoft.network/privatednszones')) return randomUUID();
  return newEtag();
}

/** Writes atomically: a reader never sees half a file, even if the process dies mid-write. */
export function writeSnapshotFile(path: string, snapshot: Snapshot): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, path);
}

/**
 * A state file that exists but holds no state this emulator reads (cut short, edited by hand, another version). Its
 * `code` says so across bundles (the sandbox loads the emulator from a bundle of its own, so `instanceof` cannot).
 */
export class UnreadableStateError extends Error {
  readonly code = 'UnreadableState';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} is not a state this emulator can read: ${reason}`);
    this.name = 'UnreadableStateError';
  }
}

export function readSnapshotFile(path: string): Snapshot | undefined {
  if (!existsSync(path)) return undefined;
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UnreadableStateError(path, error instanceof Error ? error.message : String(error));
  }
  if (!isSnapshot(saved)) throw new UnreadableStateError(path, 'no version 1 state with subscriptions and resources');
  return saved;
}
