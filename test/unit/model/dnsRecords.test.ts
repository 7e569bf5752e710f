import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOUDS } from '../../../src/model/clouds';
import {
  MAX_DNS_LABEL_LENGTH,
  customDnsRecords,
  customDnsZoneOf,
  notebookHostLabel,
  privateZoneRecordOf,
  type CustomDnsRecordsInput,
} from '../../../src/model/dnsRecords';

const GUID = 'fb7e20a0-8891-458b-b969-55ddb3382f51';
const PROJECT_GUID = '11111111-2222-4333-8444-555555555555';

function input(overrides: Partial<CustomDnsRecordsInput> = {}): CustomDnsRecordsInput {
  return {
    cloud: CLOUDS.AzureCloud,
    region: 'eastus',
    hub: { name: 'myworkspace', workspaceId: GUID },
    endpointDnsConfigs: [
      { fqdn: `${GUID}.workspace.eastus.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
      { fqdn: `${GUID}.workspace.eastus.cert.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
      { fqdn: `ml-myworkspace-eastus-${GUID}.eastus.notebooks.azure.net`, ipAddresses: ['10.1.0.6'] },
      { fqdn: '*.eastus.inference.ml.azure.com', ipAddresses: ['10.1.0.7'] },
    ],
    ...overrides,
  };
}

describe('notebookHostLabel', () => {
  // "ml-" + "-eastus-" + 36-character GUID = 47 characters, so 16 are left for the name.
  const budget = MAX_DNS_LABEL_LENGTH - `ml--eastus-${GUID}`.length;

  it('keeps names that fit whole', () => {
    assert.equal(budget, 16);
    const name = 'n'.repeat(budget - 1);
    assert.equal(notebookHostLabel(name, 'eastus', GUID), `ml-${name}-eastus-${GUID}`);
    assert.equal(notebookHostLabel(name, 'eastus', GUID).length, 62);
  });

  it('is exactly 63 when the name fits exactly', () => {
    const name = 'n'.repeat(budget);
    assert.equal(notebookHostLabel(name, 'eastus', GUID), `ml-${name}-eastus-${GUID}`);
    assert.equal(notebookHostLabel(name, 'eastus', GUID).length, 63);
  });

  it('truncates only the name, one character over and far over', () => {
    for (const extra of [1, 2, 40]) {
      const name = `${'a'.repeat(budget)}${'z'.repeat(extra)}`;
      const label = notebookHostLabel(name, 'eastus', GUID);
      assert.equal(label.length, 63);
      assert.equal(label, `ml-${'a'.repeat(budget)}-eastus-${GUID}`);
    }
  });

  it('gives a long region a shorter name budget and lower-cases', () => {
    const label = notebookHostLabel('My-Workspace-Name', 'germanywestcentral', GUID);
    assert.equal(label, `ml-my-w-germanywestcentral-${GUID}`);
    assert.equal(label.length, 63);
  });
});

describe('customDnsRecords', () => {
  it('lists the hub names with the IPs from the endpoint, cert before api as documented', () => {
    const records = customDnsRecords(input());
    assert.deepEqual(
      records.map((record) => [record.fqdn, record.ipAddresses.join(' '), record.zone]),
      [
        [`${GUID}.workspace.eastus.cert.api.azureml.ms`, '10.1.0.5', 'api.azureml.ms'],
        [`${GUID}.workspace.eastus.api.azureml.ms`, '10.1.0.5', 'api.azureml.ms'],
        [`ml-myworkspace-eastus-${GUID}.eastus.notebooks.azure.net`, '10.1.0.6', 'notebooks.azure.net'],
      ],
    );
  });

  it('points compute instances (and their -22 SSH names) at the workspace API IP', () => {
    const records = customDnsRecords(input({ computeInstanceNames: ['ci-Alice'] }));
    const instances = records.filter((record) => record.zone === 'instances.azureml.ms');
    assert.deepEqual(
      instances.map((record) => [record.fqdn, record.ipAddresses[0], record.purpose]),
      [
        ['ci-alice.eastus.instances.azureml.ms', '10.1.0.5', 'computeInstance'],
        ['ci-alice-22.eastus.instances.azureml.ms', '10.1.0.5', 'computeInstanceSsh'],
      ],
    );
  });

  it('matches online endpoints to the inference wildcard and adds serverless models', () => {
    const records = customDnsRecords(input({ onlineEndpointNames: ['score'], includeServerlessModels: true }));
    const endpoint = records.find((record) => record.purpose === 'onlineEndpoint');
    assert.equal(endpoint?.fqdn, 'score.eastus.inference.ml.azure.com');
    assert.deepEqual(endpoint?.ipAddresses, ['10.1.0.7']);
    const models = records.find((record) => record.purpose === 'serverlessModels');
    assert.equal(models?.fqdn, 'models.ai.azure.com');
  });

  it('gives projects their own names on the hub endpoint IPs', () => {
    const records = customDnsRecords(input({ projects: [{ name: 'proj', workspaceId: PROJECT_GUID }] }));
    const project = records.filter((record) => record.workspaceName === 'proj');
    assert.deepEqual(
      project.map((record) => [record.fqdn, record.ipAddresses[0]]),
      [
        [`${PROJECT_GUID}.workspace.eastus.cert.api.azureml.ms`, '10.1.0.5'],
        [`${PROJECT_GUID}.workspace.eastus.api.azureml.ms`, '10.1.0.5'],
        [`ml-proj-eastus-${PROJECT_GUID}.eastus.notebooks.azure.net`, '10.1.0.6'],
      ],
    );
  });

  it('uses the sovereign domains', () => {
    const records = customDnsRecords(
      input({
        cloud: CLOUDS.AzureUSGovernment,
        region: 'usgovvirginia',
        endpointDnsConfigs: [],
        computeInstanceNames: ['ci'],
        includeServerlessModels: true,
      }),
    );
    assert.deepEqual(
      records.map((record) => record.fqdn),
      [
        `${GUID}.workspace.usgovvirginia.cert.api.ml.azure.us`,
        `${GUID}.workspace.usgovvirginia.api.ml.azure.us`,
        `ml-myworkspa-usgovvirginia-${GUID}.usgovvirginia.notebooks.usgovcloudapi.net`,
        'ci.usgovvirginia.instances.azureml.us',
        'ci-22.usgovvirginia.instances.azureml.us',
      ],
    );
    assert.ok(records.every((record) => record.ipAddresses.length === 0));
    const china = customDnsRecords(
      input({ cloud: CLOUDS.AzureChinaCloud, region: 'chinanorth3', endpointDnsConfigs: [] }),
    );
    assert.equal(china[1]?.fqdn, `${GUID}.workspace.chinanorth3.api.ml.azure.cn`);
    assert.match(china[2]?.fqdn ?? '', /\.chinanorth3\.notebooks\.chinacloudapi\.cn$/);
  });

  it('does not let a wildcard stand for more than one label', () => {
    const records = customDnsRecords(input({ onlineEndpointNames: ['a.b'] }));
    assert.deepEqual(records.find((record) => record.purpose === 'onlineEndpoint')?.ipAddresses, ['10.1.0.5']);
  });
});

describe('which zone a name belongs to', () => {
  it('maps workspace names to their private link zone and relative name', () => {
    assert.deepEqual(privateZoneRecordOf(CLOUDS.AzureCloud, `${GUID}.workspace.eastus.cert.api.azureml.ms`), {
      zoneName: 'privatelink.api.azureml.ms',
      relativeName: `${GUID}.workspace.eastus.cert`,
    });
    assert.deepEqual(
      privateZoneRecordOf(
        CLOUDS.AzureUSGovernment,
        `ml-x-usgovvirginia-${GUID}.usgovvirginia.notebooks.usgovcloudapi.net`,
      ),
      {
        zoneName: 'privatelink.notebooks.usgovcloudapi.net',
        relativeName: `ml-x-usgovvirginia-${GUID}.usgovvirginia`,
      },
    );
    assert.deepEqual(privateZoneRecordOf(CLOUDS.AzureCloud, '*.eastus.inference.ml.azure.com', GUID.toUpperCase()), {
      zoneName: 'privatelink.api.azureml.ms',
      relativeName: `*.${GUID}.inference.eastus`,
    });
    assert.equal(privateZoneRecordOf(CLOUDS.AzureCloud, '*.eastus.inference.ml.azure.com'), undefined);
    assert.equal(privateZoneRecordOf(CLOUDS.AzureCloud, 'ci.eastus.instances.azureml.ms'), undefined);
    assert.equal(privateZoneRecordOf(CLOUDS.AzureChinaCloud, `${GUID}.workspace.eastus.api.azureml.ms`), undefined);
  });

  it('finds the custom DNS zone of a name', () => {
    assert.equal(customDnsZoneOf(CLOUDS.AzureCloud, 'ci.eastus.instances.azureml.ms'), 'instances.azureml.ms');
    assert.equal(customDnsZoneOf(CLOUDS.AzureCloud, 'models.ai.azure.com'), 'models.ai.azure.com');
    assert.equal(customDnsZoneOf(CLOUDS.AzureCloud, 'example.com'), undefined);
  });
});
