/**
 * Sends an ARM request with our own api-version and JSON body through an SDK client's OWN pipeline
 * (`ServiceClient.sendOperationRequest`), so it gets the same auth, retry, logging, TLS and cancellation as the typed
 * SDK calls. Used where the installed SDK's models are too old (workspaces: 2022-10-01 drops managedNetwork,
 * hubResourceId, networkAcls) or its stack is retired (Resource Graph).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type {
  FullOperationResponse,
  OperationQueryParameter,
  OperationSpec,
  OperationURLParameter,
  OperationOptions,
  OperationParameter,
  ServiceClient,
} from '@azure/core-client';
import { createSerializer } from '@azure/core-client';
import { RestError } from '@azure/core-rest-pipeline';
import type { LroResourceLocationConfig, LroResponse } from '@azure/core-lro';
import { createHttpPoller } from '@azure/core-lro';

export type ArmMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

export interface ArmRequest {
  readonly method: ArmMethod;
  /** A resource id or ARM path beginning with '/'. */
  readonly path: string;
  readonly apiVersion: string;
  readonly body?: unknown;
  readonly ifMatch?: string;
  /** `*` refuses to overwrite an existing resource (412). */
  readonly ifNoneMatch?: string;
  readonly abortSignal?: AbortSignalLike;
}

export interface ArmResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly etag: string | undefined;
  /** A response header by (case-insensitive) name, e.g. Resource Graph's quota headers. */
  header(name: string): string | undefined;
}

export interface LongRunningOptions {
  /** Used when the service sends no Retry-After. */
  readonly pollIntervalInMs?: number;
  /** Where the final resource is read from; workspaces answer 202 + Location. */
  readonly resourceLocationConfig?: LroResourceLocationConfig;
}

const serializer = createSerializer({}, false);

const pathParameter: OperationURLParameter = {
  parameterPath: 'path',
  mapper: { serializedName: 'path', required: true, type: { name: 'String' } },
  // Resource ids are already URL paths: encoding would turn their slashes into %2F.
  skipEncoding: true,
};

const apiVersionParameter: OperationQueryParameter = {
  parameterPath: 'apiVersion',
  mapper: { serializedName: 'api-version', required: true, type: { name: 'String' } },
};

const bodyParameter: OperationParameter = {
  parameterPath: 'body',
  // 'Object' passes our typed JSON through unchanged: no SDK mapper may drop fields it does not know.
  mapper: { serializedName: 'body', required: true, type: { name: 'Object' } },
};

const headerParameters: OperationParameter[] = [
  {
    parameterPath: 'accept',
    mapper: { serializedName: 'Accept', isConstant: true, defaultValue: 'application/json', type: { name: 'String' } },
  },
  { parameterPath: ['options', 'ifMatch'], mapper: { serializedName: 'If-Match', type: { name: 'String' } } },
  { parameterPath: ['options', 'ifNoneMatch'], mapper: { serializedName: 'If-None-Match', type: { name: 'String' } } },
];

const contentTypeParameter: OperationParameter = {
  parameterPath: 'contentType',
  mapper: {
    serializedName: 'Content-Type',
    isConstant: true,
    defaultValue: 'application/json',
    type: { name: 'String' },
  },
};

function operationSpec(method: ArmMethod, hasBody: boolean): OperationSpec {
  return {
    path: '{path}',
    httpMethod: method,
    // Any 2xx is success; anything else becomes a RestError carrying Azure's error code.
    responses: { 200: {}, 201: {}, 202: {}, 204: {}, default: {} },
    queryParameters: [apiVersionParameter],
    urlParameters: [pathParameter],
    headerParameters: hasBody ? [...headerParameters, contentTypeParameter] : headerParameters,
    ...(hasBody ? { requestBody: bodyParameter, mediaType: 'json' as const } : {}),
    serializer,
  };
}

