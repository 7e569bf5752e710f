import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDnsRecords } from '../../../src/model/dnsRecordChecks';
import { renderBindZones, renderCsv, renderHostsFile } from '../../../src/model/dnsRecordFormats';
import type { CustomDnsRecord } from '../../../src/model/dnsRecords';

const RECORDS: CustomDnsRecord[] = [
  {
    fqdn: 'g.workspace.eastus.api.azureml.ms',
    ipAddresses: ['10.1.0.5'],
    zone: 'api.azureml.ms',
    purpose: 'workspaceApi',
    workspaceName: 'hub',
  },
  {
    fqdn: 'ml-hub-eastus-g.eastus.notebooks.azure.net',
    ipAddresses: ['10.1.0.16'],
    zone: 'notebooks.azure.net',
    purpose: 'notebooks',
    workspaceName: 'hub',
  },
  {
    fqdn: 'ci.eastus.instances.azureml.ms',
    ipAddresses: [],
    zone: 'instances.azureml.ms',
    purpose: 'computeInstance',
    workspaceName: 'hub',
  },
  {
    fqdn: 'models.ai.azure.com',
    ipAddresses: ['10.1.0.5'],
    zone: 'models.ai.azure.com',
    purpose: 'serverlessModels',
    workspaceName: 'hub, "sales"',
  },
];

describe('dnsRecordFormats', () => {
  it('renders a hosts file with aligned IPs and comments for unknown ones', () => {
    assert.equal(
      renderHostsFile(checkDnsRecords(RECORDS), 'hub-sales\nprivate endpoint pe-hub'),
      [
        '# hub-sales',
        '# private endpoint pe-hub',
        '10.1.0.5   g.workspace.eastus.api.azureml.ms',
        '10.1.0.16  ml-hub-eastus-g.eastus.notebooks.azure.net',
        "# ci.eastus.instances.azureml.ms: no private IP known; find it on the private endpoint's network interface",
        '10.1.0.5   models.ai.azure.com',
        '',
      ].join('\n'),
    );
  });

  it('renders BIND snippets grouped by zone with relative owners', () => {
    const text = renderBindZones(checkDnsRecords(RECORDS), { ttlSeconds: 300 });
    assert.match(text, /\$ORIGIN api\.azureml\.ms\.\n\$TTL 300\ng\.workspace\.eastus\tIN\tA\t10\.1\.0\.5\n/);
    assert.match(text, /\$ORIGIN notebooks\.azure\.net\.\n\$TTL 300\nml-hub-eastus-g\.eastus\tIN\tA\t10\.1\.0\.16/);
    assert.match(text, /; ci\.eastus: no private IP known/);
    assert.match(text, /\$ORIGIN models\.ai\.azure\.com\.\n\$TTL 300\n@\tIN\tA\t10\.1\.0\.5/);
    assert.equal(text.match(/\$ORIGIN/g)?.length, 4);
  });

  it('renders CSV with quoting', () => {
    const csv = renderCsv(checkDnsRecords(RECORDS)).split('\r\n');
    assert.equal(csv[0], 'fqdn,ipAddress,zone,purpose,workspace');
    assert.equal(csv[1], 'g.workspace.eastus.api.azureml.ms,10.1.0.5,api.azureml.ms,workspaceApi,hub');
    assert.equal(csv[3], 'ci.eastus.instances.azureml.ms,,instances.azureml.ms,computeInstance,hub');
    assert.equal(csv[4], 'models.ai.azure.com,10.1.0.5,models.ai.azure.com,serverlessModels,"hub, ""sales"""');
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    const csv = renderCsv(checkDnsRecords([{ ...(RECORDS[0] as CustomDnsRecord), workspaceName: '=HYPERLINK("x")' }]));
    assert.match(csv, /,"'=HYPERLINK\(""x""\)"\r\n$/);
  });
});
