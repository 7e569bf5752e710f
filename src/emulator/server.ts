import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Reply, ArmError } from './arm';
import { ADMIN_TOKEN_HEADER, handleAdmin } from './admin';
import { bearerToken, metadataEndpoints } from './auth';
import type { EmulatorCore } from './emulator';
import type { FaultSpec } from './faults';
import type { SeedOption } from './topology';

export interface ServerSettings {
  adminToken: string;
  defaultSeed: SeedOption | undefined;
  /** Timers of hanging requests, cleared on close. */
  hangs: Set<NodeJS.Timeout>;
}

const MEGABYTE = 1024 * 1024;
/**
 * The most an ARM or token request body may hold: ARM's own limit for a template is 4 MB, and the biggest body in the
 * recordings is 43 KB. Without a cap one request holds the emulator's memory (the extension host's, in the sandbox).
 */
export const MAX_REQUEST_BODY_BYTES = 4 * MEGABYTE;
/** The admin API takes snapshots and seeds, which for a generated topology run to a few MB; only with the token. */
export const MAX_ADMIN_BODY_BYTES = 64 * MEGABYTE;

const sleep = (ms: number, hangs?: Set<NodeJS.Timeout>): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => {
      hangs?.delete(timer);
      resolve();
    }, ms);
    hangs?.add(timer);
  });

/** The request pipeline: admin API, faults, latency, identity endpoints, ARM auth, api-version, then the providers. */
export function createRequestHandler(core: EmulatorCore, settings: ServerSettings) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    // Some SDKs join {$host}/{scope} into '//subscriptions/…'; ARM collapses the slashes.
    const url = new URL((request.url ?? '/').replace(/^\/{2,}/, '/'), core.baseUrl);
    const method = (request.method ?? 'GET').toUpperCase();
    const log = (status: number, fault?: FaultSpec['kind']): void =>
      core.log.add({
        time: new Date().toISOString(),
        method,
        path: url.pathname,
        status,
        durationMs: Math.round(performance.now() - started),
        ...(fault ? { fault } : {}),
      });
    if (url.pathname.toLowerCase().startsWith('/_emulator/')) {
      const reply = await adminReply(core, settings, request, method, url);
      send(response, method, reply);
      return;
    }
    const fault = core.faults.take(method, url.pathname);
    if (fault?.kind === 'reset') {
      log(0, 'reset');
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      log(0, 'hang');
      await sleep(fault.hangMs ?? 120_000, settings.hangs);
      request.socket.destroy();
      return;
    }
    if (core.latencyMs > 0) await sleep(core.latencyMs, settings.hangs);
    let reply: Reply;
    try {
      reply =
        fault?.kind === 'status'
          ? faultReply(fault)
          : await armReply(core, request, method, url, fault?.kind === 'lroFailed');
    } catch (error) {
      reply = errorReply(error);
    }
    send(response, method, reply);
    log(reply.status, fault?.kind);
  };
}

