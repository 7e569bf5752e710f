import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SPECS = '/work/shared/azure-rest-specs';

/** The swagger files copied into ../shared/azure-rest-specs that the emulator's responses are checked against. */
export const SWAGGER_FILES = {
  machineLearning: 'machinelearningservices/stable/2025-12-01/workspaceRP.json',
  networkAclsPreview: 'machinelearningservices/preview/2025-10-01-preview/workspaceRP.networkAcls-excerpt.json',
  privateEndpoint: 'network/stable/2025-03-01/privateEndpoint.json',
  privateDns: 'privatedns/stable/2024-06-01/privatedns.json',
  resourceGraph: 'resourcegraph/stable/2024-04-01/resourcegraph.json',
} as const;

interface Operation {
  method: string;
  path: string;
  responses: Record<string, { schema?: unknown; headers?: Record<string, unknown> }>;
}

/** A `$ref` into another file (one that was not copied next to these swaggers). */
export const EXTERNAL_REF = /^(?!#)/;

const text = { type: 'string' };
const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});

/** common-types v3 systemData and resource envelopes, with the types Azure gives them. */
const SYSTEM_DATA = object({
  createdBy: text,
  createdByType: { enum: ['User', 'Application', 'ManagedIdentity', 'Key'] },
  createdAt: text,
  lastModifiedBy: text,
  lastModifiedByType: { enum: ['User', 'Application', 'ManagedIdentity', 'Key'] },
  lastModifiedAt: text,
});
// The recordings win over the swagger: ML outbound rules come back with `"systemData": null`
// (machinelearningservices__test_workspace_managednetwork_outbound_rule_operations.yaml), so null is accepted there.
const ENVELOPE = { id: text, name: text, type: text, systemData: { anyOf: [SYSTEM_DATA, { type: 'null' }] } };
const ERROR_DETAIL: Record<string, unknown> = object({
  code: text,
  message: text,
  target: text,
  details: { type: 'array', items: { type: 'object' } },
  additionalInfo: { type: 'array', items: object({ type: text, info: { type: 'object' } }) },
});
const NETWORK_PROVISIONING_STATE = { type: 'string', enum: ['Succeeded', 'Updating', 'Deleting', 'Failed'] };
const NETWORK_RESOURCE = { id: text, name: text, type: text, location: text, tags: { type: 'object' } };

/**
 * The definitions of the files not copied that these swaggers refer to, written from those files (common-types v3
 * types.json and managedidentity.json; Microsoft.Network 2025-03-01 network.json, networkInterface.json,
 * virtualNetwork.json, privateLinkService.json, applicationSecurityGroup.json). Each keeps the property names and
 * types, enums and required properties; NetworkInterface, Subnet and ApplicationSecurityGroup stop at their
 * `properties` object, whose members the emulator sends only as ids. A reference to any other definition fails the
 * validator's construction: nothing is accepted unchecked.
 */
const EXTERNAL_DEFINITIONS: Record<string, Record<string, unknown>> = {
  'types.json#/definitions/Resource': object(ENVELOPE),
  'types.json#/definitions/ProxyResource': object(ENVELOPE),
  'types.json#/definitions/TrackedResource': object(
    { ...ENVELOPE, location: text, tags: { type: 'object', additionalProperties: text } },
    ['location'],
  ),
  'types.json#/definitions/AzureEntityResource': object({ ...ENVELOPE, etag: text }),
  'types.json#/definitions/ErrorResponse': object({ error: ERROR_DETAIL }),
  'types.json#/definitions/OperationListResult': object({ value: { type: 'array' }, nextLink: text }),
  'types.json#/definitions/Sku': object(
    {
      name: text,
      tier: { enum: ['Free', 'Basic', 'Standard', 'Premium'] },
      size: text,
      family: text,
      capacity: { type: 'integer' },
    },
    ['name'],
  ),
  'managedidentity.json#/definitions/ManagedServiceIdentity': object(
    {
      principalId: text,
      tenantId: text,
      type: { enum: ['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'] },
      userAssignedIdentities: { type: 'object', additionalProperties: object({ principalId: text, clientId: text }) },
    },
    ['type'],
  ),
  'network.json#/definitions/SubResource': object({ id: text }),
  'network.json#/definitions/ProvisioningState': NETWORK_PROVISIONING_STATE,
  'network.json#/definitions/Resource': object(NETWORK_RESOURCE),
  'network.json#/definitions/ExtendedLocation': object({ name: text, type: { enum: ['EdgeZone'] } }),
  'network.json#/definitions/CloudError': object({
    error: object({ code: text, message: text, target: text, details: { type: 'array' } }),
  }),
  'network.json#/definitions/Error': object({
    code: text,
    message: text,
    target: text,
    details: { type: 'array', items: object({ code: text, target: text, message: text }) },
    innerError: text,
  }),
  'networkInterface.json#/definitions/NetworkInterface': object({
    ...NETWORK_RESOURCE,
    etag: text,
    properties: object({ provisioningState: NETWORK_PROVISIONING_STATE, macAddress: text }),
  }),
  'virtualNetwork.json#/definitions/Subnet': object({
    id: text,
    name: text,
    type: text,
    etag: text,
    properties: object({
      addressPrefix: text,
      addressPrefixes: { type: 'array', items: text },
      provisioningState: NETWORK_PROVISIONING_STATE,
    }),
  }),
  'privateLinkService.json#/definitions/PrivateLinkServiceConnectionState': object({
    status: text,
    description: text,
    actionsRequired: text,
  }),
  'applicationSecurityGroup.json#/definitions/ApplicationSecurityGroup': object({
    ...NETWORK_RESOURCE,
    etag: text,
    properties: object({ resourceGuid: text, provisioningState: NETWORK_PROVISIONING_STATE }),
  }),
};

