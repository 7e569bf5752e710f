import { randomUUID } from 'node:crypto';
import { type ArmResource, type Reply, ArmError, isRecord, sameId } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  inScope,
  itemReply,
  listReply,
  pagedListReply,
  propertiesOf,
  requestBody,
  requireParent,
  requireResource,
  resourceIdOf,
} from '../context';
import { beginDelete, beginOperation, beginWrite, privateDnsUrls } from '../lroReplies';

const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
const LINK_TYPE = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'PTR', 'SOA', 'SRV', 'TXT'];
/** Private DNS answers every zone and link write with 202, Location and Azure-AsyncOperation, and no body. */
const PRIVATE_DNS_LRO = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: false,
  asyncOperation: true,
  location: true,
} as const;

function privateDnsWrite(
  context: RequestContext,
  resource: ArmResource,
  existed: boolean,
  method: 'PUT' | 'PATCH',
): Reply {
  return beginWrite(context, resource, {
    method,
    existed,
    shape: PRIVATE_DNS_LRO,
    urls: privateDnsUrls,
    runningState: existed ? 'Updating' : 'Creating',
  });
}

/**
 * Private DNS has no immediate 412 for `If-None-Match: *` on a zone or link that exists: the PUT is accepted (202)
 * and its operation ends Failed with PreconditionFailed, the resource untouched.
 */
function existsAlready(context: RequestContext, existing: ArmResource | undefined, what: string): Reply | undefined {
  const ifNoneMatch = context.headers['if-none-match'];
  if (!existing || (Array.isArray(ifNoneMatch) ? ifNoneMatch[0] : ifNoneMatch) !== '*') return undefined;
  return beginOperation(context, {
    method: 'PUT',
    resource: existing,
    existed: true,
    shape: PRIVATE_DNS_LRO,
    urls: privateDnsUrls,
    failWith: {
      code: 'PreconditionFailed',
      message: `The ${what} ${existing.name} exists already and hence cannot be created again.`,
    },
  });
}

function privateDnsDelete(context: RequestContext, resource: ArmResource): Reply {
  return beginDelete(context, resource, { shape: PRIVATE_DNS_LRO, urls: privateDnsUrls });
}

const tagsOf = (body: Record<string, unknown>, existing: ArmResource | undefined): Record<string, string> =>
  isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {});

function zoneView(context: RequestContext, zone: ArmResource): ArmResource {
  const links = context.store.children(zone.id, LINK_TYPE);
  const records = RECORD_TYPES.flatMap((type) => context.store.children(zone.id, `${ZONE_TYPE}/${type}`));
  return {
    ...zone,
    properties: {
      ...zone.properties,
      maxNumberOfRecordSets: 25000,
      numberOfRecordSets: records.length,
      maxNumberOfVirtualNetworkLinks: 1000,
      numberOfVirtualNetworkLinks: links.length,
      maxNumberOfVirtualNetworkLinksWithRegistration: 100,
      numberOfVirtualNetworkLinksWithRegistration: links.filter((link) => link.properties?.registrationEnabled === true)
        .length,
    },
  };
}

function requireGlobal(body: Record<string, unknown>): void {
  if (typeof body.location !== 'string' || body.location.toLowerCase() !== 'global') {
    throw new ArmError(
      400,
      'InvalidLocation',
      "Private DNS zones and virtual network links must use location 'global'.",
    );
  }
}

