import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import { findings } from './helpers';

const HEAD = 'kind: hub\npublic_network_access: Enabled\n';

describe('aliases and merge keys in the network sections', () => {
  it('follows ip_rules: *anchor and flags reserved ranges where the anchor is written', () => {
    const text = `${HEAD}x-rules: &r\n  - value: 10.0.0.0/8\n  - value: 52.1.2.0/24\nnetwork_acls:\n  default_action: Deny\n  ip_rules: *r\n`;
    assert.deepEqual(findings(text), [{ code: 'reserved-ip-range', at: '10.0.0.0/8' }]);
  });

  it('follows an aliased rule item and an aliased value', () => {
    const text = `${HEAD}x-home: &home {value: 192.168.1.0/24}\nx-lab: &lab 127.0.0.1\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - *home\n    - value: *lab\n`;
    assert.deepEqual(findings(text), [
      { code: 'reserved-ip-range', at: '192.168.1.0/24' },
      { code: 'reserved-ip-range', at: '127.0.0.1' },
    ]);
  });

  it('follows network_acls: *acl', () => {
    const text = `${HEAD}x-acl: &acl\n  default_action: deny\n  ip_rules:\n    - value: 172.16.0.0/12\nnetwork_acls: *acl\n`;
    assert.deepEqual(
      findings(text).map((finding) => finding.code),
      ['invalid-default-action', 'reserved-ip-range'],
    );
  });

  it('merges << into network_acls (its own keys win) and checks what the merge brings', () => {
    const text = `${HEAD}x-base: &base\n  default_action: Allow\n  ip_rules:\n    - value: 100.64.0.0/10\nnetwork_acls:\n  <<: *base\n  default_action: Deny\n`;
    const found = findings(text);
    assert.deepEqual(found, [{ code: 'reserved-ip-range', at: '100.64.0.0/10' }], 'no ip-rules-ignored: Deny wins');
  });

  it('merges a list of mappings, the first one winning, and an inline mapping', () => {
    const text = `${HEAD}x-a: &a {default_action: Deny}\nx-b: &b {default_action: Allow, ip_rules: [{value: 52.1.2.3}]}\nnetwork_acls:\n  <<: [*a, *b]\n`;
    assert.deepEqual(findings(text), []);
    const inline = `${HEAD}network_acls:\n  <<:\n    default_action: Deny\n    ip_rules:\n      - value: 0.0.0.0/8\n`;
    assert.deepEqual(findings(inline), [{ code: 'reserved-ip-range', at: '0.0.0.0/8' }]);
  });

  it('reports an alias without an anchor, and a << that merges no mapping, instead of skipping them', () => {
    const missing = `${HEAD}network_acls:\n  default_action: Deny\n  ip_rules: *nowhere\n`;
    assert.deepEqual(findings(missing), [{ code: 'unresolved-alias', at: '*nowhere' }]);
    const scalar = `${HEAD}x: &s just-text\nnetwork_acls:\n  <<: *s\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.3\n`;
    assert.deepEqual(findings(scalar), [{ code: 'unresolved-alias', at: '<<' }]);
  });

  it('stops following a self-referencing merge, and reports it', () => {
    const text = `${HEAD}network_acls: &loop\n  <<: *loop\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.3\n`;
    const found = findings(text);
    assert.ok(
      found.some((finding) => finding.code === 'unresolved-alias'),
      JSON.stringify(found),
    );
  });

  it('bounds the expansion of a "billion laughs" file: a few findings, not millions', () => {
    const levels = ['x0: &l0 [{value: 10.0.0.1}, {value: 10.0.0.1}]'];
    for (let level = 1; level < 12; level++) levels.push(`x${level}: &l${level} [*l${level - 1}, *l${level - 1}]`);
    const text = `${HEAD}${levels.join('\n')}\nnetwork_acls:\n  <<: [*l11]\n  default_action: Deny\n  ip_rules: *l11\n`;
    const found = findings(text);
    assert.ok(found.length > 0);
    assert.ok(found.length < 50, `${found.length} findings`);
  });

  it('makes foundry-net lint exit 1 when an alias brings a reserved range', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'foundry-alias-'));
    writeFileSync(
      path.join(root, 'hub.yaml'),
      `${HEAD}x-rules: &r\n  - value: 10.1.0.0/16\nnetwork_acls:\n  default_action: Deny\n  ip_rules: *r\n`,
    );
    let stdout = '';
    const code = await main(['lint', 'hub.yaml'], { stdout: (text) => (stdout += text), stderr: () => {}, cwd: root });
    assert.equal(code, 1);
    assert.match(stdout, /reserved-ip-range/);
  });
});
