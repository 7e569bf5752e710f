/**
 * Workspace reads at today's api-versions, sent through the machine learning SDK client's own pipeline.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { ServiceClient } from '@azure/core-client';
import { isRestError } from '@azure/core-rest-pipeline';
import type { NetworkAclsRead } from '../model/hubState';
import { API_VERSIONS } from './apiVersions';
import { sendArm } from './armRequest';
import type { ArmList, ArmWorkspace } from './workspaceModels';

export interface WorkspaceRead {
  readonly arm: ArmWorkspace;
  readonly etag: string | undefined;
  /** Whether the preview read (with networkAcls) worked, or why we fell back to the stable version. */
  readonly networkAclsRead: NetworkAclsRead;
}

/** Codes ARM uses when an api-version is unknown to the provider (e.g. a preview withdrawn in this cloud). */
const API_VERSION_REFUSED = /apiversion|api-version|NoRegisteredProviderFound/i;

function isApiVersionRefused(error: unknown): boolean {
  return (
    isRestError(error) &&
    (error.statusCode === 400 || error.statusCode === 404) &&
    API_VERSION_REFUSED.test(`${error.code ?? ''} ${error.message}`)
  );
}

/** Clients (hence clouds) that refused the preview once: later reads go straight to stable, keeping 3 round trips. */
const previewRefusedBy = new WeakMap<ServiceClient, string>();

/** Reads with the preview api-version (for networkAcls); if the preview is refused, reads the stable one. */
export async function readWorkspace(
  client: ServiceClient,
  workspaceId: string,
  abortSignal?: AbortSignalLike,
): Promise<WorkspaceRead> {
  const refusal = previewRefusedBy.get(client);
  if (refusal) {
    return readStable(client, workspaceId, refusal, abortSignal);
  }
  try {
    const response = await sendArm<ArmWorkspace>(client, {
      method: 'GET',
      path: workspaceId,
      apiVersion: API_VERSIONS.workspacesPreview,
      abortSignal,
    });
    return {
      arm: response.body,
      etag: response.etag ?? response.body.etag ?? undefined,
      networkAclsRead: { succeeded: true },
    };
  } catch (error) {
    if (!isApiVersionRefused(error)) {
      throw error;
    }
    const message = `The preview api-version ${API_VERSIONS.workspacesPreview} that carries workspace IP rules was refused: ${(error as Error).message}`;
    previewRefusedBy.set(client, message);
    return readStable(client, workspaceId, message, abortSignal);
  }
}

async function readStable(
  client: ServiceClient,
  workspaceId: string,
  refusal: string,
  abortSignal?: AbortSignalLike,
): Promise<WorkspaceRead> {
  const response = await sendArm<ArmWorkspace>(client, {
    method: 'GET',
    path: workspaceId,
    apiVersion: API_VERSIONS.workspaces,
    abortSignal,
  });
  return {
    arm: response.body,
    etag: response.etag ?? response.body.etag ?? undefined,
    networkAclsRead: { succeeded: false, message: refusal },
  };
}

/** Every page of an ARM list (nextLink is followed as given: it carries its own api-version and skip token). */
export async function listAllPages<T>(
  client: ServiceClient,
  path: string,
  apiVersion: string,
  abortSignal?: AbortSignalLike,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const page: { body: ArmList<T> } = await sendArm<ArmList<T>>(client, {
      method: 'GET',
      path: next,
      apiVersion,
      abortSignal,
    });
    items.push(...(page.body?.value ?? []));
    next = page.body?.nextLink || undefined;
  }
  return items;
}

export function listWorkspacesInSubscription(
  client: ServiceClient,
  subscriptionId: string,
  abortSignal?: AbortSignalLike,
): Promise<ArmWorkspace[]> {
  const path = `/subscriptions/${subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces`;
  return listAllPages<ArmWorkspace>(client, path, API_VERSIONS.workspaces, abortSignal);
}
