import { type ArmResource, type Reply, ArmError, isRecord, systemData } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  inScope,
  itemReply,
  listReply,
  normalizeLocation,
  propertiesOf,
  requestBody,
  requireLocation,
  requireResource,
  resourceIdOf,
} from '../context';
import { normalizeIdentity } from '../identity';
import { collectProblems, invalidRules } from '../ipRuleValidation';
import {
  type LroShape,
  type LroUrls,
  beginOperation,
  cognitiveServicesUrls,
  containerRegistryUrls,
  storageUrls,
} from '../lroReplies';
import {
  connectionSummaries,
  privateEndpointConnectionDefinition,
  privateLinkResourcesDefinition,
} from '../privateLinks';

/** How one data service behaves: its validation and defaults, and the LRO shape of each write (undefined: synchronous). */
interface ServiceSpec {
  type: string;
  build(
    context: RequestContext,
    body: Record<string, unknown>,
    existing: ArmResource | undefined,
    merged: Record<string, unknown>,
  ): ArmResource;
  putLro?: { shape: LroShape; urls: LroUrls; onUpdate: boolean };
  /** `runningState`: provisioningState while the PATCH runs (Cognitive Services says Accepted). */
  patchLro?: { shape: LroShape; urls: LroUrls; runningState?: string };
  deleteLro?: { shape: LroShape; urls: LroUrls };
}

const ASYNC_BODY = {
  createdStatus: 201,
  updatedStatus: 200,
  withBody: true,
  asyncOperation: true,
  location: false,
} as const;
/** Cognitive Services answers a PATCH with 202, the resource (Accepted) and both polling headers. */
const ACCEPTED_WITH_BODY = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: true,
  bodyWithAccepted: true,
  asyncOperation: true,
  location: true,
} as const;
const ACCEPTED_LOCATION = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: false,
  asyncOperation: false,
  location: true,
} as const;

function publicAccessOf(properties: Record<string, unknown>): string {
  const access = String(properties.publicNetworkAccess ?? 'Enabled');
  if (!['Enabled', 'Disabled', 'SecuredByPerimeter'].includes(access))
    throw new ArmError(
      400,
      'InvalidPublicNetworkAccess',
      `publicNetworkAccess must be Enabled or Disabled, not '${access}'.`,
    );
  return access;
}

/**
 * Firewall rules of storage, key vault and AI Services: IPv4 public addresses; some services refuse /31 and /32, some
 * limit the rule count. The given object replaces the stored one as a whole (a PATCH without virtualNetworkRules drops them).
 */
function firewall(
  given: unknown,
  options: { allowSingleHostPrefix: boolean; action?: boolean; normalizeHost?: boolean; maxRules?: number },
): Record<string, unknown> {
  const acls = isRecord(given) ? given : {};
  const defaultAction = String(acls.defaultAction ?? 'Allow');
  if (!['Allow', 'Deny'].includes(defaultAction))
    throw new ArmError(
      400,
      'InvalidNetworkAcls',
      `networkAcls.defaultAction must be Allow or Deny, not '${defaultAction}'.`,
    );
  const values = (Array.isArray(acls.ipRules) ? acls.ipRules : []).map((rule) =>
    String((rule as { value?: unknown })?.value ?? ''),
  );
  if (options.maxRules !== undefined && values.length > options.maxRules) {
    throw new ArmError(
      400,
      'InvalidNetworkAcls',
      `networkAcls.ipRules has ${values.length} rules; at most ${options.maxRules} are allowed.`,
    );
  }
  const problems = collectProblems(values, options);
  if (problems.length > 0) throw invalidRules(problems);
  const ipRules = values.map((value) => ({
    value: options.normalizeHost && !value.includes('/') ? `${value}/32` : value,
    ...(options.action ? { action: 'Allow' } : {}),
  }));
  return {
    ...acls,
    defaultAction,
    ipRules,
    virtualNetworkRules: Array.isArray(acls.virtualNetworkRules) ? acls.virtualNetworkRules : [],
  };
}

const base = (
  context: RequestContext,
  type: string,
  body: Record<string, unknown>,
  existing: ArmResource | undefined,
): ArmResource => ({
  id: resourceIdOf(context, definitions.get(type)!),
  name: existing?.name ?? context.path.names[0],
  type,
  location: existing?.location ?? normalizeLocation(requireLocation(body)),
  tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {}),
  systemData: existing?.systemData ?? systemData(),
});

