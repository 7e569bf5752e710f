import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES, SEVERITY_OF } from '../../../src/yaml/engine';
import { codes, diagnose, findings, hubWithAcls, hubWithRules } from './helpers';

describe('which documents are checked', () => {
  const bad = 'network_acls:\n  default_action: deny\n';
  it('checks documents with a workspace $schema, a workspace kind (any case) or a network key', () => {
    assert.deepEqual(
      codes(
        `$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\n${bad.replace('network_acls', 'other')}`,
      ),
      [],
    );
    assert.deepEqual(codes(`$schema: x/workspace.schema.json\npublic_network_access: nope\n`), [
      'invalid-public-network-access',
    ]);
    assert.deepEqual(codes('kind: HUB\nmanaged_network:\n  isolation_mode: bogus\n'), ['invalid-isolation-mode']);
    assert.deepEqual(codes('kind: Project\na: 1\na: 2\n'), ['duplicate-key']);
    assert.deepEqual(codes(bad), ['invalid-default-action']);
  });

  it('ignores other YAML, Kubernetes kinds included', () => {
    assert.deepEqual(codes('kind: Deployment\na: 1\na: 2\n'), []);
    assert.deepEqual(codes('name: x\nitems: [1, 2\n'), []);
    assert.deepEqual(codes('- 1\n- 2\n'), []);
    assert.deepEqual(codes(''), []);
  });

  it('checks each document of a multi-document file on its own', () => {
    const text = `kind: Deployment\na: 1\na: 2\n---\n${bad}---\nkind: Service\n`;
    assert.deepEqual(findings(text), [{ code: 'invalid-default-action', at: 'deny' }]);
  });
});

describe('yaml-syntax and duplicate-key', () => {
  it('reports the parser error range in a checked document', () => {
    const text = 'kind: hub\nnetwork_acls: {default_action: Deny\n';
    const found = diagnose(text).filter((item) => item.code === 'yaml-syntax');
    assert.ok(found.length > 0);
    assert.match(found[0].message, /^YAML syntax error: .+ Fix the syntax/);
  });

  it('reports each repeated key after the first, anywhere in the document', () => {
    const text =
      'kind: hub\nname: a\nname: b\nmanaged_network:\n  isolation_mode: disabled\n  isolation_mode: disabled\nname: c\n';
    assert.deepEqual(findings(text), [
      { code: 'duplicate-key', at: 'name' },
      { code: 'duplicate-key', at: 'isolation_mode' },
      { code: 'duplicate-key', at: 'name' },
    ]);
    assert.equal(diagnose(text)[0].range.start, text.indexOf('name: b'));
  });

  it('does not confuse keys that only look alike', () => {
    assert.deepEqual(codes('kind: hub\nname: a\nName: b\n"1": x\n1: y\n'), []);
  });
});

describe('public_network_access', () => {
  it('accepts enabled and disabled in any case', () => {
    for (const value of ['Enabled', 'disabled', 'ENABLED', '"Disabled"'])
      assert.deepEqual(codes(`kind: hub\npublic_network_access: ${value}\n`), []);
  });
  it('flags anything else on the value', () => {
    assert.deepEqual(findings('kind: hub\npublic_network_access: true\n'), [
      { code: 'invalid-public-network-access', at: 'true' },
    ]);
    assert.deepEqual(findings('kind: hub\npublic_network_access: Enable\n'), [
      { code: 'invalid-public-network-access', at: 'Enable' },
    ]);
  });
});

