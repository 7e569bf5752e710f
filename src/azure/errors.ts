/**
 * Typed, actionable errors. Every error this layer throws is an AzureAccessError with a `userMessage` (what happened,
 * in domain words) and an `action` (what the user can do next); the SDK error stays in `cause`.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import { tryParseResourceId } from '../model/armIds';
import {
  AzureAccessError,
  CancelledError,
  ConcurrentChangeError,
  NetworkError,
  PermissionDeniedError,
  PrivateLinkOnlyError,
  RequestRejectedError,
  ResourceNotFoundError,
  ServiceUnavailableError,
  SignInRequiredError,
  ThrottledError,
  type ErrorContext,
  type ErrorFields,
} from '../model/accessErrors';
import { isPreconditionFailed } from '../model/concurrency';
import { ROLE_NAMES, ROLES, roleToWrite } from '../model/roles';

export {
  AzureAccessError,
  CancelledError,
  ConcurrentChangeError,
  NetworkError,
  PermissionDeniedError,
  PrivateLinkOnlyError,
  RequestRejectedError,
  ResourceNotFoundError,
  ServiceUnavailableError,
  SignInRequiredError,
  ThrottledError,
  type AzureErrorKind,
  type ErrorContext,
} from '../model/accessErrors';

/**
 * Error codes services use when a caller outside the private network reaches a resource whose public access is off.
 * ARM itself answers from anywhere; these come from data planes and from ARM proxies to them.
 */
const PRIVATE_LINK_ONLY_CODES = new Set(
  [
    'PublicNetworkAccessDisabled',
    'PublicAccessDisabled',
    'ForbiddenByConnection',
    'ForbiddenByFirewall',
    'IpAuthorizationError',
    'RequestOriginNotAllowed',
    'DeniedByNetworkAcls',
  ].map((code) => code.toLowerCase()),
);

const REAPPLY_ACTION = 'Refresh, check the new settings, and apply your change again.';

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
]);

export function isAzureAccessError(error: unknown): error is AzureAccessError {
  return error instanceof AzureAccessError;
}

/** Creating or deleting a role assignment needs Microsoft.Authorization/roleAssignments/write on its scope. */
export const ROLE_ASSIGNMENT_ADMINISTRATOR = ROLE_NAMES.roleAssignmentAdministrator;

const ROLE_ASSIGNMENT_ID = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

/** ARM's answer to a new assignment of a role a principal already has at that scope (under another name). */
export function isRoleAssignmentExists(error: unknown): boolean {
  return isRestError(error) && error.statusCode === 409 && /RoleAssignmentExists/i.test(error.code ?? '');
}

/** A role assignment is named by its scope in messages (its own name is a GUID), and needs an RBAC role to write. */
function withRoleAssignmentScope(context: ErrorContext): ErrorContext {
  const scope = ROLE_ASSIGNMENT_ID.exec(context.resourceId ?? '')?.[1];
  if (!scope) return context;
  const requiredRole = context.requiredRole ?? (context.access === 'write' ? ROLE_ASSIGNMENT_ADMINISTRATOR : undefined);
  return { ...context, resourceId: scope, ...(requiredRole ? { requiredRole } : {}) };
}