const storage: ServiceSpec = {
  type: 'Microsoft.Storage/storageAccounts',
  putLro: { shape: ACCEPTED_LOCATION, urls: storageUrls, onUpdate: false },
  build: (context, body, existing, properties) => {
    const name = existing?.name ?? context.path.names[0];
    if (!/^[a-z0-9]{3,24}$/.test(name))
      throw new ArmError(
        400,
        'AccountNameInvalid',
        `${name} is not a valid storage account name: 3 to 24 lower-case letters and digits.`,
      );
    const endpoints = Object.fromEntries(
      ['blob', 'file', 'queue', 'table', 'dfs', 'web'].map((service) => [
        service,
        `https://${name}.${service}.core.windows.net/`,
      ]),
    );
    return {
      ...base(context, storage.type, body, existing),
      kind: String(body.kind ?? existing?.kind ?? 'StorageV2'),
      sku: isRecord(body.sku) ? body.sku : (existing?.sku ?? { name: 'Standard_LRS', tier: 'Standard' }),
      identity: normalizeIdentity(body.identity, existing?.identity, context.tenantId, context.seeding),
      properties: {
        minimumTlsVersion: 'TLS1_2',
        allowBlobPublicAccess: false,
        supportsHttpsTrafficOnly: true,
        ...properties,
        publicNetworkAccess: publicAccessOf(properties),
        networkAcls: {
          bypass: 'AzureServices',
          resourceAccessRules: [],
          ...firewall(properties.networkAcls, { allowSingleHostPrefix: false, action: true }),
        },
        primaryEndpoints: endpoints,
        primaryLocation: existing?.location ?? normalizeLocation(String(body.location)),
        statusOfPrimary: 'available',
        creationTime: existing?.properties?.creationTime ?? new Date().toISOString(),
      },
    };
  },
};

const keyVault: ServiceSpec = {
  type: 'Microsoft.KeyVault/vaults',
  build: (context, body, existing, properties) => {
    if (!existing && (typeof properties.tenantId !== 'string' || !isRecord(properties.sku))) {
      throw new ArmError(400, 'BadRequest', 'A key vault needs properties.tenantId and properties.sku.');
    }
    const name = existing?.name ?? context.path.names[0];
    return {
      ...base(context, keyVault.type, body, existing),
      properties: {
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        accessPolicies: [],
        ...properties,
        publicNetworkAccess: publicAccessOf(properties),
        // Key Vault shows a bare IP as /32.
        networkAcls: {
          bypass: 'AzureServices',
          ...firewall(properties.networkAcls, { allowSingleHostPrefix: true, normalizeHost: true }),
        },
        vaultUri: `https://${name}.vault.azure.net/`,
      },
    };
  },
};

const containerRegistry: ServiceSpec = {
  type: 'Microsoft.ContainerRegistry/registries',
  putLro: { shape: ASYNC_BODY, urls: containerRegistryUrls, onUpdate: true },
  patchLro: { shape: ASYNC_BODY, urls: containerRegistryUrls },
  deleteLro: { shape: ACCEPTED_LOCATION, urls: containerRegistryUrls },
  build: (context, body, existing, properties) => {
    const sku = isRecord(body.sku) ? body.sku : (existing?.sku ?? { name: 'Basic', tier: 'Basic' });
    const premium = String(sku.name) === 'Premium';
    const rules =
      isRecord(properties.networkRuleSet) && Array.isArray(properties.networkRuleSet.ipRules)
        ? properties.networkRuleSet.ipRules
        : [];
    if (!premium && (rules.length > 0 || properties.publicNetworkAccess === 'Disabled')) {
      throw new ArmError(
        400,
        'PremiumSkuRequired',
        'Network rules and disabling public network access need the Premium SKU of Azure Container Registry.',
      );
    }
    const name = existing?.name ?? context.path.names[0];
    const { networkRuleSet: _rules, ...rest } = properties;
    return {
      ...base(context, containerRegistry.type, body, existing),
      sku: { ...sku, tier: sku.name },
      identity: normalizeIdentity(body.identity, existing?.identity, context.tenantId, context.seeding),
      properties: {
        adminUserEnabled: false,
        ...rest,
        loginServer: `${name.toLowerCase()}.azurecr.io`,
        publicNetworkAccess: publicAccessOf(properties),
        ...(premium
          ? {
              networkRuleSet: {
                ...firewall(properties.networkRuleSet, { allowSingleHostPrefix: true, action: true }),
                virtualNetworkRules: undefined,
              },
            }
          : {}),
      },
    };
  },
};

const AI_SERVICES_MAX_IP_RULES = 100;