describe('network_acls and default_action', () => {
  it('requires default_action, on the network_acls key', () => {
    assert.deepEqual(findings(hubWithAcls('  ip_rules:\n    - value: 52.1.2.3\n')), [
      { code: 'missing-default-action', at: 'network_acls' },
    ]);
    assert.deepEqual(findings('kind: hub\nnetwork_acls:\n'), [{ code: 'missing-default-action', at: 'network_acls' }]);
  });

  it('wants exactly Allow or Deny', () => {
    assert.deepEqual(codes(hubWithAcls('  default_action: Allow\n')), []);
    for (const value of ['deny', 'ALLOW', 'Block', '""', '1']) {
      assert.deepEqual(
        codes(hubWithAcls(`  default_action: ${value}\n  ip_rules:\n    - value: 52.1.2.3\n`)),
        ['invalid-default-action'],
        value,
      );
    }
    assert.deepEqual(findings(hubWithAcls('  default_action: "deny"\n')), [
      { code: 'invalid-default-action', at: '"deny"' },
    ]);
  });

  it('flags Deny without rules or with an empty list, on the value', () => {
    assert.deepEqual(findings(hubWithAcls('  default_action: Deny\n')), [
      { code: 'deny-without-ip-rules', at: 'Deny' },
    ]);
    assert.deepEqual(findings(hubWithAcls('  default_action: Deny\n  ip_rules: []\n')), [
      { code: 'deny-without-ip-rules', at: 'Deny' },
    ]);
    assert.deepEqual(findings(hubWithAcls('  default_action: Deny\n  ip_rules:\n')), [
      { code: 'deny-without-ip-rules', at: 'Deny' },
    ]);
    assert.deepEqual(codes(hubWithRules('52.1.2.3')), []);
    assert.deepEqual(codes(hubWithAcls('  default_action: Allow\n  ip_rules: []\n')), []);
  });

  it('flags rules that have no effect, on the ip_rules key', () => {
    const allow = hubWithAcls('  default_action: Allow\n  ip_rules:\n    - value: 52.1.2.3\n');
    assert.deepEqual(findings(allow), [{ code: 'ip-rules-ignored', at: 'ip_rules' }]);
    const disabled = hubWithRules('52.1.2.3').replace(
      'public_network_access: Enabled',
      'public_network_access: disabled',
    );
    assert.deepEqual(findings(disabled), [{ code: 'ip-rules-ignored', at: 'ip_rules' }]);
    assert.deepEqual(codes(hubWithRules('52.1.2.3').replace('public_network_access: Enabled\n', '')), []);
  });

  it('flags keys azure-ai-ml does not know, suggesting the near one', () => {
    const text = hubWithAcls('  default_action: Allow\n  default_acton: Deny\n  bypass: AzureServices\n');
    assert.deepEqual(findings(text), [
      { code: 'unknown-key', at: 'default_acton' },
      { code: 'unknown-key', at: 'bypass' },
    ]);
    assert.match(diagnose(text)[0].message, /Did you mean "default_action"/);
  });
});

describe('ip_rules shape and entries', () => {
  it('flags a mapping (the docs form) or a scalar on the ip_rules key', () => {
    const docs = hubWithAcls(
      '  ip_rules:\n    value: "52.1.2.0/24"\n    value: "20.30.40.50"\n  default_action: Deny\n',
    );
    assert.deepEqual(findings(docs), [
      { code: 'ip-rules-not-a-list', at: 'ip_rules' },
      { code: 'duplicate-key', at: 'value' },
    ]);
    assert.match(diagnose(docs)[0].message, /"value" 2 times/);
    assert.deepEqual(findings(hubWithAcls('  default_action: Deny\n  ip_rules: 52.1.2.3\n')), [
      { code: 'ip-rules-not-a-list', at: 'ip_rules' },
    ]);
    assert.deepEqual(findings(hubWithAcls('  default_action: Deny\n  ip_rules: {value: 52.1.2.3}\n')), [
      { code: 'ip-rules-not-a-list', at: 'ip_rules' },
    ]);
  });

  it('flags entries that are not a mapping with a string value, on the item', () => {
    const text = hubWithAcls(
      '  default_action: Deny\n  ip_rules:\n    - 52.1.2.3\n    - value:\n    - value: ""\n    - action: Allow\n    - value: 52\n    - [52.1.2.3]\n',
    );
    assert.deepEqual(findings(text), [
      { code: 'invalid-ip-rule-entry', at: '52.1.2.3' },
      { code: 'invalid-ip-rule-entry', at: 'value:' },
      { code: 'invalid-ip-rule-entry', at: 'value: ""' },
      { code: 'unknown-key', at: 'action' },
      { code: 'invalid-ip-rule-entry', at: 'action: Allow' },
      { code: 'invalid-ip-rule-entry', at: 'value: 52' },
      { code: 'invalid-ip-rule-entry', at: '[52.1.2.3]' },
    ]);
  });

  it('flags an unknown key in a rule but keeps checking its value', () => {
    assert.deepEqual(
      findings(hubWithAcls('  default_action: Deny\n  ip_rules:\n    - value: 10.0.0.1\n      action: Allow\n')),
      [
        { code: 'reserved-ip-range', at: '10.0.0.1' },
        { code: 'unknown-key', at: 'action' },
      ],
    );
  });

  it('counts 200 rules as fine and 201 as too many', () => {
    const values = Array.from({ length: 201 }, (_, index) => `52.${index}.0.0/16`);
    assert.deepEqual(codes(hubWithRules(...values.slice(0, 200))), []);
    assert.deepEqual(findings(hubWithRules(...values)), [{ code: 'too-many-ip-rules', at: 'ip_rules' }]);
  });
});