async function adminReply(
  core: EmulatorCore,
  settings: ServerSettings,
  request: IncomingMessage,
  method: string,
  url: URL,
): Promise<Reply> {
  const given = Buffer.from(String(request.headers[ADMIN_TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(settings.adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      status: 401,
      body: {
        error: {
          code: 'AdminTokenRequired',
          message: `Send the header ${ADMIN_TOKEN_HEADER} with the adminToken the emulator printed.`,
        },
      },
    };
  }
  try {
    const body = await readJson(request, MAX_ADMIN_BODY_BYTES);
    return await handleAdmin(
      core,
      method,
      url.pathname.slice('/_emulator/'.length),
      url.searchParams,
      body,
      settings.defaultSeed,
    );
  } catch (error) {
    if (error instanceof ArmError) return errorReply(error);
    return {
      status: 400,
      body: { error: { code: 'BadRequest', message: error instanceof Error ? error.message : String(error) } },
    };
  }
}

function faultReply(fault: FaultSpec): Reply {
  const status = fault.status ?? 500;
  const codes: Record<number, string> = {
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined || status === 429)
    headers['Retry-After'] = String(Math.max(1, Math.round(fault.retryAfterSeconds ?? 1)));
  const message =
    status === 429
      ? 'The request was throttled (injected by the emulator). Retry after the number of seconds in Retry-After.'
      : `Injected fault: HTTP ${status}.`;
  return { status, headers, body: { error: { code: codes[status] ?? 'InjectedFault', message } } };
}

async function armReply(
  core: EmulatorCore,
  request: IncomingMessage,
  method: string,
  url: URL,
  failNextLro: boolean,
): Promise<Reply> {
  const path = url.pathname.toLowerCase();
  if (method === 'GET' && path === '/metadata/endpoints')
    return metadataEndpoints(core.baseUrl, url.searchParams.get('api-version') ?? '2015-01-01');
  if (path.startsWith('/adfs/') || path.startsWith('/common/')) return identityReply(core, request, method, path);
  const token = bearerToken(request.headers.authorization);
  if (!token || !core.tokens.isValid(token)) {
    const code = token ? 'InvalidAuthenticationToken' : 'AuthenticationFailed';
    const message = token
      ? 'The access token is invalid or expired.'
      : "Authentication failed. The 'Authorization' header is missing.";
    return {
      status: 401,
      body: { error: { code, message } },
      headers: {
        'WWW-Authenticate': `Bearer authorization_uri="${core.baseUrl}/adfs", error="invalid_token", error_description="${message}"`,
      },
    };
  }
  if (!url.searchParams.get('api-version')) {
    throw new ArmError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  const body = await readJson(request);
  return core.handleArm(core.context(method, url.pathname, url.searchParams, body, request.headers, failNextLro));
}

async function identityReply(
  core: EmulatorCore,
  request: IncomingMessage,
  method: string,
  path: string,
): Promise<Reply> {
  if (method === 'GET' && path.endsWith('/.well-known/openid-configuration')) return core.tokens.openIdConfiguration();
  if (method === 'GET' && path.endsWith('/discovery/instance')) return core.tokens.instanceDiscovery();
  if (method === 'GET' && path.endsWith('/discovery/keys')) return { status: 200, body: { keys: [] } };
  if (method === 'POST' && path.endsWith('/oauth2/token')) {
    const form = new URLSearchParams((await readBody(request)).toString('utf8'));
    return core.tokens.issue(form, request.headers.authorization);
  }
  return {
    status: 404,
    body: { error: 'not_found', error_description: `The emulator's identity endpoint has no ${method} ${path}.` },
  };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ArmError) return { status: error.status, body: error.toBody(), headers: error.headers };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { code: 'InternalServerError', message: `The emulator failed: ${message}` } } };
}

function tooLarge(limit: number, declared?: number): ArmError {
  const size = declared === undefined ? '' : ` (Content-Length ${declared})`;
  return new ArmError(
    413,
    'RequestEntityTooLarge',
    `The request body is over ${limit / MEGABYTE} MB${size}, the most the emulator accepts. Send a smaller request.`,
  );
}

/**
 * The body, up to `limit` bytes. Past it the rest is read and dropped, so the client still gets the 413 on the same
 * connection; node's requestTimeout ends a body that never ends. A byte counter on node's stream: a body-parsing
 * library (raw-body) would add its dependencies to the emulator's bundle for this one comparison.
 */
function readBody(request: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    // Not read at all: node drops the unread body once the answer is sent.
    if (declared > limit) return reject(tooLarge(limit, declared));
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      request.resume();
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson(request: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<unknown> {
  const text = (await readBody(request, limit)).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized: it is not valid JSON.',
    );
  }
}

function send(response: ServerResponse, method: string, reply: Reply): void {
  if (response.destroyed) return;
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': requestId,
    'x-ms-ratelimit-remaining-subscription-reads': '11999',
    ...reply.headers,
  };
  const hasBody = reply.body !== undefined && method !== 'HEAD' && reply.status !== 204;
  if (hasBody) headers['Content-Type'] = 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers);
  response.end(hasBody ? JSON.stringify(reply.body) : undefined);
}