async function sendRaw(client: ServiceClient, request: ArmRequest): Promise<FullOperationResponse> {
  let raw: FullOperationResponse | undefined;
  const hasBody = request.body !== undefined;
  await client.sendOperationRequest(
    {
      path: request.path,
      apiVersion: request.apiVersion,
      ...(hasBody ? { body: request.body } : {}),
      options: conditionalOptions(request, (response) => {
        raw = response;
      }),
    },
    operationSpec(request.method, hasBody),
  );
  if (!raw) {
    throw new Error(`No response for ${request.method} ${request.path}`);
  }
  return raw;
}

/** The SDKs carry If-Match / If-None-Match inside `options`, beside the standard operation options. */
function conditionalOptions(
  request: ArmRequest,
  onResponse: (response: FullOperationResponse) => void,
): OperationOptions & { ifMatch?: string; ifNoneMatch?: string } {
  return { abortSignal: request.abortSignal, ifMatch: request.ifMatch, ifNoneMatch: request.ifNoneMatch, onResponse };
}

function toArmResponse<T>(raw: FullOperationResponse): ArmResponse<T> {
  return {
    status: raw.status,
    body: raw.parsedBody as T,
    etag: raw.headers.get('etag') ?? undefined,
    header: (name) => raw.headers.get(name) ?? undefined,
  };
}

export async function sendArm<T>(client: ServiceClient, request: ArmRequest): Promise<ArmResponse<T>> {
  return toArmResponse<T>(await sendRaw(client, request));
}

function toLroResponse(raw: FullOperationResponse): LroResponse {
  return {
    flatResponse: raw.parsedBody,
    rawResponse: { statusCode: raw.status, headers: raw.headers.toJSON(), body: raw.parsedBody },
  };
}

/**
 * A PUT, PATCH or DELETE that may answer 201/202 and finish later: awaited with @azure/core-lro's HTTP poller, the
 * poller every ARM SDK uses (Azure-AsyncOperation, Location, Retry-After, Failed/Canceled states).
 * An operation that ends Failed or Canceled throws a RestError carrying the operation's own error code, so a caller
 * can tell, say, a Private DNS `PreconditionFailed` (a zone that exists, as Azure reports it: 202, then Failed) from
 * an immediate 412.
 */
export async function sendArmLongRunning(
  client: ServiceClient,
  request: ArmRequest,
  options: LongRunningOptions = {},
): Promise<void> {
  let lastPoll: unknown;
  const poller = await createHttpPoller(
    {
      requestPath: request.path,
      requestMethod: request.method,
      sendInitialRequest: async () => toLroResponse(await sendRaw(client, request)),
      // Polls are plain GETs: no body, and no precondition (If-None-Match: * would fail on the resource just created).
      sendPollRequest: async (pollPath, pollOptions) => {
        const response = toLroResponse(
          await sendRaw(client, {
            method: 'GET',
            path: pollPath,
            apiVersion: request.apiVersion,
            abortSignal: pollOptions?.abortSignal ?? request.abortSignal,
          }),
        );
        lastPoll = response.flatResponse;
        return response;
      },
    },
    {
      resolveOnUnsuccessful: true,
      ...(options.pollIntervalInMs !== undefined ? { intervalInMs: options.pollIntervalInMs } : {}),
      ...(options.resourceLocationConfig ? { resourceLocationConfig: options.resourceLocationConfig } : {}),
    },
  );
  await poller.pollUntilDone({ abortSignal: request.abortSignal });
  const state = poller.getOperationState();
  if (state.status === 'failed' || state.status === 'canceled') throw operationFailure(state.status, lastPoll);
}

/** The error of an operation that ended Failed (or Canceled), from its last status: `{status, error: {code, message}}`. */
function operationFailure(status: 'failed' | 'canceled', lastPoll: unknown): RestError {
  const error = (lastPoll as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : status === 'canceled' ? 'Canceled' : undefined;
  const detail = [code, typeof error?.message === 'string' ? error.message : undefined].filter(Boolean).join('. ');
  const outcome = status === 'canceled' ? 'was canceled' : 'has failed';
  return new RestError(`The long-running operation ${outcome}${detail ? `. ${detail}` : ''}`, code ? { code } : {});
}
