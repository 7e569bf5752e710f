import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * $refs into files that were not copied (common-types v3 types.json and managedidentity.json, network.json,
 * virtualNetwork.json, networkInterface.json, privateLinkService.json, applicationSecurityGroup.json,
 * machineLearningServices.json) are replaced by `{}`: permissive. Local `#/definitions/...` refs are resolved.
 */
export const STUBBED_REF = /^(?!#)/;

interface Operation {
  method: string;
  path: string;
  responses: Record<string, { schema?: unknown; headers?: Record<string, unknown> }>;
}

/** common-types v3 resource envelopes, reduced to their property names (so `additionalProperties: false` works). */
const RESOURCE_STUBS: Record<string, Record<string, unknown>> = {
  Resource: { id: {}, name: {}, type: {}, systemData: {} },
  ProxyResource: { id: {}, name: {}, type: {}, systemData: {} },
  TrackedResource: { id: {}, name: {}, type: {}, systemData: {}, location: {}, tags: {} },
  AzureEntityResource: { id: {}, name: {}, type: {}, systemData: {}, etag: {} },
};

/**
 * Swagger 2.0 is not JSON Schema: brings the copied swaggers to what autorest means, so ajv checks what Azure promises.
 * - `$ref` into a file not copied becomes `{}` (permissive), or the stub of a common-types resource envelope;
 * - `additionalProperties: false` next to `allOf` counts the parents' properties (autorest flattens them);
 * - a bare `type: object` (no properties) is autorest's "any" (Resource Graph's `data` is an array in practice).
 */
function prepare(node: unknown, stubbed: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, stubbed));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string' && STUBBED_REF.test(record.$ref)) {
    const [file, pointer = ''] = record.$ref.split('#');
    if (!file.includes('/examples/') && !file.startsWith('./examples')) stubbed.add(file);
    const envelope = RESOURCE_STUBS[pointer.split('/').pop() ?? ''];
    return envelope && file.endsWith('types.json') ? { properties: envelope } : {};
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
  readonly stubbedFiles = new Set<string>();
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
      const document = prepare(JSON.parse(readFileSync(join(SPECS, file), 'utf8')), this.stubbedFiles) as {
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
