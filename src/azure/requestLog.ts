/**
 * A pipeline policy that tells an injected logger about every ARM request attempt. It sits after the retry policy, so
 * a retried request is reported once per attempt. It never reads headers: no token can leak into a log.
 */
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import { isRestError } from '@azure/core-rest-pipeline';

export interface ArmRequestEvent {
  readonly method: string;
  /** The URL path, without host or query. */
  readonly path: string;
  readonly apiVersion: string | undefined;
  /** Undefined when no HTTP answer came (network error, cancellation). */
  readonly status: number | undefined;
  readonly durationMs: number;
  /** An error code when the attempt failed without an HTTP answer (e.g. ECONNRESET, AbortError). */
  readonly errorCode?: string;
}

export type ArmRequestLogger = (event: ArmRequestEvent) => void;

/**
 * The output channel's line for one attempt: method, path, status, duration. Built from the event alone, which holds
 * neither headers, nor the query, nor a body: no token, SAS signature or client secret can reach the log.
 */
export function armRequestLogLine(event: ArmRequestEvent): { line: string; failed: boolean } {
  const status = event.status ?? event.errorCode ?? 'no answer';
  return {
    line: `${event.method} ${event.path} → ${status} (${event.durationMs.toFixed(0)} ms)`,
    failed: event.status === undefined || event.status >= 400,
  };
}

export const REQUEST_LOG_POLICY_NAME = 'foundryNetworkRequestLog';

export function requestLogPolicy(logger: ArmRequestLogger): PipelinePolicy {
  return {
    name: REQUEST_LOG_POLICY_NAME,
    async sendRequest(request, next) {
      const started = performance.now();
      try {
        const response = await next(request);
        report(logger, request, started, response.status);
        return response;
      } catch (error) {
        const status = isRestError(error) ? error.statusCode : undefined;
        report(logger, request, started, status, errorCodeOf(error));
        throw error;
      }
    },
  };
}

function report(
  logger: ArmRequestLogger,
  request: PipelineRequest,
  started: number,
  status: number | undefined,
  errorCode?: string,
): void {
  const url = new URL(request.url);
  const event: ArmRequestEvent = {
    method: request.method,
    path: url.pathname,
    apiVersion: url.searchParams.get('api-version') ?? undefined,
    status,
    durationMs: Math.round(performance.now() - started),
    ...(errorCode ? { errorCode } : {}),
  };
  try {
    logger(event);
  } catch {
    // A broken logger must never break an ARM call.
  }
}

function errorCodeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string') {
      return code;
    }
    if (typeof name === 'string') {
      return name;
    }
  }
  return undefined;
}
