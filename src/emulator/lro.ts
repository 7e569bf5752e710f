import { randomUUID } from 'node:crypto';
import { type Reply, nowIso } from './arm';

/**
 * `instant`: done before the reply leaves (tests); `realistic`: done after `durationMs`; `polls`: each new operation
 * answers InProgress to its first `inProgressPolls` polls, then ends (deterministic, for replaying recorded traffic).
 */
export type LroMode = 'instant' | 'realistic' | 'polls';
export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface OperationError {
  code: string;
  message: string;
}

export interface Operation {
  id: string;
  method: string;
  resourceId: string;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  error?: OperationError;
  doneAt: number;
  /** Polls still answered InProgress (`polls` mode). */
  pollsLeft: number;
  onSuccess: () => void;
  onFailure: () => void;
  failing: boolean;
  failWith?: OperationError;
  finalReply?: () => Reply;
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
  /** The operation is accepted but ends Failed with this error, the state untouched (Private DNS preconditions). */
  failWith?: OperationError;
  /** What a Location poll answers once it succeeded, when it is not the resource (or 200/204 for a DELETE). */
  finalReply?: () => Reply;
}

/** Azure's Retry-After is whole seconds; az 2.45 stops polling on a fraction, and waits 30 s without one. */
export const RETRY_AFTER_SECONDS = '1';

/**
 * The long-running operations in flight. Completion is applied lazily (`settle` runs before each request),
 * so realistic mode needs no timers and instant mode completes before the reply leaves.
 */
export class LroEngine {
  private readonly operations = new Map<string, Operation>();
  /** In `polls` mode: how many polls each new operation answers InProgress. */
  inProgressPolls = 0;

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
      doneAt: this.mode === 'realistic' ? Date.now() + this.durationMs : this.mode === 'instant' ? 0 : Infinity,
      pollsLeft: this.mode === 'polls' ? this.inProgressPolls : 0,
    };
    this.operations.set(operation.id, operation);
    if (this.mode === 'instant') this.finish(operation);
    return operation;
  }

  /** One poll of an operation (its status or its Location): in `polls` mode, polling is what moves it on. */
  poll(id: string): Operation | undefined {
    this.settle();
    const operation = this.operations.get(id.toLowerCase());
    if (operation?.status === 'InProgress' && this.mode === 'polls') operation.pollsLeft--;
    return operation;
  }

  /**
   * Completes every operation whose time has come; in `polls` mode, those that have answered all their InProgress
   * polls (the next request sees them done, as time would have passed).
   */
  settle(): void {
    const now = Date.now();
    for (const operation of this.operations.values()) {
      const due = operation.doneAt <= now || (this.mode === 'polls' && operation.pollsLeft <= 0);
      if (operation.status === 'InProgress' && due) this.finish(operation);
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
    if (operation.failWith) {
      operation.status = 'Failed';
      operation.error = operation.failWith;
    } else if (operation.failing) {
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
 * A `Location` poll: 202 while running; when done, the final answer (the resource for a PUT, 200/204 for a DELETE,
 * or the operation's own final reply); a failed operation answers its error.
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
  return operation.finalReply ? operation.finalReply() : finalReply();
}

/** How one family of RPs answers a status poll (Private DNS: 202 while running; ML: percentComplete). */
export interface StatusStyle {
  inProgressStatus?: 200 | 202;
  /** Headers sent with an InProgress answer (Private DNS repeats both polling URLs). */
  inProgressHeaders?: (selfUrl: string) => Record<string, string>;
  body?: (operation: Operation) => Record<string, unknown>;
}

export function statusPollReply(
  operation: Operation | undefined,
  id: string,
  selfUrl: string,
  style: StatusStyle = {},
): Reply {
  if (!operation) return operationNotFound(id);
  const body = (style.body ?? operationStatusBody)(operation);
  if (operation.status !== 'InProgress') return { status: 200, body };
  return {
    status: style.inProgressStatus ?? 200,
    body,
    headers: { 'Retry-After': RETRY_AFTER_SECONDS, ...style.inProgressHeaders?.(selfUrl) },
  };
}