describe('IP addresses', () => {
  const valueFinding = (value: string) => findings(hubWithRules(value));

  it('flags values that are not IPv4, on the value', () => {
    for (const value of [
      '1.2.3',
      '256.1.1.1',
      '1.2.3.4/33',
      '1.2.3.4/',
      '01.2.3.4',
      '"52.1.2.3 "',
      '" 52.1.2.3"',
      '"52.1.2.3, 20.1.1.1"',
    ]) {
      assert.deepEqual(valueFinding(value), [{ code: 'invalid-ip-address', at: value }], value);
    }
  });

  it('flags IPv6 forms', () => {
    for (const value of ['"::1"', '"2603:1030:20e::/48"', '"::ffff:52.1.2.3"', 'fe80::1']) {
      assert.deepEqual(valueFinding(value), [{ code: 'ipv6-not-supported', at: value }], value);
    }
  });

  it('flags reserved ranges, naming them, and not their public neighbours', () => {
    const reserved = valueFinding('172.31.255.255');
    assert.deepEqual(reserved, [{ code: 'reserved-ip-range', at: '172.31.255.255' }]);
    assert.match(diagnose(hubWithRules('172.31.255.255'))[0].message, /172\.16\.0\.0\/12/);
    for (const value of ['172.32.0.0', '11.0.0.0', '100.128.0.0', '0.0.0.0/0', '8.0.0.0/6']) {
      const expected = value === '0.0.0.0/0' || value === '8.0.0.0/6' ? ['reserved-ip-range'] : [];
      assert.deepEqual(codes(hubWithRules(value)), expected, value);
    }
    assert.deepEqual(codes(hubWithRules('52.1.2.3/32', '20.0.0.0/8')), []);
  });

  it('warns about host bits, not about canonical networks or plain addresses', () => {
    assert.deepEqual(valueFinding('"52.1.2.3/24"'), [{ code: 'non-canonical-cidr', at: '"52.1.2.3/24"' }]);
    assert.deepEqual(codes(hubWithRules('52.1.2.0/24', '52.1.3.7', '52.1.4.7/32')), []);
  });
});

describe('duplicates and redundancy', () => {
  it('flags the later of two equal networks, after canonicalising', () => {
    assert.deepEqual(findings(hubWithRules('52.1.2.3', '20.1.1.1', '52.1.2.3/32')), [
      { code: 'duplicate-ip-rule', at: '52.1.2.3/32' },
    ]);
    assert.match(diagnose(hubWithRules('52.1.2.3', '52.1.2.3'))[0].message, /rule 1/);
  });

  it('flags a rule inside another one, before or after it', () => {
    assert.deepEqual(findings(hubWithRules('52.1.2.3', '52.1.0.0/16')), [
      { code: 'redundant-ip-rule', at: '52.1.2.3' },
    ]);
    assert.deepEqual(findings(hubWithRules('52.0.0.0/8', '52.1.0.0/16')), [
      { code: 'redundant-ip-rule', at: '52.1.0.0/16' },
    ]);
    assert.deepEqual(codes(hubWithRules('52.1.2.0/25', '52.1.2.128/25')), []);
  });

  it('reports a failing value once: invalid is not reserved, reserved is not duplicate', () => {
    assert.deepEqual(codes(hubWithRules('10.0.0.01')), ['invalid-ip-address']);
    assert.deepEqual(codes(hubWithRules('10.0.0.1', '10.0.0.1')), ['reserved-ip-range', 'reserved-ip-range']);
    assert.deepEqual(codes(hubWithRules('52.1.2.0/24', '52.1.2.3/24')), ['non-canonical-cidr']);
  });
});