const zoneDefinition: ResourceTypeDefinition = {
  type: ZONE_TYPE,
  get: (context) => itemReply(zoneView(context, requireResource(context, resourceIdOf(context, zoneDefinition)))),
  list: (context) => listReply(inScope(context, ZONE_TYPE).map((zone) => zoneView(context, zone))),
  put: (context) => {
    const id = resourceIdOf(context, zoneDefinition);
    const existing = context.store.get(id);
    const accepted = existsAlready(context, existing, 'Zone');
    if (accepted) return accepted;
    checkPreconditions(context, existing);
    const body = requestBody(context);
    requireGlobal(body);
    const name = context.path.names[0].toLowerCase();
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name))
      throw new ArmError(400, 'InvalidZoneName', `'${context.path.names[0]}' is not a valid DNS zone name.`);
    const zone: ArmResource = {
      id,
      name: context.path.names[0],
      type: ZONE_TYPE,
      location: 'global',
      tags: tagsOf(body, existing),
      properties: { internalId: existing?.properties?.internalId ?? randomUUID() },
    };
    if (!existing) {
      context.store.put({
        id: `${id}/SOA/@`,
        name: '@',
        type: `${ZONE_TYPE}/SOA`,
        properties: {
          ttl: 3600,
          fqdn: `${zone.name}.`,
          isAutoRegistered: false,
          soaRecord: {
            email: 'azureprivatedns-host.microsoft.com',
            expireTime: 2419200,
            host: 'azureprivatedns.net',
            minimumTtl: 10,
            refreshTime: 3600,
            retryTime: 300,
            serialNumber: 1,
          },
        },
      });
    }
    return privateDnsWrite(context, zone, Boolean(existing), 'PUT');
  },
  patch: (context) => {
    const existing = requireResource(context, resourceIdOf(context, zoneDefinition));
    checkPreconditions(context, existing);
    return privateDnsWrite(context, { ...existing, tags: tagsOf(requestBody(context), existing) }, true, 'PATCH');
  },
  delete: (context) => {
    const zone = context.store.get(resourceIdOf(context, zoneDefinition));
    if (!zone) return { status: 204 };
    checkPreconditions(context, zone);
    const links = context.store.children(zone.id, LINK_TYPE);
    if (links.length > 0) {
      throw new ArmError(
        409,
        'CannotDeleteResource',
        `The private DNS zone '${zone.name}' cannot be deleted because it still has virtual network links (${links.map((link) => link.name).join(', ')}). Delete the links first.`,
      );
    }
    return privateDnsDelete(context, zone);
  },
};

const linkDefinition: ResourceTypeDefinition = {
  type: LINK_TYPE,
  list: (context) =>
    pagedListReply(context, context.store.children(requireParent(context, zoneDefinition).id, LINK_TYPE)),
  get: (context) => {
    requireParent(context, zoneDefinition);
    return itemReply(requireResource(context, resourceIdOf(context, linkDefinition)));
  },
  put: (context) => {
    const zone = requireParent(context, zoneDefinition);
    const id = resourceIdOf(context, linkDefinition);
    const existing = context.store.get(id);
    const accepted = existsAlready(context, existing, `Virtual Network link`);
    if (accepted) return accepted;
    checkPreconditions(context, existing);
    const body = requestBody(context);
    requireGlobal(body);
    const properties = propertiesOf(body);
    const vnetId = String((properties.virtualNetwork as { id?: string } | undefined)?.id ?? '');
    const vnet = context.store.get(vnetId);
    if (!vnet || vnet.type !== 'Microsoft.Network/virtualNetworks')
      throw new ArmError(
        400,
        'BadRequest',
        `Virtual network '${vnetId}' of link '${context.path.names[1]}' was not found.`,
      );
    const duplicate = context.store
      .children(zone.id, LINK_TYPE)
      .find(
        (link) => !sameId(link.id, id) && sameId((link.properties?.virtualNetwork as { id?: string })?.id, vnet.id),
      );
    if (duplicate)
      throw new ArmError(
        409,
        'Conflict',
        `A virtual network cannot be linked to the same zone more than once: '${vnet.name}' is already linked by '${duplicate.name}'.`,
      );
    const link: ArmResource = {
      id,
      name: context.path.names[1],
      type: LINK_TYPE,
      location: 'global',
      tags: tagsOf(body, existing),
      properties: {
        virtualNetwork: { id: vnet.id },
        registrationEnabled: properties.registrationEnabled === true,
        resolutionPolicy: properties.resolutionPolicy ?? 'Default',
        virtualNetworkLinkState: 'Completed',
      },
    };
    return privateDnsWrite(context, link, Boolean(existing), 'PUT');
  },
  patch: (context) => {
    const existing = requireResource(context, resourceIdOf(context, linkDefinition));
    checkPreconditions(context, existing);
    const body = requestBody(context);
    const properties = propertiesOf(body);
    const registrationEnabled =
      typeof properties.registrationEnabled === 'boolean'
        ? properties.registrationEnabled
        : existing.properties?.registrationEnabled;
    return privateDnsWrite(
      context,
      { ...existing, tags: tagsOf(body, existing), properties: { ...existing.properties, registrationEnabled } },
      true,
      'PATCH',
    );
  },
  delete: (context) => {
    const link = context.store.get(resourceIdOf(context, linkDefinition));
    if (!link) return { status: 204 };
    checkPreconditions(context, link);
    return privateDnsDelete(context, link);
  },
};

