import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLOUDS,
  cloudForResourceManagerEndpoint,
  customCloud,
  findCloud,
  portalResourceUrl,
  resourceManagerUrl,
} from '../../../src/model/clouds';

const ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub';

describe('clouds', () => {
  it('finds clouds by the names az, the SDKs and VS Code use, ignoring case', () => {
    assert.equal(findCloud('AzureCloud'), CLOUDS.AzureCloud);
    assert.equal(findCloud('azurechinacloud'), CLOUDS.AzureChinaCloud);
    assert.equal(findCloud('USGovernment'), CLOUDS.AzureUSGovernment);
    assert.equal(findCloud(' AzureUSGovernment '), CLOUDS.AzureUSGovernment);
    assert.equal(findCloud('AzureGermanCloud'), undefined);
  });

  it('builds portal deep links per cloud, with the tenant when known', () => {
    assert.equal(portalResourceUrl(CLOUDS.AzureCloud, ID), `https://portal.azure.com/#/resource${ID}`);
    assert.equal(portalResourceUrl(CLOUDS.AzureChinaCloud, ID, 't1'), `https://portal.azure.cn/#@t1/resource${ID}`);
    assert.equal(portalResourceUrl(CLOUDS.AzureUSGovernment, ID.slice(1)), `https://portal.azure.us/#/resource${ID}`);
  });

  it('builds ARM URLs with the api-version', () => {
    assert.equal(
      resourceManagerUrl(CLOUDS.AzureUSGovernment, ID, '2025-10-01-preview'),
      `https://management.usgovcloudapi.net${ID}?api-version=2025-10-01-preview`,
    );
  });

  it('recognises a known cloud by its ARM host and treats others as custom with public DNS', () => {
    assert.equal(cloudForResourceManagerEndpoint('https://management.chinacloudapi.cn/'), CLOUDS.AzureChinaCloud);
    const local = cloudForResourceManagerEndpoint('https://127.0.0.1:8443/', 'https://127.0.0.1:8443/portal/');
    assert.equal(local.name, 'Custom');
    assert.equal(local.dnsCloud, 'AzureCloud');
    assert.equal(local.resourceManagerEndpoint, 'https://127.0.0.1:8443');
    assert.equal(portalResourceUrl(local, ID), `https://127.0.0.1:8443/portal/#/resource${ID}`);
  });

  it('lets a custom cloud borrow a sovereign cloud DNS names', () => {
    const stamp = customCloud({
      portalUrl: 'https://p',
      resourceManagerEndpoint: 'https://arm',
      dnsCloud: 'AzureUSGovernment',
    });
    assert.equal(stamp.dnsCloud, 'AzureUSGovernment');
  });
});
