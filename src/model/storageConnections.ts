/**
 * Which workspace connections reach a storage account with keys. With private storage the project's storage
 * connection must authenticate with Microsoft Entra ID (azure-semantics.md, "Private storage configuration"): keys
 * bypass the role assignments, and an account with shared-key access disabled refuses them.
 */
import { resourceNameOf, sameResourceId } from './armIds';

export interface StorageConnectionCandidate {
  readonly name: string;
  /** Where it was found, for messages: "project proj-a" or "hub hub-a (shared with its projects)". */
  readonly owner: string;
  readonly category?: string;
  readonly target?: string;
  readonly authType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** ConnectionAuthType values that carry the account key, or a token signed with it. */
const KEY_AUTH_TYPES = new Set(['accountkey', 'sas']);
const STORAGE_HOST = /^https?:\/\/([a-z0-9]+)\.(?:blob|file|dfs|queue|table)\.core\.[^/]+/i;

/** Whether a connection points at this storage account: by resource id, account name, or endpoint host. */
export function connectsToStorage(connection: StorageConnectionCandidate, storageAccountId: string): boolean {
  const accountName = resourceNameOf(storageAccountId).toLowerCase();
  const metadata = connection.metadata ?? {};
  if (metadata.ResourceId && sameResourceId(metadata.ResourceId, storageAccountId)) return true;
  if (metadata.AccountName?.toLowerCase() === accountName) return true;
  return STORAGE_HOST.exec(connection.target ?? '')?.[1]?.toLowerCase() === accountName;
}

export function keyBasedStorageConnections(
  connections: readonly StorageConnectionCandidate[],
  storageAccountId: string,
): StorageConnectionCandidate[] {
  return connections.filter(
    (connection) =>
      connectsToStorage(connection, storageAccountId) && KEY_AUTH_TYPES.has((connection.authType ?? '').toLowerCase()),
  );
}

/** The review warning for connections that use keys, or undefined when none does. */
export function keyBasedConnectionsWarning(
  connections: readonly StorageConnectionCandidate[],
  storageAccountId: string,
): string | undefined {
  const found = keyBasedStorageConnections(connections, storageAccountId);
  if (found.length === 0) return undefined;
  const storageName = resourceNameOf(storageAccountId);
  const list = found
    .map((connection) => `"${connection.name}" of ${connection.owner} (authType ${connection.authType ?? ''})`)
    .join(', ');
  return (
    `Warning: ${list} ${found.length === 1 ? 'reaches' : 'reach'} ${storageName} with keys, so the role assignments are not used for it. ` +
    'Change the authentication to Microsoft Entra ID: in the Foundry portal, Management center → Connected resources → the connection → Edit → ' +
    'Authentication: Microsoft Entra ID (authType AAD). The roles this wizard grants are what Microsoft Entra ID access needs.'
  );
}
