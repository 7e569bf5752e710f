import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOUDS, customCloud } from '../../../src/model/clouds';
import {
  groupIdOfZone,
  privateDnsZonesFor,
  requiredZonesFor,
  targetOfResourceType,
  zoneConfigName,
} from '../../../src/model/dnsZones';

describe('dnsZones', () => {
  it('gives the workspace both zones in the public cloud', () => {
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureCloud, 'amlworkspace'), [
      'privatelink.api.azureml.ms',
      'privatelink.notebooks.azure.net',
    ]);
  });

  it('uses the sovereign workspace zones', () => {
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureUSGovernment, 'amlworkspace'), [
      'privatelink.api.ml.azure.us',
      'privatelink.notebooks.usgovcloudapi.net',
    ]);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureChinaCloud, 'amlworkspace'), [
      'privatelink.api.ml.azure.cn',
      'privatelink.notebooks.chinacloudapi.cn',
    ]);
  });

  it('uses the sovereign storage, vault and registry zones', () => {
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureUSGovernment, 'blob'), ['privatelink.blob.core.usgovcloudapi.net']);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureChinaCloud, 'file'), ['privatelink.file.core.chinacloudapi.cn']);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureUSGovernment, 'vault'), [
      'privatelink.vaultcore.usgovcloudapi.net',
    ]);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureChinaCloud, 'vault'), ['privatelink.vaultcore.azure.cn']);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureChinaCloud, 'registry'), ['privatelink.azurecr.cn']);
    assert.deepEqual(privateDnsZonesFor(CLOUDS.AzureUSGovernment, 'registry'), ['privatelink.azurecr.us']);
    assert.equal(privateDnsZonesFor(CLOUDS.AzureCloud, 'account').length, 3);
  });

  it('needs blob and file for storage', () => {
    assert.deepEqual(requiredZonesFor(CLOUDS.AzureCloud, 'storage'), [
      { groupId: 'blob', zoneName: 'privatelink.blob.core.windows.net' },
      { groupId: 'file', zoneName: 'privatelink.file.core.windows.net' },
    ]);
  });

  it('follows the DNS cloud of a custom cloud', () => {
    const stamp = customCloud({
      portalUrl: 'https://p',
      resourceManagerEndpoint: 'https://arm',
      dnsCloud: 'AzureChinaCloud',
    });
    assert.equal(privateDnsZonesFor(stamp, 'amlworkspace')[0], 'privatelink.api.ml.azure.cn');
  });

  it('maps resource types case-insensitively and zones back to group ids', () => {
    assert.equal(targetOfResourceType('microsoft.storage/STORAGEACCOUNTS'), 'storage');
    assert.equal(targetOfResourceType('Microsoft.Web/sites'), undefined);
    assert.equal(groupIdOfZone('PrivateLink.API.ml.azure.us.'), 'amlworkspace');
    assert.equal(groupIdOfZone('privatelink.vaultcore.azure.net'), 'vault');
    assert.equal(groupIdOfZone('example.com'), undefined);
  });

  it('names zone configs after the zone without dots', () => {
    assert.equal(zoneConfigName('privatelink.api.azureml.ms'), 'privatelink-api-azureml-ms');
  });
});
