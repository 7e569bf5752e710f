/**
 * Lost-update guards: a wizard reads a resource, the user thinks, then we write. If someone changed it meanwhile we
 * stop instead of overwriting their change. With an etag ARM does the check (If-Match → 412); resources without a
 * usable etag are re-read and the properties we are about to write are compared.
 */
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentChangeError } from './accessErrors';

export { ConcurrentChangeError };

const REAPPLY_ACTION = 'Refresh the hub to see the current settings, then run the wizard again.';

/** A change someone made since we read `resourceName`; `changedProperties` says what, when a re-read tells. */
export function lostUpdate(
  resourceName: string,
  changedProperties: readonly string[],
  resourceId?: string,
): ConcurrentChangeError {
  const what = changedProperties.length > 0 ? ` (${changedProperties.join(', ')})` : '';
  return new ConcurrentChangeError({
    userMessage: `${resourceName} was changed by someone else since you started${what}. Nothing was written.`,
    action: REAPPLY_ACTION,
    ...(resourceId ? { resourceId } : {}),
  });
}

/** Etags are opaque; ARM sometimes quotes them and sometimes does not, and weak ones carry a W/ prefix. */
export function sameEtag(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) {
    return false;
  }
  const normalize = (etag: string) => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return normalize(a) === normalize(b);
}

/** Throws when the etag read now differs from the one the plan was made with. */
export function assertEtagUnchanged(
  resourceName: string,
  expected: string | undefined,
  current: string | undefined,
): void {
  if (expected !== undefined && !sameEtag(expected, current)) {
    throw lostUpdate(resourceName, []);
  }
}

/** The dotted paths among `paths` whose values differ between two reads. */
export function changedProperties(before: unknown, after: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => !isDeepStrictEqual(valueAt(before, path), valueAt(after, path)));
}

/** Re-read-and-compare, for resources without an etag: throws when any watched property changed. */
export function assertPropertiesUnchanged(
  resourceName: string,
  before: unknown,
  after: unknown,
  paths: readonly string[],
): void {
  const changed = changedProperties(before, after, paths);
  if (changed.length > 0) {
    throw lostUpdate(resourceName, changed);
  }
}

/** Whether an ARM error is the 412 an If-Match or If-None-Match produces. */
export function isPreconditionFailed(error: { readonly statusCode?: number; readonly code?: string }): boolean {
  return error.statusCode === 412 || error.code === 'PreconditionFailed';
}

/** The value at a dotted path such as `properties.networkAcls.ipRules`, or undefined when any step is missing. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