/**
 * Swagger 2.0 is not JSON Schema: brings the copied swaggers to what autorest means, so ajv checks what Azure promises.
 * - a `$ref` into a file not copied becomes that definition from EXTERNAL_DEFINITIONS (unknown ones throw); a request
 *   parameter there is not part of any response, and is left out;
 * - `additionalProperties: false` next to `allOf` counts the parents' properties (autorest flattens them);
 * - a bare `type: object` (no properties) is autorest's "any" (Resource Graph's `data` is an array in practice).
 */
function prepare(node: unknown, stubbed: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, stubbed));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string' && EXTERNAL_REF.test(record.$ref)) {
    const [file = '', pointer = ''] = record.$ref.split('#');
    const key = `${basename(file)}#${pointer}`;
    if (pointer.startsWith('/parameters/')) return {};
    const definition = EXTERNAL_DEFINITIONS[key];
    if (!definition)
      throw new Error(`${record.$ref}: no definition for it in EXTERNAL_DEFINITIONS; write it from its swagger`);
    stubbed.add(key);
    return structuredClone(definition);
  }
  const prepared = Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, key === 'x-ms-examples' ? {} : prepare(value, stubbed)]),
  ) as Record<string, unknown>;
  if (prepared.additionalProperties === false && Array.isArray(prepared.allOf)) {
    const inherited = Object.assign(
      {},
      ...prepared.allOf.map((parent) => (parent as { properties?: object }).properties ?? {}),
    );
    prepared.properties = { ...inherited, ...(prepared.properties as object) };
  }
  if (
    prepared.type === 'object' &&
    !prepared.properties &&
    prepared.additionalProperties === undefined &&
    !prepared.allOf
  )
    delete prepared.type;
  return prepared;
}

/** Validates response bodies against the swaggers' response schemas, by operationId and status code. */
export class SwaggerValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  private readonly operations = new Map<string, Operation & { file: string }>();
  private readonly compiled = new Map<string, ValidateFunction>();
  /** The external definitions the copied swaggers used (EXTERNAL_DEFINITIONS). */
  readonly externalDefinitions = new Set<string>();
  readonly validated = new Set<string>();

  constructor() {
    addFormats(this.ajv);
    for (const format of [
      'int32',
      'int64',
      'float',
      'double',
      'arm-id',
      'unixtime',
      'password',
      'base64url',
      'decimal',
    ])
      this.ajv.addFormat(format, true);
    for (const file of Object.values(SWAGGER_FILES)) {
      const document = prepare(JSON.parse(readFileSync(join(SPECS, file), 'utf8')), this.externalDefinitions) as {
        paths: Record<string, Record<string, Operation & { operationId: string }>>;
      };
      this.ajv.addSchema(document as object, file);
      for (const [path, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          if (method !== 'parameters')
            this.operations.set(operation.operationId, { ...operation, method: method.toUpperCase(), path, file });
        }
      }
    }
  }

  operationIds(file: string): string[] {
    return [...this.operations.entries()].filter(([, operation]) => operation.file === file).map(([id]) => id);
  }

  /** Throws with the ajv errors if the body does not match; checks the declared response headers are sent. */
  check(operationId: string, status: number, body: unknown, headers: Record<string, unknown> = {}): void {
    const operation = this.operations.get(operationId);
    if (!operation) throw new Error(`no operation ${operationId} in the swaggers`);
    const declared = operation.responses[String(status)] ?? (status >= 400 ? operation.responses.default : undefined);
    if (!declared)
      throw new Error(
        `${operationId}: the swagger declares no ${status} response (it has ${Object.keys(operation.responses).join(', ')})`,
      );
    for (const header of Object.keys(declared.headers ?? {})) {
      if (headers[header.toLowerCase()] === undefined)
        throw new Error(`${operationId} ${status}: missing header ${header}`);
    }
    if (declared.schema) {
      const validate = this.validatorFor(
        operation.file,
        operationId,
        String(status in operation.responses ? status : 'default'),
        declared.schema,
      );
      if (!validate(body))
        throw new Error(`${operationId} ${status}: ${this.ajv.errorsText(validate.errors, { separator: '\n' })}`);
    } else if (body !== undefined && body !== '') {
      throw new Error(`${operationId} ${status}: the swagger declares no body, the emulator sent one`);
    }
    this.validated.add(operationId);
  }

  /** Validates a value against a named definition (e.g. the preview NetworkAcls). */
  checkDefinition(file: string, definition: string, value: unknown): void {
    const validate = this.ajv.getSchema(`${file}#/definitions/${definition}`);
    if (!validate) throw new Error(`no definition ${definition} in ${file}`);
    if (!validate(value)) throw new Error(`${definition}: ${this.ajv.errorsText(validate.errors)}`);
  }

  private validatorFor(file: string, operationId: string, status: string, schema: unknown): ValidateFunction {
    const key = `${operationId}:${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const pointer = `#/paths/${escapePointer(this.operations.get(operationId)!.path)}/${this.operations.get(operationId)!.method.toLowerCase()}/responses/${status}/schema`;
      validate = this.ajv.getSchema(`${file}${pointer}`) ?? this.ajv.compile(schema as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

const escapePointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
