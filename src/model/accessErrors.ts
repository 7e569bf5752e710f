/**
 * Typed, actionable errors of the Azure layer. Every error it throws is an AzureAccessError with a `userMessage` (what
 * happened, in domain words) and an `action` (what the user can do next); the SDK error stays in `cause`. Pure (the
 * lost-update guards of concurrency.ts throw them too); src/azure/errors.ts maps SDK errors onto them.
 */
export type AzureErrorKind =
  | 'signInRequired'
  | 'permissionDenied'
  | 'notFound'
  | 'privateLinkOnly'
  | 'throttled'
  | 'serviceUnavailable'
  | 'network'
  | 'concurrentChange'
  | 'cancelled'
  | 'rejected';

export interface ErrorContext {
  /** The resource the request was about; shown by name in messages. */
  readonly resourceId?: string;
  readonly access?: 'read' | 'write';
  /** The role that would allow the request; defaults to Reader for reads and Network Contributor for writes. */
  readonly requiredRole?: string;
}

export interface ErrorFields {
  readonly userMessage: string;
  readonly action: string;
  readonly statusCode?: number;
  readonly code?: string;
  readonly resourceId?: string;
  readonly cause?: unknown;
}

export abstract class AzureAccessError extends Error {
  abstract readonly kind: AzureErrorKind;
  readonly userMessage: string;
  readonly action: string;
  readonly statusCode: number | undefined;
  /** Azure's error code, e.g. AuthorizationFailed. */
  readonly code: string | undefined;
  readonly resourceId: string | undefined;

  constructor(fields: ErrorFields) {
    super(fields.userMessage, { cause: fields.cause });
    this.name = new.target.name;
    this.userMessage = fields.userMessage;
    this.action = fields.action;
    this.statusCode = fields.statusCode;
    this.code = fields.code;
    this.resourceId = fields.resourceId;
  }
}

export class SignInRequiredError extends AzureAccessError {
  readonly kind = 'signInRequired';
}
export class PermissionDeniedError extends AzureAccessError {
  readonly kind = 'permissionDenied';
}
export class ResourceNotFoundError extends AzureAccessError {
  readonly kind = 'notFound';
}
/** The resource only answers through its private endpoint, and this machine is not on that network. */
export class PrivateLinkOnlyError extends AzureAccessError {
  readonly kind = 'privateLinkOnly';
}
export class ThrottledError extends AzureAccessError {
  readonly kind = 'throttled';
}
export class ServiceUnavailableError extends AzureAccessError {
  readonly kind = 'serviceUnavailable';
}
export class NetworkError extends AzureAccessError {
  readonly kind = 'network';
}
/**
 * Someone changed the resource since we read it: a 412 (stale If-Match, or If-None-Match: * on one that exists), or a
 * re-read-and-compare guard of src/model/concurrency.ts.
 */
export class ConcurrentChangeError extends AzureAccessError {
  readonly kind = 'concurrentChange';
}
export class CancelledError extends AzureAccessError {
  readonly kind = 'cancelled';
}
/** Azure refused the request as such (400, 409, ...): its own message is the most useful thing to show. */
export class RequestRejectedError extends AzureAccessError {
  readonly kind = 'rejected';
}
