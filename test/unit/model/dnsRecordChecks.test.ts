import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDnsRecords, hostNameProblem } from '../../../src/model/dnsRecordChecks';
import type { CustomDnsRecord } from '../../../src/model/dnsRecords';

const record = (overrides: Partial<CustomDnsRecord> = {}): CustomDnsRecord => ({
  fqdn: 'g.workspace.eastus.api.azureml.ms',
  ipAddresses: ['10.1.0.5'],
  zone: 'api.azureml.ms',
  purpose: 'workspaceApi',
  workspaceName: 'hub',
  ...overrides,
});

describe('hostNameProblem: RFC 1123 host names', () => {
  it('accepts the names Azure publishes', () => {
    for (const name of [
      '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.workspace.eastus.api.azureml.ms',
      'ml-hub-sales-eastus-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.eastus.notebooks.azure.net',
      'ci-22.eastus.instances.azureml.ms',
      'models.ai.azure.com',
      `${'a'.repeat(63)}.b`,
      `${'a.'.repeat(126)}b`,
    ]) {
      assert.equal(hostNameProblem(name), undefined, name);
    }
  });

  it('refuses what a hosts file or a BIND zone would read as syntax, and names it printably', () => {
    const cases: [string, RegExp][] = [
      ['ci\n10.6.6.6 evil.com', /holds "\\u\{a\}"/],
      ['ci\r.eastus.x', /holds "\\u\{d\}"/],
      ['a b.com', /holds " "/],
      ['a;b.com', /holds ";"/],
      ['a"b.com', /holds """/],
      ["a'b.com", /holds "'"/],
      ['*.eastus.inference.ml.azure.com', /holds "\*"/],
      ['my_hub.eastus.notebooks.azure.net', /holds "_"/],
      ['ünï.com', /holds "ü"/],
      ['a..b', /empty label/],
      ['a.b.', /empty label/],
      ['', /empty/],
      [`${'a'.repeat(64)}.b`, /at most 63/],
      [`${'a.'.repeat(127)}b`, /255 characters|at most 253/],
      ['-a.b', /hyphen/],
      ['a-.b', /hyphen/],
    ];
    for (const [name, reason] of cases) {
      assert.match(hostNameProblem(name) ?? 'accepted', reason, JSON.stringify(name));
    }
  });
});

describe('checkDnsRecords', () => {
  it('keeps valid records as they are', () => {
    const checked = checkDnsRecords([record(), record({ fqdn: 'api.azureml.ms', ipAddresses: [] })]);
    assert.deepEqual(checked.records, [record(), record({ fqdn: 'api.azureml.ms', ipAddresses: [] })]);
    assert.deepEqual(checked.leftOut, []);
  });

  it('leaves out a record whose name is not a host name, and says which and why', () => {
    const checked = checkDnsRecords([record({ fqdn: 'ci\n6.6.6.6 login.microsoftonline.com.instances.azureml.ms' })]);
    assert.deepEqual(checked.records, []);
    assert.deepEqual(checked.leftOut, [
      {
        name: 'ci\\u{a}6.6.6.6 login.microsoftonline.com.instances.azureml.ms',
        reason: 'the name holds "\\u{a}", which a host name cannot',
      },
    ]);
  });

  it('leaves out IPs that are not IPv4 addresses, and the record when none is left', () => {
    const checked = checkDnsRecords([
      record({ ipAddresses: ['10.1.0.5', '10.1.0.6\n6.6.6.6 evil.com', '999.1.1.1', '10.1.0.05', '::1', ''] }),
      record({ fqdn: 'h.workspace.eastus.api.azureml.ms', ipAddresses: ['10.1.0.7;x'] }),
    ]);
    assert.deepEqual(checked.records, [record()]);
    assert.deepEqual(
      checked.leftOut.map((value) => `${value.name}: ${value.reason}`),
      [
        'g.workspace.eastus.api.azureml.ms: "10.1.0.6\\u{a}6.6.6.6 evil.com" is not an IPv4 address',
        'g.workspace.eastus.api.azureml.ms: "999.1.1.1" is not an IPv4 address',
        'g.workspace.eastus.api.azureml.ms: "10.1.0.05" is not an IPv4 address',
        'g.workspace.eastus.api.azureml.ms: "::1" is not an IPv4 address',
        'g.workspace.eastus.api.azureml.ms: "" is not an IPv4 address',
        'h.workspace.eastus.api.azureml.ms: "10.1.0.7;x" is not an IPv4 address',
      ],
    );
  });

  it('leaves out a name that is not under its zone', () => {
    const checked = checkDnsRecords([record({ fqdn: 'login.microsoftonline.com' })]);
    assert.deepEqual(checked.records, []);
    assert.match(checked.leftOut[0]?.reason ?? '', /not under its zone api\.azureml\.ms/);
  });
});