function recordView(zone: ArmResource, record: ArmResource): ArmResource {
  return {
    ...record,
    properties: {
      ...record.properties,
      fqdn: record.name === '@' ? `${zone.name}.` : `${record.name}.${zone.name}.`,
      isAutoRegistered: false,
    },
  };
}

/** Record sets are synchronous: 201 on create, 200 on update, 200 (or 204 if absent) on delete; a 412 is bare. */
function recordDefinition(recordType: string): ResourceTypeDefinition {
  const type = `${ZONE_TYPE}/${recordType}`;
  const definition: ResourceTypeDefinition = {
    type,
    list: (context) => {
      const zone = requireParent(context, zoneDefinition);
      return pagedListReply(
        context,
        context.store.children(zone.id, type).map((record) => recordView(zone, record)),
      );
    },
    get: (context) => {
      const zone = requireParent(context, zoneDefinition);
      return itemReply(recordView(zone, requireResource(context, resourceIdOf(context, definition))));
    },
    put: (context) => writeRecord(context, definition, false),
    patch: (context) => writeRecord(context, definition, true),
    delete: (context) => {
      requireParent(context, zoneDefinition);
      if (recordType === 'SOA')
        throw new ArmError(400, 'BadRequest', 'The SOA record set of a zone cannot be deleted.');
      const record = context.store.get(resourceIdOf(context, definition));
      if (!record) return { status: 204 };
      checkPreconditions(context, record, { bare: true });
      context.store.delete(record.id);
      return { status: 200 };
    },
  };
  return definition;
}

function writeRecord(context: RequestContext, definition: ResourceTypeDefinition, merge: boolean): Reply {
  const zone = requireParent(context, zoneDefinition);
  const id = resourceIdOf(context, definition);
  const existing = context.store.get(id);
  checkPreconditions(context, existing, { bare: true });
  if (merge && !existing)
    throw new ArmError(404, 'ResourceNotFound', `The record set '${context.path.names[1]}' does not exist.`);
  const body = requestBody(context);
  const given = propertiesOf(body);
  const properties: Record<string, unknown> = merge ? { ...existing?.properties, ...given } : { ttl: 3600, ...given };
  if (Array.isArray(properties.aRecords)) {
    for (const record of properties.aRecords as { ipv4Address?: string }[]) {
      if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(String(record?.ipv4Address ?? '')))
        throw new ArmError(400, 'BadRequest', `'${String(record?.ipv4Address)}' is not an IPv4 address.`);
    }
  }
  const { fqdn: _fqdn, isAutoRegistered: _auto, ...settable } = properties;
  const stored = context.store.put({ id, name: context.path.names[1], type: definition.type, properties: settable });
  return itemReply(recordView(zone, stored), existing ? 200 : 201);
}

function allRecords(context: RequestContext): Reply {
  const zone = requireParent(context, zoneDefinition);
  return pagedListReply(
    context,
    RECORD_TYPES.flatMap((type) => context.store.children(zone.id, `${ZONE_TYPE}/${type}`)).map((record) =>
      recordView(zone, record),
    ),
  );
}

export const privateDnsDefinitions: ResourceTypeDefinition[] = [
  zoneDefinition,
  linkDefinition,
  ...RECORD_TYPES.map(recordDefinition),
  { type: `${ZONE_TYPE}/ALL`, list: allRecords },
  { type: `${ZONE_TYPE}/recordsets`, list: allRecords },
];
