import { randomUUID } from 'node:crypto';

/** The JSON shape every ARM resource shares. Properties are free-form: each provider owns its own. */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  identity?: ArmIdentity;
  /** `null` where the RP shows none (ML workspaces). */
  etag?: string | null;
  properties?: Record<string, unknown>;
  systemData?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ArmIdentity {
  type: string;
  principalId?: string;
  tenantId?: string;
  userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }>;
}

export interface ArmErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
  };
}

/** An error that becomes an ARM error response: `{error:{code,message,details?}}`. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { code: string; message: string; target?: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ArmErrorBody | { code: string; message: string } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Some RPs (Private DNS record sets) answer with a bare `{code, message}`, without ARM's `error` wrapper. */
export class BareArmError extends ArmError {
  override toBody(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (type: string, name: string, resourceGroup: string): ArmError =>
  new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );

export const badRequest = (
  code: string,
  message: string,
  details?: { code: string; message: string; target?: string }[],
): ArmError => new ArmError(400, code, message, details);

/** A handler's answer. The server turns it into an HTTP response. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

/** A path under ARM, split the way ARM routes it: scope, then `providers/{namespace}/{type}/{name}/...`. */
export interface ParsedPath {
  segments: string[];
  /** Segments before the last `providers` (a subscription, resource group or resource id). */
  scopeSegments: string[];
  namespace?: string;
  /** Type segments after the namespace, e.g. ['privateEndpoints', 'privateDnsZoneGroups']. */
  types: string[];
  /** Names after each type; one fewer than types when the path is a collection. */
  names: string[];
  isCollection: boolean;
  subscriptionId?: string;
  resourceGroup?: string;
}

export function parseArmPath(pathname: string): ParsedPath {
  // Some SDKs send a scope with its slashes encoded (%2F); ARM reads them as path separators.
  const segments = safeDecode(pathname)
    .split('/')
    .filter((segment) => segment.length > 0);
  let providersAt = -1;
  for (let index = segments.length - 2; index >= 0; index--) {
    if (segments[index].toLowerCase() === 'providers' && index % 2 === 0) {
      providersAt = index;
      break;
    }
  }
  const scopeSegments = providersAt >= 0 ? segments.slice(0, providersAt) : segments;
  const rest = providersAt >= 0 ? segments.slice(providersAt + 2) : [];
  const types = rest.filter((_, index) => index % 2 === 0);
  const names = rest.filter((_, index) => index % 2 === 1);
  const lower = segments.map((segment) => segment.toLowerCase());
  return {
    segments,
    scopeSegments,
    namespace: providersAt >= 0 ? segments[providersAt + 1] : undefined,
    types,
    names,
    isCollection: rest.length % 2 === 1,
    subscriptionId: lower[0] === 'subscriptions' ? segments[1]?.toLowerCase() : undefined,
    resourceGroup: lower[0] === 'subscriptions' && lower[2] === 'resourcegroups' ? segments[3] : undefined,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The lower-case key a provider type is registered under, e.g. `microsoft.network/privateendpoints`. */
export const typeKey = (path: ParsedPath): string => `${path.namespace ?? ''}/${path.types.join('/')}`.toLowerCase();

export const newEtag = (): string => `W/"${randomUUID()}"`;

export const lastSegment = (id: string): string => id.split('/').filter(Boolean).pop() ?? '';

/** The id of the parent: drops `/{type}/{name}` (and `/providers/{namespace}` for a top-level resource). */
export function parentId(id: string): string {
  const parts = id.split('/');
  const parent = parts.slice(0, -2);
  if (parent.length >= 2 && parent[parent.length - 2].toLowerCase() === 'providers')
    return parent.slice(0, -2).join('/');
  return parent.join('/');
}

export const sameId = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

export const nowIso = (): string => new Date().toISOString();

export function systemData(principal = 'emulator'): Record<string, unknown> {
  const at = nowIso();
  return {
    createdBy: principal,
    createdByType: 'Application',
    createdAt: at,
    lastModifiedBy: principal,
    lastModifiedByType: 'Application',
    lastModifiedAt: at,
  };
}

/** Deep copy through JSON: the store never hands out its own objects. */
export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