const cognitiveAccount: ServiceSpec = {
  type: 'Microsoft.CognitiveServices/accounts',
  // A DELETE is synchronous (200).
  putLro: { shape: ASYNC_BODY, urls: cognitiveServicesUrls, onUpdate: true },
  patchLro: { shape: ACCEPTED_WITH_BODY, urls: cognitiveServicesUrls, runningState: 'Accepted' },
  build: (context, body, existing, properties) => {
    const subdomain = String(
      properties.customSubDomainName ?? existing?.properties?.customSubDomainName ?? context.path.names[0],
    ).toLowerCase();
    return {
      ...base(context, cognitiveAccount.type, body, existing),
      kind: String(body.kind ?? existing?.kind ?? 'AIServices'),
      sku: isRecord(body.sku) ? body.sku : (existing?.sku ?? { name: 'S0' }),
      identity: normalizeIdentity(body.identity, existing?.identity, context.tenantId, context.seeding),
      properties: {
        ...properties,
        customSubDomainName: subdomain,
        publicNetworkAccess: publicAccessOf(properties),
        // A new account has no networkAcls until one is written. Learn: up to 100 IP rules, and /31 or /32 prefixes
        // are refused (a single address goes bare, and is kept as sent).
        ...(properties.networkAcls === undefined
          ? {}
          : {
              networkAcls: firewall(properties.networkAcls, {
                allowSingleHostPrefix: false,
                maxRules: AI_SERVICES_MAX_IP_RULES,
              }),
            }),
        endpoint: `https://${subdomain}.cognitiveservices.azure.com/`,
        endpoints: {
          'OpenAI Language Model Instance API': `https://${subdomain}.openai.azure.com/`,
          'AI Foundry API': `https://${subdomain}.services.ai.azure.com/`,
        },
      },
    };
  },
};

const READ_ONLY = [
  'provisioningState',
  'privateEndpointConnections',
  'primaryEndpoints',
  'vaultUri',
  'loginServer',
  'endpoint',
  'endpoints',
  'creationTime',
];

function write(spec: ServiceSpec, context: RequestContext, merge: boolean): Reply {
  const id = resourceIdOf(context, definitions.get(spec.type)!);
  const existing = merge ? requireResource(context, id) : context.store.get(id);
  checkPreconditions(context, existing);
  const body = requestBody(context);
  const given = Object.fromEntries(Object.entries(propertiesOf(body)).filter(([key]) => !READ_ONLY.includes(key)));
  const previous = merge
    ? Object.fromEntries(Object.entries(existing?.properties ?? {}).filter(([key]) => !READ_ONLY.includes(key)))
    : {};
  const resource = spec.build(context, merge ? { ...existing, ...body } : body, existing, { ...previous, ...given });
  const lro = merge ? spec.patchLro : spec.putLro && (spec.putLro.onUpdate || !existing) ? spec.putLro : undefined;
  const stored = context.store.put({
    ...resource,
    properties: {
      ...resource.properties,
      provisioningState:
        !lro || context.seeding ? 'Succeeded' : runningState(merge ? spec.patchLro : undefined, existing),
    },
  });
  if (!lro || context.seeding) return itemReply(view(context, stored), existing ? 200 : 201);
  return beginOperation(context, {
    method: merge ? 'PATCH' : 'PUT',
    resource: view(context, stored),
    existed: Boolean(existing),
    shape: lro.shape,
    urls: lro.urls,
  });
}

const runningState = (lro: ServiceSpec['patchLro'], existing: ArmResource | undefined): string =>
  lro?.runningState ?? (existing ? 'Updating' : 'Creating');

function remove(spec: ServiceSpec, context: RequestContext): Reply {
  const resource = context.store.get(resourceIdOf(context, definitions.get(spec.type)!));
  if (!resource) return { status: 204 };
  if (!spec.deleteLro || context.seeding) {
    context.store.delete(resource.id);
    return { status: 200 };
  }
  return beginOperation(context, {
    method: 'DELETE',
    resource,
    existed: true,
    shape: spec.deleteLro.shape,
    urls: spec.deleteLro.urls,
  });
}

const view = (context: RequestContext, resource: ArmResource): ArmResource => ({
  ...resource,
  properties: { ...resource.properties, privateEndpointConnections: connectionSummaries(context.store, resource) },
});

const definitions = new Map<string, ResourceTypeDefinition>();
for (const spec of [storage, keyVault, containerRegistry, cognitiveAccount]) {
  const definition: ResourceTypeDefinition = {
    type: spec.type,
    get: (context) => itemReply(view(context, requireResource(context, resourceIdOf(context, definition)))),
    list: (context) => listReply(inScope(context, spec.type).map((resource) => view(context, resource))),
    put: (context) => write(spec, context, false),
    patch: (context) => write(spec, context, true),
    delete: (context) => remove(spec, context),
  };
  definitions.set(spec.type, definition);
}

export const dataServiceDefinitions: ResourceTypeDefinition[] = [...definitions.values()].flatMap((definition) => [
  definition,
  privateEndpointConnectionDefinition(definition),
  privateLinkResourcesDefinition(definition),
]);
