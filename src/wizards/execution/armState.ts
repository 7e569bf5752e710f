/** Small reads and comparisons the step runner needs: GET-or-undefined, "already as wanted", provisioning state. */
import type { ServiceClient } from '@azure/core-client';
import { isRestError } from '@azure/core-rest-pipeline';
import { sendArm } from '../../azure/armRequest';

export interface ArmRead {
  readonly body: Record<string, unknown>;
  readonly etag: string | undefined;
}

/** The resource as ARM has it now, or undefined when it does not exist. */
export async function readResource(
  client: ServiceClient,
  resourceId: string,
  apiVersion: string,
  abortSignal?: AbortSignal,
): Promise<ArmRead | undefined> {
  try {
    const response = await sendArm<Record<string, unknown>>(client, {
      method: 'GET',
      path: resourceId,
      apiVersion,
      abortSignal,
    });
    const body = response.body ?? {};
    return { body, etag: response.etag ?? (typeof body.etag === 'string' ? body.etag : undefined) };
  } catch (error) {
    if (isRestError(error) && error.statusCode === 404) return undefined;
    throw error;
  }
}

export function provisioningStateOf(resource: Record<string, unknown>): string | undefined {
  const properties = resource.properties as Record<string, unknown> | undefined;
  const state = properties?.provisioningState;
  return typeof state === 'string' ? state : undefined;
}

/**
 * Whether `current` already holds everything `wanted` says: objects key by key, arrays element for element (in any
 * order), resource ids case-insensitively. Read-only extras in `current` (recordSets, etags) do not matter.
 */
export function holds(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    const unused = [...current];
    return wanted.every((item) => {
      const index = unused.findIndex((candidate) => holds(candidate, item));
      if (index < 0) return false;
      unused.splice(index, 1);
      return true;
    });
  }
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof current !== 'object' || current === null) return false;
    return Object.entries(wanted).every(([key, value]) => holds((current as Record<string, unknown>)[key], value));
  }
  if (typeof wanted === 'string' && typeof current === 'string' && wanted.startsWith('/subscriptions/')) {
    return wanted.toLowerCase() === current.toLowerCase();
  }
  return current === wanted;
}