/** Maps anything an SDK call threw to an AzureAccessError (returned as is when it already is one). */
export function toAzureAccessError(error: unknown, givenContext: ErrorContext = {}): AzureAccessError {
  if (error instanceof AzureAccessError) {
    return error;
  }
  const context = withRoleAssignmentScope(givenContext);
  const target = describeTarget(context.resourceId);
  const base = { resourceId: context.resourceId, cause: error };
  if (isAbort(error)) {
    return new CancelledError({
      ...base,
      userMessage: 'The request was cancelled.',
      action: 'Run the command again when you are ready.',
    });
  }
  if (isRestError(error) && error.statusCode !== undefined) {
    return fromStatus(error.statusCode, error.code, error.message, target, context, base);
  }
  const systemCode = isRestError(error) ? error.code : (error as { code?: unknown } | undefined)?.code;
  if (typeof systemCode === 'string' && NETWORK_ERROR_CODES.has(systemCode)) {
    return networkError(systemCode, target, base);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RequestRejectedError({
    ...base,
    userMessage: `Azure request failed: ${message}`,
    action: 'Try again; if it keeps failing, report it with the output log.',
  });
}

function fromStatus(
  status: number,
  code: string | undefined,
  azureMessage: string,
  target: string,
  context: ErrorContext,
  base: { resourceId: string | undefined; cause: unknown },
): AzureAccessError {
  const fields = { ...base, statusCode: status, code };
  if (code && PRIVATE_LINK_ONLY_CODES.has(code.toLowerCase())) {
    return privateLinkOnly(target, fields);
  }
  if (isPreconditionFailed({ statusCode: status, code })) {
    // The If-Match (or If-None-Match: *) failed, so ARM applied none of the write.
    return new ConcurrentChangeError({
      ...fields,
      userMessage: `${capitalize(target)} was changed by someone else since it was read. Nothing was written.`,
      action: REAPPLY_ACTION,
    });
  }
  switch (status) {
    case 401:
      return new SignInRequiredError({
        ...fields,
        userMessage: 'Your Azure sign-in has expired or was refused.',
        action: 'Sign in to Azure again.',
      });
    case 403: {
      const role =
        context.requiredRole ??
        (context.access === 'write' ? roleToWrite(context.resourceId ?? '') : ROLES.reader.name);
      return new PermissionDeniedError({
        ...fields,
        userMessage: `You need the ${role} role on ${target}.`,
        action: `Ask an owner of ${target} to assign you the ${role} role, then refresh.`,
      });
    }
    case 404:
      return new ResourceNotFoundError({
        ...fields,
        userMessage: `${capitalize(target)} no longer exists (or was never created).`,
        action: 'Refresh the view to drop it.',
      });
    case 429:
      return new ThrottledError({
        ...fields,
        userMessage: 'Azure is throttling requests from your account.',
        action: 'Wait a minute and try again.',
      });
    default:
      break;
  }
  if (status >= 500) {
    return new ServiceUnavailableError({
      ...fields,
      userMessage: `Azure could not answer (${status}${code ? ` ${code}` : ''}).`,
      action: 'Try again in a few minutes; check the Azure status page if it persists.',
    });
  }
  return new RequestRejectedError({
    ...fields,
    userMessage: `Azure refused the request for ${target}: ${azureMessage}`,
    action: "Check the values you entered; the message above is Azure's own.",
  });
}

function privateLinkOnly(
  target: string,
  fields: ErrorFields | Omit<ErrorFields, 'userMessage' | 'action'>,
): AzureAccessError {
  return new PrivateLinkOnlyError({
    ...fields,
    userMessage: `${capitalize(target)} only accepts traffic through its private endpoint, and this machine is not on that network.`,
    action:
      'Connect through the VNet (VPN, ExpressRoute, Bastion or a jump box), or add your IP to its allowed addresses.',
  });
}

function networkError(
  systemCode: string,
  target: string,
  base: { resourceId: string | undefined; cause: unknown },
): AzureAccessError {
  return new NetworkError({
    ...base,
    code: systemCode,
    userMessage: `Could not reach Azure for ${target} (${systemCode}).`,
    action: 'Check your network connection and proxy settings, then try again.',
  });
}

/** For data-plane calls: a refused connection to a private-link-only host means "not on its network". */
export function toDataPlaneError(error: unknown, context: ErrorContext): AzureAccessError {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return privateLinkOnly(describeTarget(context.resourceId), { resourceId: context.resourceId, code, cause: error });
  }
  return toAzureAccessError(error, context);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function describeTarget(resourceId: string | undefined): string {
  const parsed = resourceId ? tryParseResourceId(resourceId) : undefined;
  const last = parsed?.resources[parsed.resources.length - 1];
  if (last) {
    return last.name;
  }
  if (parsed?.resourceGroup) {
    return `resource group ${parsed.resourceGroup}`;
  }
  return parsed ? `subscription ${parsed.subscriptionId}` : 'the resource';
}

/** Starts a sentence with the target: descriptive words get a capital, resource names keep their exact spelling. */
function capitalize(target: string): string {
  return /^(the |resource group |subscription )/.test(target)
    ? target.charAt(0).toUpperCase() + target.slice(1)
    : target;
}

/** Runs an SDK call and maps whatever it throws. */
export async function mapAzureErrors<T>(context: ErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAzureAccessError(error, context);
  }
}
