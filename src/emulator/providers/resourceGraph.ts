import { createHash } from 'node:crypto';
import { type ArmResource, type Reply, ArmError, isRecord } from '../arm';
import { type RequestContext, type ResourceTypeDefinition, header } from '../context';
import { type CompiledQuery, type Row, UnsupportedQueryError, compileQuery, valueAt } from '../kql';
import type { ResourceStore } from '../store';

const MAX_TOP = 1000;
const DEFAULT_TOP = 100;

/** A resource as a Resource Graph row: lower-case type and resource group, like ARG returns them. */
function toRow(resource: ArmResource, tenantId: string): Row {
  const parts = resource.id.split('/');
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type.toLowerCase(),
    tenantId,
    kind: resource.kind ?? '',
    location: resource.location ?? '',
    resourceGroup: (parts[4] ?? '').toLowerCase(),
    subscriptionId: parts[2] ?? '',
    managedBy: '',
    sku: resource.sku ?? null,
    plan: null,
    properties: resource.properties ?? {},
    tags: resource.tags ?? {},
    identity: resource.identity ?? null,
    zones: null,
    extendedLocation: null,
  };
}

const invalidQuery = (reason: string): ArmError =>
  new ArmError(
    400,
    'BadRequest',
    `Please provide below info when asking for support: the emulator cannot run this query: ${reason}.`,
    [
      {
        code: 'InvalidQuery',
        message:
          'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
      },
      {
        code: 'UnsupportedQuery',
        message: `The emulator supports only the KQL subset in src/emulator/README.md: ${reason}.`,
      },
    ],
  );

const tokenFor = (offset: number, query: string): string =>
  Buffer.from(JSON.stringify({ offset, query: createHash('sha1').update(query).digest('hex') })).toString('base64url');

function offsetOf(skipToken: unknown, query: string): number {
  if (skipToken === undefined || skipToken === null || skipToken === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(String(skipToken), 'base64url').toString('utf8')) as {
      offset: number;
      query: string;
    };
    if (parsed.query !== createHash('sha1').update(query).digest('hex')) throw new Error('other query');
    return parsed.offset;
  } catch {
    throw new ArmError(400, 'BadRequest', 'The $skipToken is invalid or belongs to another query.', [
      { code: 'InvalidSkipToken', message: 'Send the $skipToken of the previous page of the same query.' },
    ]);
  }
}

/** `POST /providers/Microsoft.ResourceGraph/resources`: top-level resources of the given subscriptions, queried in KQL. */
function queryResources(context: RequestContext): Reply {
  // Resource Graph's quota is per user; the emulator's users are its access tokens.
  const quotaHeaders = context.resourceGraphQuotas.take(header(context, 'authorization') ?? '');
  const body = isRecord(context.body) ? context.body : {};
  if (typeof body.query !== 'string' || body.query.trim().length === 0) throw invalidQuery('the request has no query');
  const options = isRecord(body.options) ? body.options : {};
  const top = Math.min(Number(options.$top ?? DEFAULT_TOP), MAX_TOP);
  const skip = Number(options.$skip ?? 0);
  const format = String(options.resultFormat ?? 'objectArray');
  if (format !== 'objectArray' && format !== 'table') throw invalidQuery(`resultFormat '${format}'`);
  let compiled;
  try {
    compiled = compileQuery(body.query);
  } catch (error) {
    if (error instanceof UnsupportedQueryError) throw invalidQuery(error.message);
    throw error;
  }
  const subscriptions = Array.isArray(body.subscriptions)
    ? body.subscriptions.map((id) => String(id).toLowerCase())
    : context.store.subscriptions.map((subscription) => subscription.subscriptionId);
  const rows = cachedRows(context, body.query, subscriptions, compiled);
  const offset = skip + offsetOf(options.$skipToken, body.query);
  const page = rows.slice(offset, offset + top);
  const more = offset + top < rows.length;
  const result: Record<string, unknown> = {
    totalRecords: rows.length,
    count: page.length,
    resultTruncated: 'false',
    ...(more ? { $skipToken: tokenFor(offset + top, body.query) } : {}),
    facets: [],
    data: format === 'table' ? asTable(page) : page,
  };
  return { status: 200, body: result, headers: quotaHeaders };
}

function queryRows(context: RequestContext, subscriptions: readonly string[], compiled: CompiledQuery): Row[] {
  const inScope = new Set(subscriptions);
  let rows = context.store
    .all()
    .filter((resource) => {
      const segments = resource.id.split('/');
      return segments.length === 9 && inScope.has(segments[2].toLowerCase());
    })
    .map((resource) => toRow(resource, context.tenantId))
    .filter(compiled.filter);
  for (const key of [...compiled.order].reverse()) {
    rows = [...rows].sort(
      (a, b) =>
        compareValues(valueAt(a, key.path), valueAt(b, key.path), key.caseless === true) * (key.descending ? -1 : 1),
    );
  }
  if (compiled.take !== undefined) rows = rows.slice(0, compiled.take);
  if (compiled.project) {
    const columns = compiled.project;
    rows = rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column.alias, valueAt(row, column.path) ?? null])),
    );
  }
  return rows;
}

interface RowCache {
  key: string;
  /** Seeding and restoring replace this array: a new state even when no change was announced. */
  subscriptions: unknown;
  rows: Row[];
}

const rowCaches = new WeakMap<ResourceStore, RowCache | null>();

/**
 * The rows of the last query, until the state changes: a client reads the pages of one query in parallel, and
 * recomputing every row for each page made the emulator, not the latency, the cost of big topologies.
 */
function cachedRows(
  context: RequestContext,
  query: string,
  subscriptions: readonly string[],
  compiled: CompiledQuery,
): Row[] {
  const store = context.store;
  if (!rowCaches.has(store)) store.onChange(() => rowCaches.set(store, null));
  const key = `${query}\n${subscriptions.join(',')}`;
  const cached = rowCaches.get(store);
  if (cached && cached.key === key && cached.subscriptions === store.subscriptions) return cached.rows;
  const rows = queryRows(context, subscriptions, compiled);
  rowCaches.set(store, { key, subscriptions: store.subscriptions, rows });
  return rows;
}

function compareValues(a: unknown, b: unknown, caseless: boolean): number {
  const asText = (value: unknown): string => {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
    return caseless ? text.toLowerCase() : text;
  };
  const [left, right] = [asText(a), asText(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

function asTable(rows: Row[]): { columns: { name: string; type: string }[]; rows: unknown[][] } {
  const names = rows.length > 0 ? Object.keys(rows[0]) : [];
  return {
    columns: names.map((name) => ({ name, type: typeof rows[0][name] === 'string' ? 'string' : 'object' })),
    rows: rows.map((row) => names.map((name) => row[name])),
  };
}

export const resourceGraphDefinition: ResourceTypeDefinition = {
  type: 'Microsoft.ResourceGraph/resources',
  post: queryResources,
};