describe('managed_network', () => {
  const managed = (body: string) => `kind: hub\nmanaged_network:\n${body}`;

  it('accepts the three modes in snake_case and PascalCase', () => {
    for (const mode of [
      'disabled',
      'allow_internet_outbound',
      'allow_only_approved_outbound',
      'AllowOnlyApprovedOutbound',
      'Disabled',
    ]) {
      assert.deepEqual(codes(managed(`  isolation_mode: ${mode}\n`)), [], mode);
    }
  });

  it('flags other modes on the value', () => {
    assert.deepEqual(findings(managed('  isolation_mode: AllowOnlyApproved\n')), [
      { code: 'invalid-isolation-mode', at: 'AllowOnlyApproved' },
    ]);
    assert.deepEqual(codes(managed('  isolation_mode: ALLOW_INTERNET_OUTBOUND\n')), ['invalid-isolation-mode']);
  });

  it('checks outbound rules: required keys, type, destination shape', () => {
    const text = managed(
      [
        '  isolation_mode: allow_only_approved_outbound',
        '  outbound_rules:',
        '    - name: pypi',
        '      type: fqdn',
        '      destination: pypi.org',
        '    - name: storage',
        '      type: service_tag',
        '      destination:',
        '        service_tag: Storage',
        '        protocol: TCP',
        '        port_ranges: "443"',
        '    - name: kv',
        '      type: private_endpoint',
        '      destination:',
        '        service_resource_id: /subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
        '        subresource_target: vault',
        '        spark_enabled: false',
        '',
      ].join('\n'),
    );
    assert.deepEqual(codes(text), []);
    const broken = managed(
      [
        '  isolation_mode: allow_only_approved_outbound',
        '  outbound_rules:',
        '    - name: a',
        '    - name: b',
        '      type: firewall',
        '      destination: x',
        '    - name: c',
        '      type: service_tag',
        '      destination: Storage',
        '    - name: d',
        '      type: private_endpoint',
        '      destination:',
        '        subresource_target: vault',
        '        port_ranges: "1"',
        '    - name: e',
        '      type: fqdn',
        '      destination: {host: pypi.org}',
        '      priority: 1',
        '',
      ].join('\n'),
    );
    assert.deepEqual(findings(broken), [
      { code: 'invalid-outbound-rule', at: 'name: a' },
      { code: 'invalid-outbound-rule', at: 'firewall' },
      { code: 'invalid-outbound-rule', at: 'Storage' },
      { code: 'invalid-outbound-rule', at: 'destination' },
      { code: 'invalid-outbound-rule', at: 'port_ranges' },
      { code: 'invalid-outbound-rule', at: '{host: pypi.org}' },
      { code: 'unknown-key', at: 'priority' },
    ]);
  });

  it('flags fqdn rules outside allow_only_approved_outbound, on the item', () => {
    const rule = '  outbound_rules:\n    - name: pypi\n      type: fqdn\n      destination: pypi.org\n';
    assert.deepEqual(findings(managed(`  isolation_mode: allow_internet_outbound\n${rule}`)), [
      { code: 'outbound-rule-ignored', at: 'name: pypi\n      type: fqdn\n      destination: pypi.org' },
    ]);
    assert.deepEqual(codes(managed(rule)), ['outbound-rule-ignored']);
    assert.deepEqual(codes(managed(`  isolation_mode: AllowOnlyApprovedOutbound\n${rule}`)), []);
  });

  it('flags unknown keys in managed_network', () => {
    assert.deepEqual(findings(managed('  isolation_mode: disabled\n  isolaton_mode: x\n')), [
      { code: 'unknown-key', at: 'isolaton_mode' },
    ]);
  });
});

describe('every code', () => {
  it('has a severity and is produced by some input', () => {
    const samples = [
      'kind: hub\nnetwork_acls: [\n',
      'kind: hub\na: 1\na: 2\n',
      'kind: hub\npublic_network_access: x\n',
      'kind: hub\nnetwork_acls:\n  ip_rules: []\n',
      hubWithAcls('  default_action: deny\n  ip_rules: 52.1.2.3\n'),
      hubWithAcls(
        '  default_action: Deny\n  ip_rules:\n    - 1.2.3.4\n    - value: 1.2.3\n    - value: "::1"\n    - value: 10.0.0.1\n    - value: 52.1.2.3/24\n    - value: 20.1.1.1\n    - value: 20.1.1.1\n    - value: 20.0.0.0/8\n',
      ),
      hubWithAcls('  default_action: Deny\n'),
      hubWithRules(...Array.from({ length: 201 }, (_, index) => `52.${index}.0.0/16`)),
      hubWithAcls('  default_action: Allow\n  ip_rules:\n    - value: 52.1.2.3\n  x: 1\n'),
      'kind: hub\nmanaged_network:\n  isolation_mode: x\n  outbound_rules:\n    - name: a\n',
      'kind: hub\nmanaged_network:\n  outbound_rules:\n    - name: a\n      type: fqdn\n      destination: pypi.org\n',
      'kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules: *missing\n',
    ];
    const produced = new Set(samples.flatMap(codes));
    for (const code of DIAGNOSTIC_CODES) {
      assert.ok(produced.has(code), `${code} is produced`);
      assert.ok(SEVERITY_OF[code]);
    }
  });

  it('gives every diagnostic the severity of its code and a message that says what to do', () => {
    for (const item of diagnose(hubWithRules('1.2.3', '10.0.0.1', '52.1.2.3/24'))) {
      assert.equal(item.severity, SEVERITY_OF[item.code]);
      assert.match(item.message, /\. [A-Z].*\.$/);
    }
  });
});
