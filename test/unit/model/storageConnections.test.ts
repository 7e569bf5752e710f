import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  connectsToStorage,
  keyBasedConnectionsWarning,
  keyBasedStorageConnections,
} from '../../../src/model/storageConnections';

const STORAGE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stsales';
const owner = 'project p-sales';

describe('storage connections', () => {
  it('recognises a connection to the account by resource id, account name or endpoint host', () => {
    assert.ok(connectsToStorage({ name: 'a', owner, metadata: { ResourceId: STORAGE.toUpperCase() } }, STORAGE));
    assert.ok(connectsToStorage({ name: 'b', owner, metadata: { AccountName: 'STSALES' } }, STORAGE));
    assert.ok(connectsToStorage({ name: 'c', owner, target: 'https://stsales.dfs.core.windows.net/data' }, STORAGE));
    assert.ok(!connectsToStorage({ name: 'd', owner, target: 'https://stsalesx.blob.core.windows.net/' }, STORAGE));
    assert.ok(!connectsToStorage({ name: 'e', owner, target: 'https://stsales.openai.azure.com/' }, STORAGE));
  });

  it('flags AccountKey and SAS, not Microsoft Entra ID or managed identity', () => {
    const target = 'https://stsales.blob.core.windows.net/data';
    const connections = ['AccountKey', 'SAS', 'AAD', 'ManagedIdentity'].map((authType) => ({
      name: authType,
      owner,
      target,
      authType,
    }));
    assert.deepEqual(
      keyBasedStorageConnections(connections, STORAGE).map((connection) => connection.name),
      ['AccountKey', 'SAS'],
    );
    assert.equal(keyBasedConnectionsWarning(connections.slice(2), STORAGE), undefined);
    assert.match(
      keyBasedConnectionsWarning(connections, STORAGE) ?? '',
      /^Warning: "AccountKey" of project p-sales \(authType AccountKey\), "SAS" of project p-sales \(authType SAS\) reach stsales with keys[\s\S]*Authentication: Microsoft Entra ID/,
    );
  });
});
