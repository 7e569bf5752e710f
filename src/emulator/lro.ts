import { randomUUID } from 'node:crypto';
import { type Reply, nowIso } from './arm';

export type LroMode = 'instant' | 'realistic';
export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface Operation {
  id: string;
  method: string;
  resourceId: string;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
  doneAt: number;
  onSuccess: () => void;
  onFailure: () => void;
  failing: boolean;
}

export interface StartOptions {
  method: string;
  resourceId: string;
  /** Applies the outcome to the state (provisioningState Succeeded, or the actual delete). */
  onSuccess: () => void;
  /** Leaves the state as a failed operation would (provisioningState Failed). */
  onFailure: () => void;
  /** A `lroFailed` fault matched this request. */
  failing: boolean;
}

/** Azure's Retry-After is whole seconds; az 2.45 stops polling on a fraction, and waits 30 s without one. */
export const RETRY_AFTER_SECONDS = '1';

/**
 * The long-running operations in flight. Completion is applied lazily (`settle` runs before each request),
 * so realistic mode needs no timers and instant mode completes before the reply leaves.
 */
export class LroEngine {
  private readonly operations = new Map<string, Operation>();

  constructor(
    public mode: LroMode,
    public durationMs: number,
  ) {}

  start(options: StartOptions): Operation {
    const operation: Operation = {
      id: randomUUID(),
      ...options,
      status: 'InProgress',
      startTime: nowIso(),
      doneAt: Date.now() + (this.mode === 'instant' ? 0 : this.durationMs),
    };
    this.operations.set(operation.id, operation);
    if (this.mode === 'instant') this.finish(operation);
    return operation;
  }

  get(id: string): Operation | undefined {
    this.settle();
    return this.operations.get(id.toLowerCase());
  }

  /** Completes every operation whose time has come. */
  settle(): void {
    const now = Date.now();
    for (const operation of this.operations.values()) {
      if (operation.status === 'InProgress' && operation.doneAt <= now) this.finish(operation);
    }
  }

  /** Whether a resource has an operation still running (a second write then conflicts). */
  inProgress(resourceId: string): boolean {
    this.settle();
    const key = resourceId.toLowerCase();
    return [...this.operations.values()].some(
      (operation) => operation.status === 'InProgress' && operation.resourceId.toLowerCase() === key,
    );
  }

  clear(): void {
    this.operations.clear();
  }

  private finish(operation: Operation): void {
    operation.endTime = nowIso();
    if (operation.failing) {
      operation.status = 'Failed';
      operation.error = {
        code: 'InternalServerError',
        message: `The operation '${operation.method}' on '${operation.resourceId}' failed (injected by the emulator's lroFailed fault).`,
      };
      operation.onFailure();
    } else {
      operation.status = 'Succeeded';
      operation.onSuccess();
    }
  }
}

/** The body of an Azure-AsyncOperation status resource. */
export function operationStatusBody(operation: Operation): Record<string, unknown> {
  return {
    id: operation.id,
    name: operation.id,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime ? { endTime: operation.endTime } : {}),
    ...(operation.error ? { error: operation.error } : {}),
  };
}

export const operationNotFound = (id: string): Reply => ({
  status: 404,
  body: { error: { code: 'OperationNotFound', message: `The operation '${id}' was not found.` } },
});

/**
 * A `Location` poll: 202 while running; when done, the final answer (the resource for a PUT, 200/204 for a DELETE);
 * a failed operation answers its error.
 */
export function locationPollReply(
  operation: Operation | undefined,
  id: string,
  selfUrl: string,
  finalReply: () => Reply,
): Reply {
  if (!operation) return operationNotFound(id);
  if (operation.status === 'InProgress')
    return { status: 202, headers: { Location: selfUrl, 'Retry-After': RETRY_AFTER_SECONDS } };
  if (operation.status === 'Failed') return { status: 500, body: { error: operation.error } };
  return finalReply();
}

export function statusPollReply(operation: Operation | undefined, id: string): Reply {
  if (!operation) return operationNotFound(id);
  const headers: Record<string, string> =
    operation.status === 'InProgress' ? { 'Retry-After': RETRY_AFTER_SECONDS } : {};
  return { status: 200, body: operationStatusBody(operation), headers };
}
